"""Small widgets the window is built of, none of them specific to SMTP: a field with its error
line, a wrapping label, the mouse-wheel guard, a scroll area that fits its form.
"""

__all__ = ["field_error", "fitting_scroll", "wheel_guard", "wrapped_label"]

"""smtpgui: set up, test and safely store an outgoing mail (SMTP) server."""

__version__ = "0.1.0"

# The scripts' API, loaded on first use so that `import smtpgui` stays light.
_API = (
    "load_settings",
    "send_message",
    "send_messages",
    "MessageReport",
    "Outcome",
    "SmtpguiError",
    "NotConfiguredError",
    "PasswordUnavailableError",
    "SendError",
    "ConnectionFailedError",
    "SecurityError",
    "AuthenticationError",
    "SenderRefusedError",
    "RecipientRefusedError",
    "MessageRefusedError",
    "DeliveryUncertainError",
)
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> object:
    if name in _API:
        from smtpgui import api

        return getattr(api, name)
    raise AttributeError(f"module 'smtpgui' has no attribute {name!r}")

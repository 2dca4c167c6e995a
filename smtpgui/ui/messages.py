"""Error messages as the admin reads them: in the UI language where the core gave a Text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smtpgui.core.text.i18n import shown


def error_text(exc: BaseException) -> str:
    """An error's message in the UI language (the core raises a Text where it can)."""
    said = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return shown(said, QCoreApplication.translate)

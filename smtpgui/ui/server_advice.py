"""ServerAdvice: what is wrong with the typed server before Test, with a one-click fix.

Two mistakes an admin makes often: a misspelt prefix (`tsl://`, `ssl:/`, `smtps://`) and a
known provider's server with a port or security it does not offer (`ssl://smtp.gmail.com:587`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from smtpgui.core.providers.catalogue import by_host
from smtpgui.core.smtp.endpoint import (
    EndpointError,
    Security,
    ServerEntry,
    format_entry,
    parse_entries,
)
from smtpgui.ui.qt_enums import top_aligned
from smtpgui.ui.widgets.wrapped_label import WrappedLabel

# Misspellings of the two prefixes the field understands, and what they meant.
_MEANT = {
    "ssl": "ssl://",
    "sll": "ssl://",
    "smtps": "ssl://",
    "tls": "tls://",
    "tsl": "tls://",
    "starttls": "tls://",
    "start-tls": "tls://",
    "submission": "tls://",
}
_TYPED_PREFIX = re.compile(r"^\s*([A-Za-z-]+):/*")


def prefix_fix(text: str) -> str | None:
    """The text with a misspelt prefix corrected, or None when the prefix is fine (or none)."""
    match = _TYPED_PREFIX.match(text)
    if match is None or match[1].lower() not in _MEANT:
        return None
    fixed = _MEANT[match[1].lower()] + text[match.end() :]
    return fixed if fixed != text.strip() else None


def provider_fix(text: str, security: Security, port: int) -> tuple[str, str] | None:
    """(provider name, fixed text) when a provider's server is asked for a mode it lacks."""
    try:
        first, *rest = text.split(";")
        entry = parse_entries(first)[0]
    except EndpointError:
        return None
    match = by_host(entry.host)
    if match is None:
        return None
    host = entry.host.lower()
    offered = [s for s in match.provider.servers_in(match.region) if s.host.lower() == host]
    if not offered or any((s.security, s.port) == (security, port) for s in offered):
        return None
    best = next((s for s in offered if s.security is security), offered[0])
    fixed = format_entry(ServerEntry(entry.host, best.security, best.port))
    return match.provider.name, ";".join([fixed, *rest])


class ServerAdvice(QWidget):
    """A notice under the Server field and a button that applies its fix.

    Signals:
        fix_chosen(str): the admin chose the corrected server text.
    """

    fix_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverAdvice")
        self.label = WrappedLabel(objectName="serverAdviceText")
        self.button = QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addLayout(top_aligned(self.button))
        self.button.clicked.connect(self._apply)
        self._fixed = ""
        self.hide()

    def show_for(self, text: str, security: Security, port: int) -> None:
        """Advise on the typed text (hidden when there is nothing to say)."""
        said, self._fixed = "", prefix_fix(text) or ""
        if self._fixed:
            said = self.tr("Did you mean %s?") % self._fixed.split(";")[0]
        elif found := provider_fix(text, security, port):
            name, self._fixed = found
            offered = format_entry(parse_entries(self._fixed)[0])
            said = self.tr("%s does not offer this port and security; it takes %s.") % (
                name,
                offered,
            )
        self.label.setText(said)
        self.button.setText(self.tr("Use %s") % self._fixed.split(";")[0])
        self.button.setAccessibleDescription(said)
        self.setVisible(bool(said))

    @Slot()
    def _apply(self) -> None:
        if self._fixed:
            self.fix_chosen.emit(self._fixed)

"""Names of the probe's phases as the admin reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smtpgui.core.result import Phase

_LABELS = {
    Phase.DNS: "looking up the server name",
    Phase.CONNECT: "connecting",
    Phase.TLS: "TLS handshake",
    Phase.GREETING: "waiting for the greeting",
    Phase.EHLO: "EHLO",
    Phase.STARTTLS: "STARTTLS",
    Phase.EHLO_TLS: "EHLO after STARTTLS",
    Phase.AUTH: "logging in",
    Phase.MAIL: "MAIL FROM",
    Phase.RCPT: "RCPT TO",
    Phase.DATA: "sending the message",
    Phase.QUIT: "QUIT",
}


def phase_label(phase: Phase) -> str:
    return QCoreApplication.translate("Phase", _LABELS[phase])

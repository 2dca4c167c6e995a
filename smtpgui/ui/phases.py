"""Names of the probe's phases as the admin reads them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from smtpgui.core.smtp.result import Phase

_LABELS = {
    Phase.DNS: QT_TRANSLATE_NOOP("Phase", "finding the server (DNS)"),
    Phase.CONNECT: QT_TRANSLATE_NOOP("Phase", "connecting"),
    Phase.TLS: QT_TRANSLATE_NOOP("Phase", "TLS handshake"),
    Phase.GREETING: QT_TRANSLATE_NOOP("Phase", "server greeting"),
    Phase.EHLO: QT_TRANSLATE_NOOP("Phase", "EHLO"),
    Phase.STARTTLS: QT_TRANSLATE_NOOP("Phase", "STARTTLS"),
    Phase.EHLO_TLS: QT_TRANSLATE_NOOP("Phase", "EHLO after STARTTLS"),
    Phase.AUTH: QT_TRANSLATE_NOOP("Phase", "login (AUTH)"),
    Phase.MAIL: QT_TRANSLATE_NOOP("Phase", "sender (MAIL FROM)"),
    Phase.RCPT: QT_TRANSLATE_NOOP("Phase", "recipient (RCPT TO)"),
    Phase.DATA: QT_TRANSLATE_NOOP("Phase", "message (DATA)"),
    Phase.QUIT: QT_TRANSLATE_NOOP("Phase", "QUIT"),
}


def phase_label(phase: Phase) -> str:
    return QCoreApplication.translate("Phase", _LABELS[phase])

"""CertificatePanel: the TLS session and the server certificate after a test; pin it in a click."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.certificate import format_fingerprint
from smtpgui.core.smtp.result import CertificateInfo, Failure, ProbeResult
from smtpgui.core.text.i18n import shown
from smtpgui.ui.colours import colour
from smtpgui.ui.qt_enums import set_enum


class CertificatePanel(QGroupBox):
    """Hidden until a test reached TLS.

    Signals:
        pin_requested(str): the admin chose to accept exactly this certificate (its SHA-256).
    """

    pin_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Server certificate"), parent)
        self.details = QLabel(wordWrap=True)
        self.details.setObjectName("certificateDetails")
        set_enum(self.details, "textFormat", "RichText")
        set_enum(self.details, "textInteractionFlags", "TextSelectableByMouse")
        self.pin_button = QPushButton(self.tr("Accept only this certificate (pin it)"))
        self.pin_button.setToolTip(
            self.tr(
                "For a company server with a certificate of its own: from now on the test accepts "
                "exactly this certificate, and refuses any other."
            )
        )
        button_row = QHBoxLayout()  # the button at its own width, on the left
        button_row.addWidget(self.pin_button)
        button_row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.details)
        column.addLayout(button_row)
        self.pin_button.clicked.connect(self._pin)
        self._fingerprint = ""
        self.hide()

    def clear(self) -> None:
        """Hide the last certificate: a new test, or the form changed since."""
        self._fingerprint = ""
        self.details.clear()
        self.hide()

    def show_result(self, result: ProbeResult, trust: TrustMode) -> None:
        certificate = result.certificate
        if certificate is None:
            self.hide()
            return
        self._fingerprint = certificate.fingerprint_sha256
        rows = [(self.tr("Status"), self._status(result, trust))]
        if result.tls is not None:
            rows.append((self.tr("Connection"), f"{result.tls.version}, {result.tls.cipher}"))
        rows += self._certificate_rows(certificate)
        self.details.setText(
            "<table cellspacing='2'>"
            + "".join(
                f"<tr><td style='color:{colour('muted')}; padding-right:8px'>"
                f"{html.escape(k)}</td>"
                f"<td>{v}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.pin_button.setVisible(trust is not TrustMode.PINNED or not result.verified)
        self.show()

    def _status(self, result: ProbeResult, trust: TrustMode) -> str:
        if trust is TrustMode.INSECURE:
            return _coloured("red", "✗ " + self.tr("NOT checked (checking is turned off)"))
        if result.verified:
            text = (
                self.tr("pinned: exactly the accepted certificate")
                if trust is TrustMode.PINNED
                else self.tr("trusted")
            )
            return _coloured("green", "✓ " + text)
        if result.failure is Failure.CERTIFICATE:
            detail = shown(result.detail, QCoreApplication.translate)
            return _coloured("red", "✗ " + html.escape(detail))
        return html.escape(self.tr("not checked: the test stopped before"))

    def _certificate_rows(self, info: CertificateInfo) -> list[tuple[str, str]]:
        now = datetime.now(UTC)
        validity = f"{info.not_before:%Y-%m-%d} – {info.not_after:%Y-%m-%d}"
        if info.not_after < now:
            validity += " " + _coloured("red", self.tr("(expired)"))
        elif info.not_before > now:
            validity += " " + _coloured("red", self.tr("(not valid yet)"))
        issuer = html.escape(info.issuer)
        if info.self_signed:
            issuer += " " + html.escape(self.tr("(self-signed)"))
        return [
            (self.tr("Issued to"), html.escape(info.subject)),
            (self.tr("Names"), html.escape(", ".join(info.alt_names) or self.tr("none"))),
            (self.tr("Issued by"), issuer),
            (self.tr("Valid"), validity),
            (self.tr("SHA-256"), _two_lines(format_fingerprint(info.fingerprint_sha256))),
        ]

    @Slot()
    def _pin(self) -> None:
        if self._fingerprint:
            self.pin_requested.emit(self._fingerprint)


def _coloured(name: str, text: str) -> str:
    return f"<span style='color:{colour(name)}; font-weight:bold'>{text}</span>"


def _two_lines(fingerprint: str) -> str:
    # 95 characters without a space: too wide for the column, and a label cannot wrap it.
    middle = len(fingerprint) // 2 + 1
    return f"<tt>{fingerprint[:middle]}<br>{fingerprint[middle:]}</tt>"

"""CertificatePanel: the TLS session and the server certificate after a test; pin it in a click."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.certificate import CertificateInfo, format_fingerprint
from smtpgui.core.text.i18n import shown
from smtpgui.ui.colours import colour

if TYPE_CHECKING:
    from smtpgui.core.smtp.result import ProbeResult


class CertificatePanel(QGroupBox):
    """Hidden until a test reached TLS.

    Signals:
        pin_requested(str): the admin chose to accept exactly this certificate (its SHA-256).
    """

    pin_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Server certificate"), parent)
        self.details = CertificateDetails()
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
        self.details.set_rows(rows)
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
        # Imported here, where a test has loaded it: the first paint needs no result.py (6 ms).
        from smtpgui.core.smtp.result import Failure

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


class CertificateDetails(QWidget):
    """The panel's rows: a muted name and its value (rich text), one pair of labels a row.

    A grid of labels, not one word-wrapped label holding a <table>: Qt lays such a label out
    anew for every width its layout tries, and showing the panel after a test took 7 ms of
    the window's event loop, the longest single piece of it (issue 20); the grid takes 2 ms.
    The labels are made at the first result, not at start-up.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDetails")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._grid.setHorizontalSpacing(8)  # as the table it replaced: compact rows
        self._grid.setVerticalSpacing(2)
        self._rows: list[tuple[QLabel, QLabel]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """Show `rows`, (name, value): names are plain text, values rich text."""
        while len(self._rows) < len(rows):
            self._add_row()
        for index, (name_label, value_label) in enumerate(self._rows):
            name, value = rows[index] if index < len(rows) else ("", "")
            name_label.setText(name and _coloured_plain("muted", name))
            value_label.setText(value)
            if name_label.isVisibleTo(self) != bool(name):  # showing a label costs a layout
                name_label.setVisible(bool(name))
                value_label.setVisible(bool(name))

    def clear(self) -> None:
        """No text left (the panel hides itself): the rows stay, for the next result."""
        for name_label, value_label in self._rows:
            name_label.clear()
            value_label.clear()

    def text(self) -> str:
        """The rows as `name: value` lines (the values' rich text as it is)."""
        return "\n".join(
            f"{html.unescape(_TAGS.sub('', name.text()))}: {value.text()}"
            for name, value in self._rows
            if name.text()
        )

    def _add_row(self) -> None:
        from PySide6.QtCore import Qt  # after a test: the first paint builds no Qt namespace

        row = len(self._rows)
        name = QLabel()
        value = QLabel(wordWrap=True)
        value.setTextFormat(Qt.TextFormat.RichText)  # escaped text: never taken as plain
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(value, row, 1)
        self._rows.append((name, value))


_TAGS = re.compile("<[^>]*>")


def _coloured_plain(name: str, text: str) -> str:
    return f"<span style='color:{colour(name)}'>{html.escape(text)}</span>"


def _coloured(name: str, text: str) -> str:
    return f"<span style='color:{colour(name)}; font-weight:bold'>{text}</span>"


def _two_lines(fingerprint: str) -> str:
    # 95 characters without a space: too wide for the column, and a label cannot wrap it.
    middle = len(fingerprint) // 2 + 1
    return f"<tt>{fingerprint[:middle]}<br>{fingerprint[middle:]}</tt>"

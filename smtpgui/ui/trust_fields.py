"""TrustFields: which server certificates to accept, with the CA file or the pinned fingerprint."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.certificate import format_fingerprint, normalise_fingerprint
from smtpgui.ui.colours import box, colour
from smtpgui.ui.widgets.field_error import with_error_line


class TrustFields(QWidget):
    """The trust choice; the CA file and fingerprint rows show only in their own mode.

    Signals:
        changed(): the mode or a value changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        for label, value in (
            (self.tr("Check with the system's certificate authorities"), TrustMode.SYSTEM),
            (self.tr("Check with my company's CA file"), TrustMode.CA_FILE),
            (self.tr("Accept only one exact certificate (pinned)"), TrustMode.PINNED),
            (self.tr("Do not check (insecure)"), TrustMode.INSECURE),
        ):
            self.mode.addItem(label, value)
        self.ca_file = QLineEdit(placeholderText=self.tr("the CA certificate (PEM or DER file)"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.ca_file.setAccessibleName(self.tr("CA file"))
        self.pinned = QLineEdit(placeholderText=self.tr("SHA-256 fingerprint, e.g. AB:CD:…"))
        self.pinned.setAccessibleName(self.tr("Pinned fingerprint"))
        self.warning = QLabel(wordWrap=True)
        self.warning.setObjectName("insecureWarning")
        self.warning.setText(
            self.tr(
                "⚠ Certificates are not checked: anyone on the way to the server could pretend to "
                "be it and read the password. Use this only to find a problem, never to keep."
            )
        )
        background, _border, _text = box("error")
        self.warning.setStyleSheet(
            f"color: {colour('red')}; background: {background}; padding: 4px; border-radius: 3px;"
        )
        self.errors: dict[str, QLabel] = {}
        self._lay_out()
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.ca_file.textChanged.connect(self._on_ca_file)
        self.pinned.textChanged.connect(self.changed)
        self.browse.clicked.connect(self._browse)
        self._on_mode()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.mode)
        ca_box, self.errors["ca_file"] = with_error_line(self.ca_file)
        self.ca_row = QWidget()
        ca_line = QHBoxLayout(self.ca_row)
        ca_line.setContentsMargins(0, 0, 0, 0)
        ca_line.addWidget(ca_box, 1)
        ca_line.addWidget(self.browse)
        column.addWidget(self.ca_row)
        self.pinned_row, self.errors["pinned_sha256"] = with_error_line(self.pinned)
        column.addWidget(self.pinned_row)
        column.addWidget(self.warning)
        self.setFocusProxy(self.mode)

    def current(self) -> TrustMode:
        return TrustMode(self.mode.currentData())

    def set_current(self, mode: TrustMode) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def values(self) -> tuple[TrustMode, str, str]:
        """(mode, ca_file, pinned_sha256), each value only in the mode that uses it."""
        mode = self.current()
        ca_file = self.ca_file.text().strip() if mode is TrustMode.CA_FILE else ""
        pinned = self.pinned.text().strip() if mode is TrustMode.PINNED else ""
        return mode, ca_file, pinned

    def load(self, mode: TrustMode, ca_file: str, pinned: str) -> None:
        self.ca_file.setText(ca_file)
        self.pinned.setText(_shown_fingerprint(pinned))
        self.set_current(mode)

    def pin(self, fingerprint: str) -> None:
        self.pinned.setText(_shown_fingerprint(fingerprint))
        self.set_current(TrustMode.PINNED)

    @Slot()
    def _on_mode(self) -> None:
        mode = self.current()
        self.ca_row.setVisible(mode is TrustMode.CA_FILE)
        self.pinned_row.setVisible(mode is TrustMode.PINNED)
        self.warning.setVisible(mode is TrustMode.INSECURE)
        self.changed.emit()

    @Slot(str)
    def _on_ca_file(self, text: str) -> None:
        # Typing or pasting a CA file means "check with it".
        if text.strip() and self.current() is TrustMode.SYSTEM:
            self.set_current(TrustMode.CA_FILE)
        self.changed.emit()

    @Slot()
    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # on a click: not before the first paint

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)


def _shown_fingerprint(text: str) -> str:
    """AB:CD:…, as the certificate panel and the log show it (a text that is none: as it is)."""
    digits = normalise_fingerprint(text)
    return format_fingerprint(digits) if digits else text

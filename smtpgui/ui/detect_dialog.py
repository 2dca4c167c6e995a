"""DetectDialog: what ports 465, 587 and 25 of a host offer, and the setting to use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.discovery.detect import DETECT_PORTS, Suggestion, suggest
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, shown  # typed str; PySide6's: object
from smtpgui.ui.worker import DetectWorker, WorkerThread

if TYPE_CHECKING:  # the Detect engine (smtplib, ssl) loads on the worker thread
    from smtpgui.core.discovery.detect_port import PortReport

_COLUMNS = (
    QT_TRANSLATE_NOOP("DetectDialog", "Port"),
    QT_TRANSLATE_NOOP("DetectDialog", "Security"),
    QT_TRANSLATE_NOOP("DetectDialog", "Result"),
    QT_TRANSLATE_NOOP("DetectDialog", "TLS"),
    QT_TRANSLATE_NOOP("DetectDialog", "Certificate"),
    QT_TRANSLATE_NOOP("DetectDialog", "Login (AUTH)"),
    QT_TRANSLATE_NOOP("DetectDialog", "Extensions"),
)


class DetectDialog(QDialog):
    """Runs Detect on a worker thread; "Apply" hands the suggestion back.

    Signals:
        detected(tuple[PortReport, ...]): every port answered or gave up.
        applied(Suggestion): the admin chose to use the suggestion.
    """

    detected = Signal(object)
    applied = Signal(object)

    def __init__(
        self,
        host: str,
        ca_file: str,
        timeout: float,
        ports: Sequence[tuple[int, Security]] = DETECT_PORTS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Detect the settings for %s") % host)
        self.suggestion: Suggestion | None = None
        self.reports: tuple[PortReport, ...] = ()
        numbers = ", ".join(str(port) for port, _ in ports)
        self.summary = QLabel(self.tr("Asking ports %s at once…") % numbers, wordWrap=True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DetectDialog", c) for c in _COLUMNS]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(self.tr("&Use this setting"))
        self.apply_button.setEnabled(False)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(self.buttons)
        self.resize(1040, 320)
        worker = DetectWorker(host, ca_file, timeout, ports)
        self._task = WorkerThread(worker, "smtpgui-detect", self)
        self._task.finished.connect(self._on_finished)

    def start(self) -> None:
        self._task.start()

    def is_running(self) -> bool:
        return self._task.is_running()

    @Slot(object)
    def _on_finished(self, reports: tuple[PortReport, ...]) -> None:
        self.reports = reports
        self.table.setRowCount(len(reports))
        for row, report in enumerate(reports):
            for column, text in enumerate(self._cells(report)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.suggestion = suggest(reports)
        if self.suggestion is None:
            self.summary.setText(
                self.tr(
                    "No port answered as a mail server. Check the server name, or ask your "
                    "provider which port to use."
                )
            )
        else:
            self.summary.setText(
                self.tr("Suggested: %s. %s")
                % (
                    _describe(self.suggestion),
                    shown(self.suggestion.reason, QCoreApplication.translate),
                )
            )
            self.apply_button.setEnabled(True)
            self.apply_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.detected.emit(reports)

    def _cells(self, report: PortReport) -> tuple[str, ...]:
        security = {
            Security.TLS: "SSL/TLS",
            Security.STARTTLS: "STARTTLS",
            Security.NONE: self.tr("none"),
        }[report.security]
        if report.reachable:
            result = self.tr("reachable (%d ms)") % report.elapsed_ms
        else:
            result = shown(report.failure_text, QCoreApplication.translate) or self.tr("no answer")
        if report.certificate_ok is None:
            certificate = ""
        elif report.certificate_ok:
            certificate = self.tr("trusted")
        else:
            certificate = self.tr("NOT trusted: %s") % report.certificate_error
        auth = " ".join(report.auth) or (self.tr("none offered") if report.reachable else "")
        if report.security is Security.STARTTLS and report.auth_before != report.auth_after:
            before = " ".join(report.auth_before) or self.tr("none")
            auth = self.tr("%s (before STARTTLS: %s)") % (auth, before)
        return (
            str(report.port),
            security,
            result,
            report.tls_version,
            certificate,
            auth,
            " ".join(e.split(" ")[0] for e in report.extensions),
        )

    @Slot()
    def _apply(self) -> None:
        if self.suggestion is not None:
            self.applied.emit(self.suggestion)
        self.accept()

    def done(self, result: int) -> None:
        if self._task.is_running():
            self._task.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task.is_running():
            self._task.stop()
        super().closeEvent(event)


def _describe(suggestion: Suggestion) -> str:
    security = {
        Security.TLS: "SSL/TLS",
        Security.STARTTLS: "STARTTLS",
        Security.NONE: QCoreApplication.translate("DetectDialog", "no TLS"),
    }
    return QCoreApplication.translate("DetectDialog", "%s, port %d, login %s") % (
        security[suggestion.security],
        suggestion.port,
        suggestion.auth.upper(),
    )

"""DiscoverDialog: find the outgoing server of an e-mail address; the admin picks one to use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.discovery.findings import DiscoverError, DiscoverOptions, Finding
from smtpgui.core.providers.catalogue import provider
from smtpgui.core.smtp.endpoint import Endpoint
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP
from smtpgui.ui.worker import Worker, WorkerThread

_COLUMNS = (
    QT_TRANSLATE_NOOP("DiscoverDialog", "Server"),
    QT_TRANSLATE_NOOP("DiscoverDialog", "Provider"),
    QT_TRANSLATE_NOOP("DiscoverDialog", "Found in"),
)


class DiscoverWorker(Worker):
    """One Discovery run.

    Signals:
        found(Finding): a new suggestion, as its source answers.
        finished(list[Finding]): every source answered, or the run was cancelled.
    """

    found = Signal(object)

    def __init__(self, address: str, options: DiscoverOptions) -> None:
        super().__init__()
        from smtpgui.core.discovery.run import Discovery

        self._discovery = Discovery(address, options, self.found.emit)  # DiscoverError

    def work(self) -> list[Finding]:
        return self._discovery.run()

    def cancel(self) -> None:
        self._discovery.cancel()


class DiscoverDialog(QDialog):
    """Asks for an address, lists what discovery finds; "Use this setting" hands one back.

    Signals:
        finished_search(list[Finding]): a search ended (all sources answered, or Stop).
        applied(Finding): the admin chose to use this finding.
    """

    finished_search = Signal(object)
    applied = Signal(object)

    def __init__(
        self, address: str, options: DiscoverOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find the settings of an e-mail address"))
        self._options = options
        self._task: WorkerThread | None = None
        self.findings: list[Finding] = []
        self.address = QLineEdit(address, placeholderText=self.tr("name@example.com"))
        self.find_button = QPushButton(self.tr("&Find"))
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setEnabled(False)
        self.summary = QLabel(
            self.tr(
                "Looks in the list of known providers, in the domain's DNS records and, when "
                "nothing else answers, at the usual server names. Nothing is used until you "
                "choose it."
            ),
            wordWrap=True,
        )
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DiscoverDialog", c) for c in _COLUMNS]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(self.tr("&Use this setting"))
        self.apply_button.setEnabled(False)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self._lay_out()
        self.find_button.clicked.connect(self.start)
        self.address.returnPressed.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.itemDoubleClicked.connect(self._apply)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        self.resize(820, 360)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        label = QLabel(self.tr("E-mail &address:"))
        label.setBuddy(self.address)
        row.addWidget(label)
        row.addWidget(self.address, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.stop_button)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(self.buttons)

    @Slot()
    def start(self) -> None:
        if self.is_running():
            return
        try:
            worker = DiscoverWorker(self.address.text(), self._options)
        except DiscoverError:
            self.summary.setText(self.tr("Enter an address such as name@example.com."))
            return
        self.findings = []
        self.table.setRowCount(0)
        self.apply_button.setEnabled(False)
        worker.found.connect(self._on_found)
        self._task = WorkerThread(worker, "smtpgui-discover", self)
        self._task.finished.connect(self._on_finished)
        self.summary.setText(self.tr("Looking for the settings of %s…") % self.address.text())
        self.find_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._task.start()

    @Slot()
    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()  # run() returns at once; _on_finished follows

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    @Slot(object)
    def _on_found(self, finding: Finding) -> None:
        if self._task is None:
            return  # a late answer of a search already over
        self.findings.append(finding)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = provider(finding.provider_id).name if finding.provider_id else ""
        source = finding.source_text.render(QCoreApplication.translate)
        server = str(Endpoint(finding.security, finding.host, finding.port))
        warning = finding.warning.render(QCoreApplication.translate) if finding.warning else ""
        for column, text in enumerate((f"⚠ {server}" if warning else server, name, source)):
            item = QTableWidgetItem(text)
            item.setToolTip(f"{text}\n{warning}" if warning else text)
            self.table.setItem(row, column, item)
        if row == 0:
            self.table.selectRow(0)

    @Slot(object)
    def _on_finished(self, _findings: list[Finding]) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self.find_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.findings:
            self.summary.setText(
                self.tr("Found %d. Choose one and press Use this setting, then Test to check it.")
                % len(self.findings)
            )
        else:
            self.summary.setText(
                self.tr(
                    "Nothing was found. Ask your mail provider for the outgoing server (SMTP) "
                    "settings."
                )
            )
        self.finished_search.emit(list(self.findings))

    @Slot()
    def _on_selection(self) -> None:
        self.apply_button.setEnabled(self._selected() is not None)
        self.apply_button.setDefault(self._selected() is not None)

    def _selected(self) -> Finding | None:
        rows = self.table.selectionModel().selectedRows()
        return self.findings[rows[0].row()] if rows else None

    @Slot()
    def _apply(self) -> None:
        finding = self._selected()
        if finding is None:
            return
        self.applied.emit(finding)
        self.accept()

    def done(self, result: int) -> None:
        self._stop_task()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_task()
        super().closeEvent(event)

    def _stop_task(self) -> None:
        task, self._task = self._task, None
        if task is not None and task.is_running():
            task.stop()

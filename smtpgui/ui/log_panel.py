"""LogPanel: the steps checklist beside the live log, with find, copy and save-as."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from smtpgui.ui.log_pane import LogPane
from smtpgui.ui.phase_list import PhaseList


class LogPanel(QWidget):
    """Steps + log + tools. Signals: save_requested() when "Save as…" is pressed."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases = PhaseList()
        self.log = LogPane()
        self.find = QLineEdit(placeholderText=self.tr("Find in log (Ctrl+F)"))
        self.find.setClearButtonEnabled(True)
        self.find.setAccessibleName(self.tr("Find in log"))
        self.copy_button = QPushButton(self.tr("C&opy log"))
        self.save_button = QPushButton(self.tr("Save support file…"))
        self.save_button.setToolTip(
            self.tr(
                "A text file with the settings (never the password), the steps, the diagnosis and "
                "the log, to send to whoever helps you."
            )
        )
        tools = QHBoxLayout()
        tools.addWidget(self.find, 1)
        tools.addWidget(self.copy_button)
        tools.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addWidget(self.phases)
        body.addWidget(self.log, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addLayout(body, 1)
        self.find.returnPressed.connect(self.find_next)
        self.find.textEdited.connect(self._find_from_start)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_requested)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)

    @Slot()
    def find_next(self) -> bool:
        """Select the next match, wrapping around at the end; False when there is none."""
        text = self.find.text()
        if not text:
            return False
        if self.log.find(text):
            return True
        cursor = self.log.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.log.setTextCursor(cursor)
        return self.log.find(text, QTextDocument.FindFlag(0))

    @Slot(str)
    def _find_from_start(self, _text: str) -> None:
        cursor = self.log.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.log.setTextCursor(cursor)
        found = self.find_next()
        self.find.setStyleSheet("" if found or not self.find.text() else "color: #c01c28;")

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.log.text())

    def clear(self) -> None:
        self.log.clear_lines()
        self.phases.reset()

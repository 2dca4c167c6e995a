"""LogPanel: the steps checklist beside the live log, with find, copy and save-as."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from smtpgui.ui.colours import colour
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
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Find, self, self.find.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, self.find_previous)
        # Shift+Enter in the field: the previous match. The field's own shortcuts, so Enter
        # here never reaches the window's "Enter runs Test".
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = QShortcut(QKeySequence(Qt.KeyboardModifier.ShiftModifier | key), self.find)
            back.setContext(Qt.ShortcutContext.WidgetShortcut)
            back.activated.connect(self.find_previous)

    @Slot()
    def find_next(self) -> bool:
        """Select the next match, wrapping around at the end; False when there is none."""
        return self._find(QTextDocument.FindFlag(0))

    @Slot()
    def find_previous(self) -> bool:
        """Select the previous match, wrapping around at the start; False when there is none."""
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.find.text()
        found = bool(text) and (self.log.find(text, flags) or self._wrap_and_find(text, flags))
        self._highlight(found)
        return found

    def _wrap_and_find(self, text: str, flags: QTextDocument.FindFlag) -> bool:
        cursor = self.log.textCursor()
        backward = bool(flags & QTextDocument.FindFlag.FindBackward)
        cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
        self.log.setTextCursor(cursor)
        return self.log.find(text, flags)

    def _highlight(self, found: bool) -> None:
        """The match stays marked while the focus is in the find field (a selection is not)."""
        if not found:
            self.log.setExtraSelections([])
            return
        mark = QTextEdit.ExtraSelection()
        mark.cursor = self.log.textCursor()  # type: ignore[misc]
        mark.format.setBackground(QColor("#f6d32d"))  # type: ignore[attr-defined]
        mark.format.setForeground(QColor("#241f31"))  # type: ignore[attr-defined]
        self.log.setExtraSelections([mark])
        self.log.ensureCursorVisible()

    @Slot(str)
    def _find_from_start(self, _text: str) -> None:
        cursor = self.log.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.log.setTextCursor(cursor)
        found = self.find_next()
        missing = not found and self.find.text()
        self.find.setStyleSheet(f"color: {colour('error')};" if missing else "")

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.log.text())

    def clear(self) -> None:
        self.log.setExtraSelections([])
        self.log.clear_lines()
        self.phases.reset()

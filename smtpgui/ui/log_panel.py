"""The log side of the window: the live transcript (LogPane), and the panel around it (LogPanel).

LogPane shows the redacted lines coloured by direction; LogPanel puts the steps checklist beside
it, with find, copy and save-as.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.core.text.i18n import Text
from smtpgui.ui.colours import colour
from smtpgui.ui.phase_list import PhaseList
from smtpgui.ui.qt_enums import set_enum

_COLOURS = {  # names in smtpgui.ui.colours: a light and a dark variant each
    Direction.CLIENT: "blue",
    Direction.SERVER: "text",
    Direction.INFO: "muted",
    Direction.TLS: "green",
    Direction.ERROR: "error",
}
MAX_LINES = 5000  # a hostile server cannot make the pane grow without end


class LogPane(QPlainTextEdit):
    """Read-only transcript. Lines arrive already redacted from the core.

    A test's lines arrive in a burst (a fast server's whole conversation in a few ms): they are
    kept at once (`lines()`) and written to the pane together when the event loop comes back,
    in one edit, instead of one layout pass each (47 lines: 3 ms instead of 6 of the window's
    event loop, issue 20). `flush()` writes what waits at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumBlockCount(MAX_LINES)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setPlaceholderText(
            self.tr(
                "The conversation with the server appears here, "
                "line by line, with passwords hidden."
            )
        )
        self.setAccessibleName(self.tr("Server conversation"))
        self._lines: list[TranscriptLine] = []
        self._waiting: list[str] = []  # lines kept, not yet written to the pane
        # The view follows the end until the admin scrolls away from it. Decided as the range
        # grows, not when lines are written: the pane lays its lines out lazily, so a maximum
        # read right after writing was short, and the view stopped a few lines down.
        self._following = True
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._follow_end)
        bar.valueChanged.connect(self._note_position)

    def add_line(self, line: TranscriptLine) -> None:
        self._lines.append(line)
        del self._lines[:-MAX_LINES]
        warns = _warns(line.text)
        shade = colour("red" if warns else _COLOURS[line.direction])
        weight = "bold" if line.direction is Direction.ERROR or warns else "normal"
        if not self._waiting:
            QTimer.singleShot(0, self, self.flush)
        self._waiting.append(
            f'<span style="color:{shade}; font-weight:{weight}; white-space:pre">'
            f"{html.escape(_displayed(line))}</span>"
        )
        del self._waiting[:-MAX_LINES]

    def add_note(self, text: str) -> None:
        self.add_line(TranscriptLine(Direction.INFO, text, 0))
        self.flush()

    @Slot()
    def flush(self) -> None:
        """Write the waiting lines, in one edit (the view follows the end if it was there)."""
        if not self._waiting:
            return
        # After a test only: PySide6 builds each class at its first import (start-up benchmark).
        from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor

        waiting, self._waiting = self._waiting, []
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for index, line in enumerate(waiting):
            if index or not self.document().isEmpty():
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertHtml(line)
        cursor.endEditBlock()

    @Slot(int, int)
    def _follow_end(self, _minimum: int, maximum: int) -> None:
        if self._following:
            self.verticalScrollBar().setValue(maximum)

    @Slot(int)
    def _note_position(self, value: int) -> None:
        self._following = value == self.verticalScrollBar().maximum()

    def clear_lines(self) -> None:
        self._lines.clear()
        self._waiting.clear()
        self._following = True
        self.clear()

    def lines(self) -> list[TranscriptLine]:
        return list(self._lines)

    def text(self) -> str:
        return "\n".join(_displayed(line) for line in self._lines)

    def save_to(self, path: Path) -> None:
        path.write_text(self.text() + "\n", encoding="utf-8")


def _warns(text: str) -> bool:
    """A TLS note that protection is off ("Certificate NOT verified"): never in TLS green.

    The core spells such notes with an upper-case NOT (its English template, which is also
    the catalogue's key), as a word or in a verdict inside the line.
    """
    if not isinstance(text, Text):
        return False
    return "NOT " in text.template or any(_warns(value) for _key, value in text.values)


def _displayed(line: TranscriptLine) -> str:
    """The line as the admin reads it: the core's own notes in the UI language."""
    return line.shown(QCoreApplication.translate)


class LogPanel(QWidget):
    """Steps + log + tools. Signals: save_requested() when "Save as…" is pressed."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases = PhaseList()
        self.log = LogPane()
        self.find_field = QLineEdit(placeholderText=self.tr("Find in log (Ctrl+F)"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setAccessibleName(self.tr("Find in log"))
        self.copy_button = QPushButton(self.tr("C&opy log"))
        self.save_button = QPushButton(self.tr("Save support file…"))
        self.save_button.setToolTip(
            self.tr(
                "A text file with the settings (never the password), the steps, the diagnosis and "
                "the log, to send to whoever helps you."
            )
        )
        tools = QHBoxLayout()
        tools.addWidget(self.find_field, 1)
        tools.addWidget(self.copy_button)
        tools.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addWidget(self.phases)
        body.addWidget(self.log, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addLayout(body, 1)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textEdited.connect(self._find_from_start)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_requested)
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_field.setFocus)
        QShortcut(QKeySequence.StandardKey.FindNext, self, self.find_next)
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, self.find_previous)
        # Shift+Enter in the field: the previous match. The field's own shortcuts, so Enter
        # here never reaches the window's "Enter runs Test".
        for keys in ("Shift+Return", "Shift+Enter"):
            back = QShortcut(QKeySequence(keys), self.find_field)
            set_enum(back, "context", "WidgetShortcut")
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
        text = self.find_field.text()
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
        mark.cursor = self.log.textCursor()
        mark.format.setBackground(QColor("#f6d32d"))
        mark.format.setForeground(QColor("#241f31"))
        self.log.setExtraSelections([mark])
        self.log.ensureCursorVisible()

    @Slot(str)
    def _find_from_start(self, _text: str) -> None:
        cursor = self.log.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.log.setTextCursor(cursor)
        found = self.find_next()
        missing = not found and self.find_field.text()
        self.find_field.setStyleSheet(f"color: {colour('error')};" if missing else "")

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.log.text())

    def clear(self) -> None:
        self.log.setExtraSelections([])
        self.log.clear_lines()
        self.phases.reset()

"""LogPane: the live, redacted transcript, coloured by direction; copy and save as text."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from smtpgui.core.transcript import Direction, TranscriptLine

_COLOURS = {
    Direction.CLIENT: "#1a5fb4",
    Direction.SERVER: "#241f31",
    Direction.INFO: "#5e5c64",
    Direction.TLS: "#26a269",
    Direction.ERROR: "#c01c28",
}
MAX_LINES = 5000  # a hostile server cannot make the pane grow without end


class LogPane(QPlainTextEdit):
    """Read-only transcript. Lines arrive already redacted from the core."""

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

    def add_line(self, line: TranscriptLine) -> None:
        self._lines.append(line)
        del self._lines[:-MAX_LINES]
        colour = _COLOURS[line.direction]
        weight = "bold" if line.direction is Direction.ERROR else "normal"
        self.appendHtml(
            f'<span style="color:{colour}; font-weight:{weight}; white-space:pre">'
            f"{html.escape(_displayed(line))}</span>"
        )

    def add_note(self, text: str) -> None:
        self.add_line(TranscriptLine(Direction.INFO, text, 0))

    def clear_lines(self) -> None:
        self._lines.clear()
        self.clear()

    def lines(self) -> list[TranscriptLine]:
        return list(self._lines)

    def text(self) -> str:
        return "\n".join(_displayed(line) for line in self._lines)

    def save_to(self, path: Path) -> None:
        path.write_text(self.text() + "\n", encoding="utf-8")


def _displayed(line: TranscriptLine) -> str:
    """The line as the admin reads it: the core's own notes in the UI language."""
    return line.shown(QCoreApplication.translate)

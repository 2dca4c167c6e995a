"""LogPane: the live, redacted transcript, coloured by direction; copy and save as text."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.core.text.i18n import Text
from smtpgui.ui.colours import colour

_COLOURS = {  # names in smtpgui.ui.colours: a light and a dark variant each
    Direction.CLIENT: "blue",
    Direction.SERVER: "text",
    Direction.INFO: "muted",
    Direction.TLS: "green",
    Direction.ERROR: "error",
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
        warns = _warns(line.text)
        shade = colour("red" if warns else _COLOURS[line.direction])
        weight = "bold" if line.direction is Direction.ERROR or warns else "normal"
        self.appendHtml(
            f'<span style="color:{shade}; font-weight:{weight}; white-space:pre">'
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

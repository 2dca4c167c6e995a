"""The guide in the Help menu: a README section, shown in a window of its own.

The README is the manual; the Help menu opens the section that answers the admin's question
(setting up, using it, storage, security, the command line) without a browser or a network.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP
from smtpgui.resources import ROOT

README = ROOT.parent / "README.md"  # beside resources/ in a checkout and in a build that ships it

# (menu text, README heading)
SECTIONS = (
    (QT_TRANSLATE_NOOP("Guide", "Guide: &setting up"), "Set up"),
    (QT_TRANSLATE_NOOP("Guide", "Guide: &using the window"), "Using it"),
    (QT_TRANSLATE_NOOP("Guide", "Guide: &where things are stored"), "Where things are stored"),
    (QT_TRANSLATE_NOOP("Guide", "Guide: s&ecurity"), "Security"),
    (QT_TRANSLATE_NOOP("Guide", "Guide: &command line and scripts"), "Command line and scripts"),
)


def section(heading: str, readme: Path = README) -> str:
    """The Markdown of one `## heading` section of the README ("" when there is none)."""
    try:
        text = readme.read_text(encoding="utf-8")
    except OSError:
        return ""
    start = text.find(f"\n## {heading}\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)].strip()


class GuideDialog(QDialog):
    """One README section, rendered; links open in the browser."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Guide", "smtpgui guide"))
        self.browser = QTextBrowser(openExternalLinks=True)
        self.browser.setMarkdown(section(heading))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.browser)
        column.addWidget(buttons)
        self.resize(720, 560)

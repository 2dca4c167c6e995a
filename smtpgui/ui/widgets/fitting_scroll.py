"""FittingScrollArea: scrolls its form vertically, and is never narrower than the form.

A plain QScrollArea asks for no width of its own, so a splitter may give it less than its form
needs (Spanish labels are longer) and cut the fields off behind a horizontal scroll bar. This
one asks for the form's minimum width, updated whenever the form's layout changes (the OAuth2
rows appearing, a language with longer words).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from smtpgui.ui.qt_enums import set_enum


class FittingScrollArea(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(self, "focusPolicy", "NoFocus")  # a Tab stop that shows nothing
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.setWidget(content)
        self._width = content.minimumSizeHint().width()
        content.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            hint.setWidth(content.minimumSizeHint().width() + bar + 2 * self.frameWidth())
        return hint

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self.minimumSizeHint().width()))
        return hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            width = watched.minimumSizeHint().width()
            if width != self._width:  # relayout the window only when the form's width changed
                self._width = width
                self.updateGeometry()
        return super().eventFilter(watched, event)

"""WheelGuard: a combo box or spin box takes the mouse wheel only when it has the focus.

Qt lets the wheel change any combo or spin box under the pointer. Scrolling a long form then
changes whatever passes under it (three notches over Certificate made it "Do not check"). With
the guard, the wheel over an unfocused one scrolls the form instead, as in a web page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget

from smtpgui.ui.qt_enums import set_enum


class WheelGuard(QObject):
    """An event filter: wheel events reach a combo or spin box only while it has the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored and filtered: Qt passes it on to the scroll area
            return True
        return super().eventFilter(watched, event)


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every combo and spin box under `root`; they take focus by click or Tab, not wheel."""
    guard = WheelGuard(root)
    # Asked by kind: findChildren(QWidget) would wrap every widget of the form in a Python
    # object (1 ms of the first paint) to keep nine.
    for kind in (QComboBox, QAbstractSpinBox):
        for widget in root.findChildren(kind):
            set_enum(widget, "focusPolicy", "StrongFocus")
            widget.installEventFilter(guard)
    return guard

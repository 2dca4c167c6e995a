"""What the admin's hand does that pytest-qt has no single call for: turn the mouse wheel over a
widget, answer the next message box."""

from __future__ import annotations


def wheel(widget, notches: int) -> None:
    """Turn the mouse wheel over the middle of `widget` (negative: towards the user, down).

    QTest.wheelEvent goes through the window system: a spontaneous event, which Qt passes on
    to the parent when the widget ignores it (a posted QWheelEvent would stop at the widget).
    """
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    top = widget.window()
    where = widget.mapTo(top, widget.rect().center())
    for _ in range(abs(notches)):
        QTest.wheelEvent(top.windowHandle(), where, QPoint(0, 120 if notches > 0 else -120))


def answer_next_box(qtbot, button=None) -> dict:
    """Answer the next message box: Enter (its default button), or a click on `button`.

    Returns a dict that gets the box's text and default button once it was answered.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: dict = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            if box is not None:
                box.activateWindow()  # as a desktop does; offscreen leaves the window active
            QTimer.singleShot(10, answer)  # not open yet: look again at the next turn
            return
        seen.update(text=box.text(), default=box.standardButton(box.defaultButton()))
        if button is None:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen

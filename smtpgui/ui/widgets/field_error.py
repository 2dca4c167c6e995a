"""A field with a red error line under it, hidden while the value is fine."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from smtpgui.ui.colours import colour
from smtpgui.ui.widgets.wrapped_label import WrappedLabel


def with_error_line(field: QWidget) -> tuple[QWidget, QLabel]:
    """(the box to put in the layout, the error label); focus goes to the field."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    # A WrappedLabel: a plain word-wrapping QLabel under a field that shares its row (Server,
    # beside Detect) got the height of one line and a half, and its second line was cut off.
    error = WrappedLabel(objectName="fieldError")
    palette = error.palette()  # a palette, not a style sheet: cheaper to lay out and paint
    # fromString: QColor(str) would build `Qt` to weigh its QColor(Qt.GlobalColor) overload
    # (issue 20: see smtpgui.ui.qt_enums).
    palette.setColor(QPalette.ColorRole.WindowText, QColor.fromString(colour("error")))
    error.setPalette(palette)
    error.hide()
    column.addWidget(error)
    box.setFocusProxy(field)
    return box, error

"""Qt enum settings on the start-up path, made without the `Qt` namespace.

PySide6 builds the Python type of the `Qt` namespace, with all its ninety-odd enums, the first
time anything touches `PySide6.QtCore.Qt`: about 25 ms on the way to the first paint, more
than any other class the window uses (issue 20). The widgets the first paint shows set their
alignment, text format, focus policy and shortcut context here instead: by the key's name,
through Qt's meta-object, as a .ui file does. Code that runs later (a click, a test) uses `Qt`
as usual, imported where it is used. A test fails if the first paint builds `Qt` again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget


def set_enum(target: QObject, name: str, keys: str) -> None:
    """Set the enum (or flags) property `name` to `keys` ("AlignRight|AlignVCenter").

    Raises ValueError when `target` has no such property or the keys are not its enum's: a
    misspelt name would otherwise fail in silence (Qt returns False, or adds a dynamic property).
    """
    meta = target.metaObject()
    index = meta.indexOfProperty(name)
    if index < 0 or not meta.property(index).isEnumType():
        raise ValueError(f"{meta.className()} has no enum property {name!r}")
    if not target.setProperty(name, keys):
        raise ValueError(f"{meta.className()}.{name} has no key {keys!r}")


def top_aligned(widget: QWidget) -> QVBoxLayout:
    """`widget` at the top of a column (for a row): addWidget(..., Qt.AlignmentFlag.AlignTop).

    A button beside a field keeps its place when an error line under the field makes the row
    taller. A nested layout has no margins of its own.
    """
    column = QVBoxLayout()
    column.addWidget(widget)
    column.addStretch(1)
    return column

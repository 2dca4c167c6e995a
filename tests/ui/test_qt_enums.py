"""set_enum and top_aligned: Qt enum settings made by name, without building the `Qt` namespace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from smtpgui.ui.qt_enums import set_enum, top_aligned


def test_enums_and_flags_are_set_by_their_keys(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    set_enum(label, "textFormat", "RichText")
    set_enum(label, "alignment", "AlignRight|AlignVCenter")
    set_enum(label, "focusPolicy", "StrongFocus")
    shortcut = QShortcut(QKeySequence("Return"), label)
    set_enum(shortcut, "context", "WidgetWithChildrenShortcut")
    assert label.textFormat() is Qt.TextFormat.RichText
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert label.focusPolicy() is Qt.FocusPolicy.StrongFocus
    assert shortcut.context() is Qt.ShortcutContext.WidgetWithChildrenShortcut


@pytest.mark.parametrize(
    ("name", "keys", "said"),
    [
        ("textFormat", "Rich", "has no key 'Rich'"),  # a misspelt key
        ("textformat", "RichText", "no enum property 'textformat'"),  # a misspelt property
        ("text", "RichText", "no enum property 'text'"),  # a property that is no enum
    ],
)
def test_a_misspelt_name_fails_loudly_and_changes_nothing(qtbot, name, keys, said):
    label = QLabel("x")
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=said):
        set_enum(label, name, keys)
    assert label.textFormat() is Qt.TextFormat.AutoText
    assert label.text() == "x"
    assert label.dynamicPropertyNames() == []


def test_top_aligned_keeps_a_button_at_the_top_of_a_taller_row(qtbot):
    row_widget = QWidget()
    qtbot.addWidget(row_widget)
    row = QHBoxLayout(row_widget)
    tall, button = QLineEdit(), QPushButton("Detect…")
    tall.setMinimumHeight(120)
    row.addWidget(tall, 1)
    row.addLayout(top_aligned(button))
    row_widget.resize(400, 140)
    row_widget.show()
    qtbot.waitExposed(row_widget)
    assert button.geometry().top() == tall.geometry().top()
    assert button.height() == button.sizeHint().height()

"""The window under test: shown, and closed by pytest-qt at the end."""

from __future__ import annotations

import pytest

from smtpgui.ui.main_window import SettingsWindow


@pytest.fixture
def window(qtbot):
    win = SettingsWindow()
    qtbot.addWidget(win)
    win.show()
    return win

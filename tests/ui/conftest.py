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


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    """The window's language for this test: English, then Spanish."""
    from PySide6.QtCore import QLocale

    from smtpgui.app import install_translations

    previous = QLocale()
    installed = install_translations(qapp, request.param) if request.param != "en" else []
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)

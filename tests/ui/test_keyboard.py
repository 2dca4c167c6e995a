"""Every underlined letter works, and Tab reaches everything in order."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QWidget

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.servers import PASSWORD, USER

pytestmark = pytest.mark.gui
MNEMONIC = re.compile(r"&(\w)")


def _shown_window(qtbot) -> SettingsWindow:
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _focused() -> QWidget | None:
    widget = QApplication.focusWidget()
    parent = widget.parentWidget() if widget is not None else None
    return parent if isinstance(parent, QAbstractSpinBox) else widget


@pytest.mark.parametrize("auth", [AuthMethod.AUTO, AuthMethod.OAUTH2])
def test_every_underlined_label_focuses_its_field(qtbot, language, auth):
    window = _shown_window(qtbot)
    window.form.auth.setCurrentIndex(window.form.auth.findData(auth))
    labels = [
        label
        for label in window.findChildren(QLabel)
        if label.isVisible() and MNEMONIC.search(label.text())
    ]
    assert len(labels) >= 10
    for label in labels:
        letter = MNEMONIC.search(label.text()).group(1)
        window.log_panel.find_field.setFocus()  # start somewhere else each time
        qtbot.keyClick(window, letter.lower(), Qt.KeyboardModifier.AltModifier)
        assert label.buddy() is not None, label.text()
        assert _focused() is label.buddy(), f"Alt+{letter}: {label.text()}"


def test_a_password_typed_after_alt_w_lands_in_the_password(qtbot):
    window = _shown_window(qtbot)
    mode = window.form.trust.mode.currentIndex()
    qtbot.keyClick(window, "w", Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "secret")
    assert window.form.password.text() == "secret"
    assert window.form.trust.mode.currentIndex() == mode


def test_tab_goes_top_to_bottom_then_buttons_then_the_log_with_no_invisible_stop(qtbot):
    window = _shown_window(qtbot)
    form = window.form
    form.server.setText("smtp.example.com")
    form.server.textEdited.emit("smtp.example.com")
    for edit, text in ((form.username, USER), (form.password, PASSWORD)):
        edit.setText(text)
    form.recipient.setText("admin@example.test")
    panel = window.log_panel
    expected = [
        form.provider.combo,
        form.provider.find_button,
        form.server,
        form.detect,
        form.security,
        form.port,
        form.auth,
        form.username,
        form.password,
        form.allow_insecure,
        form.from_address,
        form.recipient,
        form.arrival.enabled,  # "Check that it arrived": its fields are hidden until ticked
        form.timeout,
        form.trust.mode,
        window.test_button,
        window.save_button,
        panel.find_field,
        panel.copy_button,
        panel.save_button,
        window.log,
        form.provider.combo,  # and round again
    ]
    form.provider.combo.setFocus()
    seen = [_focused()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(_focused())
    assert seen == expected
    assert all(widget.isVisible() and widget.isEnabled() for widget in seen)

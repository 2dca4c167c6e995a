"""Nothing changes by accident: the wheel, Enter in Find, a provider over a typed server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from smtpgui.core.profile.settings import TrustMode
from smtpgui.ui.widgets.fitting_scroll import FittingScrollArea
from tests.helpers.user_input import answer_next_box, wheel
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def test_the_wheel_scrolls_the_form_and_changes_no_setting(qtbot, window):
    window.resize(1000, 420)  # short: the form scrolls
    form = window.form
    scroll = window.findChild(FittingScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    form.server.setFocus()
    wheel(form.provider.combo, -1)
    assert scroll.verticalScrollBar().value() > 0  # the form scrolled instead
    scroll.ensureWidgetVisible(form.trust.mode)
    wheel(form.trust.mode, -3)
    wheel(form.timeout, 2)
    wheel(form.security, -1)
    assert form.provider.current() is None
    assert form.trust.current() is TrustMode.SYSTEM
    assert form.timeout.value() == 15
    assert form.security.currentText() == "STARTTLS"


def test_the_wheel_still_turns_a_focused_spin_box(qtbot, window):
    window.form.timeout.setFocus()
    qtbot.waitUntil(window.form.timeout.hasFocus)
    wheel(window.form.timeout, 1)
    assert window.form.timeout.value() == 16


def _type_server(qtbot, window, text: str) -> None:
    window.form.server.setFocus()
    window.form.server.selectAll()
    qtbot.keyClicks(window.form.server, text)


def _choose_next_provider(qtbot, window) -> None:
    combo = window.form.provider.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # a keyboard choice: `activated`, like a click


def test_a_provider_does_not_replace_a_typed_server_unless_asked(qtbot, window):
    _type_server(qtbot, window, "smtp.office.test")
    seen = answer_next_box(qtbot, QMessageBox.StandardButton.No)
    _choose_next_provider(qtbot, window)
    assert "smtp.office.test" in seen["text"]
    assert seen["default"] == QMessageBox.StandardButton.No
    assert window.form.server.text() == "smtp.office.test"
    assert window.form.provider.current() is None  # back to "Other"

    seen = answer_next_box(qtbot, QMessageBox.StandardButton.Yes)
    _choose_next_provider(qtbot, window)
    assert window.form.provider.current() is not None
    assert window.form.server.text() != "smtp.office.test"


def test_a_provider_replaces_another_providers_server_without_asking(qtbot, window):
    _type_server(qtbot, window, "smtp.gmail.com")
    _choose_next_provider(qtbot, window)  # a question would block here (no one answers it)
    assert window.form.server.text() != "smtp.gmail.com"


def test_enter_in_find_selects_the_next_match_and_runs_no_test(
    qtbot, window, starttls_server, ca_file
):
    fill(window, starttls_server.server, ca_file)
    run(qtbot, window)
    mails = len(starttls_server.handler.envelopes)
    lines = window.log.lines()
    find = window.log_panel.find_field
    find.setFocus()
    qtbot.keyClicks(find, "250")
    first = window.log.textCursor().selectionStart()
    with qtbot.assertNotEmitted(window.outcome_ready, wait=200):
        qtbot.keyClick(find, Qt.Key.Key_Return)
        second = window.log.textCursor().selectionStart()
        qtbot.keyClick(find, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        back = window.log.textCursor().selectionStart()
    assert not window.is_running()
    assert len(starttls_server.handler.envelopes) == mails
    assert window.log.lines() == lines
    assert second > first and back == first
    marks = window.log.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["250"]


def test_enter_in_the_form_still_runs_the_test(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    window.form.trust.mode.setFocus()
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000):
        qtbot.keyClick(window.form.trust.mode, Qt.Key.Key_Return)

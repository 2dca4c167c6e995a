"""Nothing stale stays on screen: a result is for the values it was made with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.phases import Phase
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def test_a_change_after_a_result_says_the_result_was_for_the_previous_values(
    qtbot, window, tls_server, ca_file
):
    fill(window, f"ssl://127.0.0.1:{tls_server.port}", ca_file)
    run(qtbot, window)
    assert window.status.title.text() == "Test passed"
    assert window.certificate.isVisible()
    window.form.username.setFocus()
    qtbot.keyClick(window.form.username, Qt.Key.Key_End)
    qtbot.keyClicks(window.form.username, "x")
    assert window.status.title.text() == "Changed since the last test"
    assert "previous values" in window.status.text()
    assert not window.certificate.isVisible()


def test_a_passed_save_is_not_called_stale_by_the_form_it_leaves(
    qtbot, window, starttls_server, ca_file
):
    fill(window, starttls_server.server, ca_file)
    run(qtbot, window, "save")
    assert window.status.title.text() == "Test passed; settings saved"


def test_fields_need_attention_goes_when_the_last_field_is_fixed(qtbot, window, starttls_server):
    fill(window, starttls_server.server, "")
    window.form.recipient.clear()
    window.form.username.clear()
    window.test()
    assert window.status.title.text() == "Some fields need attention"
    window.form.username.setFocus()
    qtbot.keyClicks(window.form.username, "alice@example.test")
    assert window.status.title.text() == "Some fields need attention"  # one left
    window.form.recipient.setFocus()
    qtbot.keyClicks(window.form.recipient, "admin@example.test")
    assert window.status.title.text() == "No outgoing mail server saved yet"


def test_a_new_test_clears_the_last_certificate_and_steps_before_it_starts(
    qtbot, window, tls_server, silent_server, ca_file
):
    fill(window, f"ssl://127.0.0.1:{tls_server.port}", ca_file)
    run(qtbot, window)
    assert "✓ trusted" in window.certificate.details.text()
    fill(window, f"127.0.0.1:{silent_server.port}", ca_file, timeout=60)
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.NONE))
    window.test()
    qtbot.waitUntil(lambda: "Connected" in window.log.toPlainText(), timeout=5000)
    assert not window.certificate.isVisible()
    assert "trusted" not in window.certificate.details.text()
    states = window.log_panel.phases.states
    assert states[Phase.AUTH] is None and states[Phase.DATA] is None
    run(qtbot, window, "cancel")


def test_after_test_the_focus_stays_on_test(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000):
        qtbot.mouseClick(window.test_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is window.test_button

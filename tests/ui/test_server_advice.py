"""Say what is wrong with the server before Test, with a one-click fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.server_advice import prefix_fix

pytestmark = pytest.mark.gui


def _type_server(qtbot, window, text: str) -> None:
    window.form.server.setFocus()
    window.form.server.selectAll()
    qtbot.keyClicks(window.form.server, text)


@pytest.mark.parametrize(
    ("typed", "fixed", "security", "port"),
    [
        ("ssl://smtp.gmail.com:467", "ssl://smtp.gmail.com:465", Security.TLS, 465),
        ("ssl://smtp.gmail.com:587", "ssl://smtp.gmail.com:465", Security.TLS, 465),
        ("tls://smtp.gmail.com:465", "tls://smtp.gmail.com:587", Security.STARTTLS, 587),
        ("tls://smtp.office365.com:465", "tls://smtp.office365.com:587", Security.STARTTLS, 587),
    ],
)
def test_a_providers_server_on_a_port_it_lacks_gets_a_notice_and_a_fix(
    qtbot, window, typed, fixed, security, port
):
    _type_server(qtbot, window, typed)
    advice = window.form.server_advice
    assert advice.isVisible()
    assert fixed in advice.label.text() and fixed in advice.button.text()
    qtbot.mouseClick(advice.button, Qt.MouseButton.LeftButton)
    form = window.form
    assert (form.server.text(), form.current_security(), form.port.value()) == (
        fixed,
        security,
        port,
    )
    assert not advice.isVisible()


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("tsl://smtp.example.com", "tls://smtp.example.com"),
        ("ssl:/smtp.example.com", "ssl://smtp.example.com"),
        ("smtps://smtp.example.com:465", "ssl://smtp.example.com:465"),
        ("starttls://smtp.example.com", "tls://smtp.example.com"),
    ],
)
def test_a_misspelt_prefix_gets_a_did_you_mean(qtbot, window, typed, fixed):
    _type_server(qtbot, window, typed)
    advice = window.form.server_advice
    assert advice.label.text() == f"Did you mean {fixed}?"
    qtbot.mouseClick(advice.button, Qt.MouseButton.LeftButton)
    assert window.form.server.text() == fixed
    assert "server" not in window.form.errors()


@pytest.mark.parametrize(
    "typed", ["smtp.example.com", "localhost:2525", "tls://smtp.gmail.com:587", "ssl://[::1]:465"]
)
def test_a_right_server_gets_no_advice(qtbot, window, typed):
    _type_server(qtbot, window, typed)
    assert not window.form.server_advice.isVisible()
    assert prefix_fix(typed) is None


def test_a_greyed_out_test_says_why(qtbot, window):
    _type_server(qtbot, window, "smtp.example.com")
    assert not window.test_button.isEnabled()
    reason = window.test_button.toolTip()
    assert reason.startswith("Test needs this first: ")
    assert window.statusBar().currentMessage() == reason
    for edit, text in (
        (window.form.username, "alice@example.test"),
        (window.form.password, "pw"),
        (window.form.recipient, "admin@example.test"),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    assert window.test_button.isEnabled()
    assert window.statusBar().currentMessage() == ""
    assert window.test_button.toolTip() == "Send a test message (Enter)"

"""The form on its own: server / security / port sync, field errors, disabled buttons."""

from __future__ import annotations

import pytest

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.main_window import SettingsWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):
    win = SettingsWindow()
    qtbot.addWidget(win)
    form = win.form
    form.username.setText("alice@example.test")
    form.password.setText("x")
    form.recipient.setText("alice@example.test")
    return win


def type_server(win: SettingsWindow, text: str) -> None:
    win.form.server.setText(text)
    win.form.server.textEdited.emit(text)


@pytest.mark.parametrize(
    ("text", "security", "port"),
    [
        ("ssl://smtp.example.com", Security.TLS, 465),
        ("tls://smtp.example.com", Security.STARTTLS, 587),
        ("ssl://smtp.example.com:2465", Security.TLS, 2465),
        ("[2001:db8::1]:2525", Security.STARTTLS, 2525),  # no prefix: the dropdown stays
        ("ssl://münchen.example; tls://backup.example:587", Security.TLS, 465),
    ],
)
def test_typing_a_prefix_sets_security_and_port(window, text, security, port):
    type_server(window, text)
    assert window.form.current_security() is security
    assert window.form.port.value() == port
    assert window.test_button.isEnabled() and window.save_button.isEnabled()


def test_choosing_security_rewrites_the_prefix_and_default_port(window):
    form = window.form
    type_server(window, "tls://smtp.example.com")
    form.security.setCurrentIndex(form.security.findData(Security.TLS))
    form.security.activated.emit(form.security.currentIndex())
    assert form.server.text() == "ssl://smtp.example.com"
    assert form.port.value() == 465


def test_changing_the_port_rewrites_an_explicit_port(window):
    type_server(window, "ssl://smtp.example.com:465")
    window.form.port.setValue(2465)
    assert window.form.server.text() == "ssl://smtp.example.com:2465"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("smtp.example.com:0", "1 to 65535"),
        ("smtp.example.com:70000", "1 to 65535"),
        ("", "host name"),
        ("smtp example.com", "spaces"),
        ("smtp://smtp.example.com", "ssl://"),
    ],
)
def test_bad_server_text_is_explained_at_the_field_and_blocks_test(window, text, message):
    type_server(window, text)
    error = window.form._errors["server"]
    assert error.isVisibleTo(window) and message in error.text()
    assert not window.test_button.isEnabled() and not window.save_button.isEnabled()


def test_a_two_line_error_under_the_server_is_shown_whole(qtbot):
    # With every field's error shown at once (Test on an empty form), a plain word-wrapping
    # QLabel under the server got one line and a half (21 of 28 px here): its second line was
    # cut off by the Security row (seen in a screenshot). The label now asks for the height of
    # its real width (WrappedLabel).
    window = SettingsWindow()
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):  # laid out and on screen, as the admin first sees it
        window.show()
    window.form.server.setText("[fe80::1%ñ]:587")
    window.form.show_all_errors()
    error = window.form._errors["server"]
    qtbot.waitUntil(lambda: error.isVisible() and error.width() > 0)
    assert error.heightForWidth(error.width()) >= 2 * error.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()), timeout=1000)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "alice\r\nRCPT TO:<x@evil.test>"),
        ("recipient", "alice@example.test\nBcc: x@evil.test"),
        ("from_address", "boss@example.test\r\n"),
        ("recipient", "not-an-address"),
        ("from_address", "a@b@c"),
    ],
)
def test_bad_addresses_and_injection_are_refused(window, field, value):
    type_server(window, "smtp.example.com")
    getattr(window.form, field).setText(value)
    window.form.show_all_errors()
    assert window.form.settings() is None
    assert not window.test_button.isEnabled()


def test_forced_from_with_a_display_name_is_valid(window):
    type_server(window, "smtp.example.com")
    window.form.from_address.setText("Billing <billing@example.test>")
    assert window.form.settings() is not None


def test_no_auth_needs_no_user_or_password(window):
    type_server(window, "relay.internal.example")
    form = window.form
    form.username.clear()
    form.password.clear()
    assert form.settings() is None
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.NONE))
    assert form.settings() is not None
    assert not form.password.isEnabled()


def test_password_field_hides_what_is_typed(window):
    from PySide6.QtWidgets import QLineEdit

    assert window.form.password.echoMode() is QLineEdit.EchoMode.Password

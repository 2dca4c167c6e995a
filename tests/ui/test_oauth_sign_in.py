"""OAuth2 from the window: sign in against tests/helpers/oauth_server.py, then Test and Save."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QLineEdit

from smtpgui.core.oauth import session as oauth_session
from smtpgui.core.profile.secrets import SecretKind
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.keyring_records import stored_secret
from tests.helpers.servers import USER
from tests.helpers.window import fill, fill_oauth, run

pytestmark = pytest.mark.gui


def test_oauth2_replaces_the_password_row_and_needs_no_password(qtbot, window):
    form = window.form
    assert form.password.isVisibleTo(window) and not form.oauth.isVisibleTo(window)
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.OAUTH2))
    assert not form.password.isVisibleTo(window) and form.oauth.isVisibleTo(window)
    assert "password" not in form.errors()
    assert "oauth_client_id" in form.errors()


def test_choosing_microsoft_365_prefills_endpoints_and_scopes(qtbot, window):
    combo = window.form.provider.combo
    combo.setCurrentIndex(combo.findData("microsoft365"))
    combo.activated.emit(combo.currentIndex())
    oauth = window.form.oauth
    assert "login.microsoftonline.com" in oauth.token_url.text()
    assert "SMTP.Send" in oauth.scopes.text()
    assert oauth.tenant.text()


def test_browser_sign_in_then_save_uses_the_new_tokens(
    qtbot, window, xoauth2_server, auth_server, ca_file
):
    fill_oauth(window, xoauth2_server.server, ca_file, auth_server)
    assert window.sign_in()
    assert window.is_running() and window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=10_000)
    tokens = window.form.oauth.tokens
    assert tokens is not None and window.status.title.text() == "Signed in"
    outcome = run(qtbot, window, "save")
    assert outcome.result.ok and outcome.saved, outcome.result.detail
    assert outcome.result.auth_mechanism == "XOAUTH2"
    assert stored_secret(None, USER, SecretKind.REFRESH_TOKEN) == tokens.refresh_token
    assert tokens.access_token not in window.log.toPlainText()


def test_sign_in_with_a_code_shows_the_code_and_signs_in(
    qtbot, window, xoauth2_server, auth_server, ca_file
):
    auth_server.device_answers = ["authorization_pending"]
    fill_oauth(window, xoauth2_server.server, ca_file, auth_server)
    window.form.oauth.code_button.click()
    qtbot.waitUntil(lambda: "ABCD-EFGH" in window.status.text(), timeout=10_000)
    assert f"{auth_server.base}/device-login" in window.status.text()
    qtbot.waitUntil(lambda: window.form.oauth.tokens is not None, timeout=10_000)
    assert run(qtbot, window).result.ok


def test_cancel_stops_waiting_for_the_code(qtbot, window, xoauth2_server, auth_server, ca_file):
    auth_server.device_answers = ["authorization_pending"] * 1000
    fill_oauth(window, xoauth2_server.server, ca_file, auth_server)
    window.sign_in(device=True)
    qtbot.waitUntil(lambda: "ABCD-EFGH" in window.status.text(), timeout=10_000)
    started = time.monotonic()
    window.cancel()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=5000)
    assert time.monotonic() - started < 3
    assert window.status.kind == "error" and "cancelled" in window.status.text()
    assert window.form.oauth.tokens is None and window.test_button.isEnabled()


def test_closing_the_window_stops_a_browser_sign_in(qtbot, window, auth_server, ca_file):
    fill_oauth(window, "127.0.0.1:1", ca_file, auth_server)
    window.signing.open_browser = lambda _url: True  # the admin never signs in
    window.sign_in()
    started = time.monotonic()
    window.close()
    assert not window.signing.active() and time.monotonic() - started < 3


def test_microsoft_365_with_a_password_suggests_oauth2_in_the_status(
    qtbot, window, plain_server, ca_file, on_loopback
):
    on_loopback("smtp.office365.com")
    fill(window, f"smtp.office365.com:{plain_server.port}", ca_file)
    window.form.allow_insecure.setChecked(True)
    run(qtbot, window)
    assert "Microsoft 365 / Exchange Online is turning off password login" in window.status.text()
    assert "OAuth2" in window.status.body.text()


def test_client_secret_signs_in_is_saved_in_the_keyring_and_reused_after_a_restart(
    qtbot, window, xoauth2_server, auth_server, ca_file, tmp_path
):
    auth_server.client_secret = "g-desktop-secret"
    auth_server.expires_in = 30  # the test after the restart must refresh, with the secret
    fill_oauth(window, xoauth2_server.server, ca_file, auth_server)
    window.form.oauth.client_secret.setText("g-desktop-secret")
    assert window.form.oauth.client_secret.echoMode() == QLineEdit.EchoMode.Password
    assert window.sign_in()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=10_000)
    assert window.form.oauth.tokens is not None, window.status.text()
    assert run(qtbot, window, "save").saved
    assert stored_secret(None, USER, SecretKind.CLIENT_SECRET) == "g-desktop-secret"
    assert "g-desktop-secret" not in (tmp_path / "config" / "settings.json").read_text()
    assert "g-desktop-secret" not in window.log.toPlainText()
    oauth_session.forget(window.saved.settings)  # as after a restart: only the keyring is left
    again = SettingsWindow()
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.password_state_known, timeout=5000) as known:
        again.show()
    assert known.args == [True]
    oauth = again.form.oauth
    assert oauth.client_secret.text() == "" and "stored" in oauth.client_secret.placeholderText()
    assert "saved sign-in" in oauth.state.text()
    assert again.form.password_stored() is False  # no password: the profile uses OAuth2
    outcome = run(qtbot, again)
    assert outcome.result.ok, outcome.result.detail
    assert auth_server.grants[-1] == "refresh_token"


def test_sign_in_without_the_needed_client_secret_names_it(
    qtbot, window, xoauth2_server, auth_server, ca_file
):
    auth_server.client_secret = "g-desktop-secret"
    fill_oauth(window, xoauth2_server.server, ca_file, auth_server)
    window.sign_in()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=10_000)
    assert window.status.kind == "error" and "client secret" in window.status.text()


def test_a_browser_that_does_not_come_back_gets_the_error_page_hint(
    qtbot, window, auth_server, ca_file, monkeypatch
):
    """Issue 14: the provider's error page never reaches the listener; after a while the
    status says what it may show, instead of a silent wait to the limit."""
    from smtpgui.core.oauth import browser as oauth_browser

    monkeypatch.setattr(oauth_browser, "HINT_AFTER", 0.2)
    fill_oauth(window, "smtp.example.test", ca_file, auth_server)
    window.signing.open_browser = lambda _url: None  # the page shows an error: nothing comes back
    assert window.sign_in()
    qtbot.waitUntil(lambda: "If it shows an error" in window.status.text(), timeout=5_000)
    assert window.signing.active()
    window.signing.cancel()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=5_000)
    assert window.status.title.text() == "Not signed in"

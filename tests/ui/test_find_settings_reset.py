"""'Use this setting' in Find settings starts from the new server, not the old one's extras."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smtpgui.core.discovery.findings import DiscoverOptions
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.settings import AuthMethod, TrustMode
from tests.helpers.discovery import no_network
from tests.helpers.dns_server import dns_server

pytestmark = pytest.mark.gui
PIN = "AB:" * 31 + "AB"


def _choose_gmail_with_oauth(qtbot, window) -> None:
    combo = window.form.provider.combo
    combo.setFocus()
    qtbot.keyClicks(combo, "Gmail")  # typing selects by name, as with the keyboard
    assert window.form.provider.current().id == "google"
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.OAUTH2))
    window.form.oauth.client_id.setText("google-client-id")
    window.form.trust.pin(PIN)


def test_use_this_setting_drops_the_old_servers_oauth_pin_and_login_rule(qtbot, window):
    _choose_gmail_with_oauth(qtbot, window)
    assert "accounts.google.com" in window.form.oauth.authorize_url.text()
    records = {("_submission._tcp.example.test", "SRV"): ["0 0 587 mail.example.test."]}
    with dns_server(records) as dns:
        window.files.discover_options = DiscoverOptions(
            resolver=dns.resolver(), address_resolver=no_network
        )
        window.form.recipient.setText("alice@example.test")
        dialog = window.files.find_settings()
        with qtbot.waitSignal(dialog.finished_search, timeout=10_000):
            pass
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    form = window.form
    assert form.server.text() == "mail.example.test"
    assert form.provider.current() is None
    assert form.trust.current() is TrustMode.SYSTEM
    assert form.trust.pinned.text() == "" and form.ca_file.text() == ""
    assert form.oauth.values() == OAuthSettings()
    assert form.username.placeholderText() == "usually your full e-mail address"


def test_a_password_login_saves_no_oauth_block(qtbot, window):
    _choose_gmail_with_oauth(qtbot, window)
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.AUTO))
    for edit, text in (
        (window.form.username, "alice@example.test"),
        (window.form.password, "app-password"),
        (window.form.recipient, "alice@example.test"),
    ):
        edit.setText(text)
    window.form.trust.set_current(TrustMode.SYSTEM)
    settings = window.form.settings()
    assert settings is not None and settings.oauth == OAuthSettings()
    assert window.form.oauth.client_id.text() == "google-client-id"  # kept for going back


def test_choosing_other_drops_the_providers_oauth_block(qtbot, window):
    _choose_gmail_with_oauth(qtbot, window)
    combo = window.form.provider.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # "Other / not listed"
    assert window.form.provider.current() is None
    assert window.form.oauth.values() == OAuthSettings()

"""The Provider combo fills the form from the catalogue; typing a host shows its provider."""

from __future__ import annotations

import pytest

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.form import SettingsForm
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


@pytest.fixture
def form(qtbot):
    widget = SettingsForm()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(form: SettingsForm, provider_id: str, region: str = "") -> None:
    combo = form.provider.combo
    combo.setCurrentIndex(combo.findData(provider_id))
    combo.activated.emit(combo.currentIndex())
    if region:
        form.provider.region.setCurrentIndex(form.provider.region.findText(region))
        form.provider.region.activated.emit(form.provider.region.currentIndex())


def test_other_is_first_and_every_provider_is_listed(form):
    combo = form.provider.combo
    assert combo.currentIndex() == 0 and combo.currentData() == ""
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "SendGrid" in names and "Gmail / Google Workspace" in names
    assert not form.provider.region.isVisibleTo(form)


def test_choosing_sendgrid_fills_server_port_and_the_fixed_user_name(form):
    choose(form, "sendgrid")
    assert form.server.text() == "smtp.sendgrid.net"
    assert form.current_security() is Security.STARTTLS
    assert form.port.value() == 587
    assert form.auth.currentData() == AuthMethod.AUTO
    assert form.username.text() == "apikey"
    hint = form.provider.hint
    assert hint.isVisibleTo(form) and "verified sender" in hint.text()
    choose(form, "google")  # the next provider's user name is the address: "apikey" goes
    assert form.server.text() == "smtp.gmail.com"
    assert form.current_security() is Security.TLS and form.port.value() == 465
    assert form.username.text() == ""
    assert "full e-mail address" in form.username.placeholderText()
    assert form.settings() is None or form.settings().endpoints[0].port == 465


def test_a_provider_with_regions_shows_them_and_fills_the_region(form):
    choose(form, "amazon-ses", "eu-west-1")
    assert form.provider.region.isVisibleTo(form)
    assert form.server.text() == "email-smtp.eu-west-1.amazonaws.com"
    assert form.port.value() == 587
    assert "dashboard" in form.username.placeholderText()
    assert form.provider.hint.text() != ""


def test_typing_a_host_selects_its_provider_or_other(form):
    form.server.setText("smtp.zoho.eu")
    form.server.textEdited.emit("smtp.zoho.eu")
    assert form.provider.combo.currentData() == "zoho"
    assert form.provider.region.currentText() == "EU"
    form.server.setText("mail.example.test")
    form.server.textEdited.emit("mail.example.test")
    assert form.provider.combo.currentData() == ""
    assert not form.provider.hint.isVisibleTo(form)


def test_other_keeps_what_was_typed(form):
    choose(form, "fastmail")
    choose(form, "")
    assert form.server.text() == "smtp.fastmail.com"


def test_a_password_for_microsoft_365_shows_a_notice_while_filling_in(form):
    choose(form, "microsoft365")  # the catalogue picks OAuth2 only when nothing else works
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.AUTO))
    assert form.login_notice.isVisibleTo(form)
    assert "end of December 2026" in form.login_notice.text()
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.OAUTH2))
    assert not form.login_notice.isVisibleTo(form)


def test_typing_gmail_with_a_password_asks_for_an_app_password(form):
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.AUTO))
    form.server.setText("ssl://smtp.gmail.com:465")
    form.server.textEdited.emit(form.server.text())
    assert form.login_notice.isVisibleTo(form) and "app password" in form.login_notice.text()
    form.server.setText("mail.example.test")
    form.server.textEdited.emit(form.server.text())
    assert not form.login_notice.isVisibleTo(form)


def test_a_failed_login_at_a_known_provider_shows_its_rules_and_help_pages(
    qtbot, window, plain_server, ca_file, on_loopback
):
    on_loopback("smtp.gmail.com")
    fill(window, f"smtp.gmail.com:{plain_server.port}", ca_file, password="not-an-app-password")
    security = window.form.security
    security.setCurrentIndex(security.findData(Security.NONE))  # plain_server: no TLS at all
    security.activated.emit(security.currentIndex())
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.PLAIN))
    window.form.allow_insecure.setChecked(True)
    outcome = run(qtbot, window)
    assert outcome.result.code == 535
    body = window.status.body.text()
    assert "About Gmail / Google Workspace:" in body
    assert 'href="https://support.google.com/accounts/answer/185833"' in body
    assert "How to make an app password" in body
    assert window.status.body.openExternalLinks()

"""The Provider combo fills the form from the catalogue; typing a host shows its provider."""

from __future__ import annotations

import pytest

from smtpgui.core.endpoint import Security
from smtpgui.core.settings import AuthMethod
from smtpgui.ui.form import SettingsForm

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

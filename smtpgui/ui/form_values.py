"""Reading the form's widgets into Settings (with field errors), and filling them from Settings.

Functions over SettingsForm, kept apart from its layout and the sync between its fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.addresses import address_error, username_error
from smtpgui.core.profile.settings import AuthMethod, Settings, field_errors
from smtpgui.core.smtp.endpoint import (
    EndpointError,
    ServerEntry,
    format_entry,
    parse_entries,
    resolve,
)

if TYPE_CHECKING:
    from smtpgui.ui.form import SettingsForm


def read_form(form: SettingsForm) -> tuple[Settings, dict[str, str]]:
    """The form as Settings (incomplete while there are errors), and the field errors."""
    errors: dict[str, str] = {}
    endpoints = ()
    try:
        entries = parse_entries(form.server.text())
        endpoints = resolve(entries, form.current_security(), form.port.value())
    except EndpointError as exc:
        errors["server"] = exc.text
    trust, ca_file, pinned = form.trust.values()
    auth = AuthMethod(form.auth.currentData())
    settings = Settings(
        endpoints=endpoints,
        auth=auth,
        username=form.username.text().strip(),
        from_address=form.from_address.text().strip(),
        recipient=form.recipient.text().strip(),
        allow_insecure_auth=form.allow_insecure.isChecked(),
        timeout=float(form.timeout.value()),
        trust=trust,
        ca_file=ca_file,
        pinned_sha256=pinned,
        # The OAuth2 block belongs to an OAuth2 login: a password login saves none (the
        # fields keep their values while the admin tries one login and the other).
        oauth=form.oauth.values() if auth is AuthMethod.OAUTH2 else OAuthSettings(),
    )
    errors.update(field_errors(settings))
    raw = {
        "username": username_error(form.username.text()),
        "from": address_error(form.from_address.text(), required=False),
        "recipient": address_error(form.recipient.text(), required=True),
    }
    # CR/LF typed or pasted in: judge the raw text, not the stripped one.
    errors.update({name: error for name, error in raw.items() if error})
    return settings, errors


def fill_form(form: SettingsForm, settings: Settings) -> None:
    """Put saved settings into the widgets (the password stays empty: it is in the keyring)."""
    first, backups = settings.endpoints[0], settings.endpoints[1:]
    text = "; ".join(
        [
            format_entry(ServerEntry(first.host, None, None)),
            *(str(endpoint) for endpoint in backups),
        ]
    )
    form.server.setText(text)
    form.provider.select_by_host(first.host)
    form.setCurrentSecurity(first.security)
    form.set_port_quietly(first.port)
    form.auth.setCurrentIndex(form.auth.findData(settings.auth))
    form.username.setText(settings.username)
    form.password.clear()
    form.allow_insecure.setChecked(settings.allow_insecure_auth)
    form.from_address.setText(settings.from_address)
    form.recipient.setText(settings.recipient)
    form.timeout.setValue(round(settings.timeout))
    form.trust.load(settings.trust, settings.ca_file, settings.pinned_sha256)
    form.oauth.load(settings.oauth)

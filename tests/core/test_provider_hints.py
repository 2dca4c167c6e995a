"""The provider catalogue's words in notices and diagnoses, for real failures on 127.0.0.1."""

from __future__ import annotations

import pytest

from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.providers.hints import login_notice
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import ProbeResult
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, Recorder, free_port, smtp_server


@pytest.mark.parametrize(
    ("host", "auth", "expected"),
    [
        ("smtp.office365.com", AuthMethod.AUTO, "off by default from the end of December 2026"),
        ("smtp.office365.com", AuthMethod.LOGIN, "Set Authentication to OAuth2"),
        ("smtp.office365.com", AuthMethod.OAUTH2, None),
        ("smtp-mail.outlook.com", AuthMethod.AUTO, "accepts only OAuth2"),
        ("smtp.gmail.com", AuthMethod.PLAIN, "make an app password"),
        ("smtp.mail.me.com", AuthMethod.AUTO, "make an app password"),
        ("smtp.gmail.com", AuthMethod.OAUTH2, None),
        ("smtp.gmail.com", AuthMethod.NONE, None),
        ("smtp.zoho.eu", AuthMethod.AUTO, None),  # Zoho takes the account's password
        ("smtp.sendgrid.net", AuthMethod.AUTO, None),
        ("mail.example.test", AuthMethod.AUTO, None),
    ],
)
def test_login_notice_follows_what_the_provider_accepts(host, auth, expected, ca_file):
    notice = login_notice(settings_for(f"{host}:587", ca_file, auth=auth))
    if expected is None:
        assert notice is None
    else:
        assert notice is not None and expected in notice


def probe(settings: Settings, password: str = "wrong") -> ProbeResult:
    """A whole test, with its message."""
    return run(settings, password)[0]


def test_refused_login_at_gmail_names_app_passwords_first(ca, ca_file, on_loopback):
    on_loopback("smtp.gmail.com")
    with smtp_server(ca, "plain") as server:
        settings = settings_for(
            f"smtp.gmail.com:{server.port}",
            ca_file,
            allow_insecure_auth=True,
            auth=AuthMethod.PLAIN,  # (aiosmtpd never answers a refused CRAM-MD5)
        )
        result = probe(settings)
    assert result.phase is Phase.AUTH and result.code == 535
    diagnosis = diagnose(result)
    assert diagnosis is not None and diagnosis.provider == "Gmail / Google Workspace"
    assert (
        diagnosis.notes[0]
        == "Gmail / Google Workspace accepts for SMTP: an app password, OAuth2 sign-in."
    )
    assert diagnosis.links[0].topic == "app-password"
    assert any("support.google.com" in line for line in diagnosis.provider_lines())


def test_sender_refused_at_microsoft_365_names_send_as(ca, ca_file, on_loopback):
    on_loopback("smtp.office365.com")
    handler = Recorder(
        reject_mail="550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    )
    with smtp_server(ca, "plain", handler) as server:
        settings = settings_for(
            f"smtp.office365.com:{server.port}",
            ca_file,
            allow_insecure_auth=True,
            from_address="boss@example.test",
        )
        result = probe(settings, PASSWORD)
    assert result.phase is Phase.MAIL, result
    diagnosis = diagnose(result)
    assert diagnosis is not None and diagnosis.provider.startswith("Microsoft 365")
    assert any("Send As" in note for note in diagnosis.notes)


def test_connection_failure_at_a_regional_provider_lists_its_servers(ca_file, on_loopback):
    on_loopback("smtp.zoho.eu")
    settings = settings_for(f"smtp.zoho.eu:{free_port()}", ca_file)  # nothing listens there
    result = probe(settings)
    assert result.phase is Phase.CONNECT
    diagnosis = diagnose(result)
    assert diagnosis is not None
    assert diagnosis.notes == (
        "Zoho Mail uses: ssl://smtp.zoho.eu:465, tls://smtp.zoho.eu:587, "
        "ssl://smtppro.zoho.eu:465, tls://smtppro.zoho.eu:587.",
    )


def test_an_unknown_server_gets_no_provider_advice(ca, ca_file):
    with smtp_server(ca, "plain") as server:
        settings = settings_for(
            server.server, ca_file, allow_insecure_auth=True, auth=AuthMethod.PLAIN
        )
        result = probe(settings)
    diagnosis = diagnose(result)
    assert diagnosis is not None and diagnosis.provider == "" and diagnosis.provider_lines() == []

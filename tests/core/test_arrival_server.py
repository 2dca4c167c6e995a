"""Which IMAP server the arrival check reads: the typed one, else the provider catalogue's."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from smtpgui.core.deliverability.arrival import ArrivalCheck, imap_endpoint, prove_arrival
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.providers.catalogue import Server, catalogue_imap
from smtpgui.core.smtp.endpoint import Security, parse_server
from smtpgui.core.smtp.transcript import TranscriptLine

OUTLOOK_IMAP = Server("outlook.office365.com", 993, Security.TLS)
GMAIL_IMAP = Server("imap.gmail.com", 993, Security.TLS)


def settings(server: str, recipient: str = "admin@office.test") -> Settings:
    return Settings(
        endpoints=parse_server(server),
        auth=AuthMethod.AUTO,
        username="admin@office.test",
        recipient=recipient,
        timeout=2.0,
    )


@pytest.mark.parametrize(
    ("server", "recipient", "expected"),
    [
        ("tls://smtp-mail.outlook.com:587", "me@outlook.com", (OUTLOOK_IMAP, True)),
        ("tls://smtp.office365.com:587", "me@office.test", (OUTLOOK_IMAP, True)),
        ("ssl://smtp.gmail.com:465", "me@office.test", (GMAIL_IMAP, True)),
        # Mail sent through SendGrid to a Gmail address: Gmail's mailbox, not vouched for.
        ("tls://smtp.sendgrid.net:587", "me@gmail.com", (GMAIL_IMAP, False)),
        ("tls://mail.office.test:587", "me@office.test", (None, False)),
    ],
)
def test_the_catalogue_names_the_mailbox_s_imap_server(server, recipient, expected):
    smtp_host = settings(server).endpoints[0].host
    assert catalogue_imap(smtp_host, recipient) == expected


def test_a_typed_server_wins_and_none_at_all_is_a_clear_sentence():
    check = ArrivalCheck("imap.office.test:143")
    assert imap_endpoint(check, OUTLOOK_IMAP) == ("imap.office.test", 143, Security.STARTTLS)
    assert imap_endpoint(ArrivalCheck(), OUTLOOK_IMAP) == (
        "outlook.office365.com",
        993,
        Security.TLS,
    )
    with pytest.raises(ValueError, match="give the IMAP server of the test recipient"):
        imap_endpoint(ArrivalCheck())


def _prove(check: ArrivalCheck, smtp: str, stored: bool) -> tuple[str, str, list[str]]:
    lines: list[str] = []

    def log(line: TranscriptLine) -> None:
        lines.append(line.text)

    arrival, finding = prove_arrival(
        check, settings(smtp), "s3cret", "<m@x>", log, secret_stored=stored
    )
    assert arrival is None
    return finding.verdict, finding.explanation, lines


def test_no_imap_server_known_says_so_without_connecting():
    verdict, explanation, lines = _prove(ArrivalCheck(), "tls://mail.office.test:587", True)
    assert verdict == "arrival-unreadable"
    assert "No IMAP server is known for this provider" in explanation
    assert lines == []


def test_the_catalogue_s_imap_server_may_have_the_stored_password(on_loopback):
    """smtp-mail.outlook.com's password goes to outlook.office365.com (another registered
    domain) because the catalogue says that is the same provider's mailbox; nothing listens
    on 127.0.0.1:993 here, so the check ends at the connection, past the secret's gate."""
    on_loopback("outlook.office365.com")
    with socket.socket() as probe:  # the refusal below must be a closed port, not a listener
        assert probe.connect_ex(("127.0.0.1", 993)) != 0
    verdict, explanation, lines = _prove(ArrivalCheck(), "tls://smtp-mail.outlook.com:587", True)
    assert verdict == "arrival-unreadable"
    assert "could not be read" in explanation and "stored password" not in explanation
    assert "IMAP: connecting to outlook.office365.com:993" in lines


def test_a_typed_host_of_another_organisation_gets_no_stored_password():
    check = ArrivalCheck("imap.elsewhere.test:993")
    _verdict, explanation, lines = _prove(check, "tls://smtp-mail.outlook.com:587", True)
    assert "stored password is sent only to the servers it was saved for" in explanation
    assert lines == []  # refused before connecting


SEND_ONLY = "https://outlook.office.com/SMTP.Send offline_access"
IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All"


def _prove_signed_in(smtp: str, scopes: str) -> tuple[str, str, list[str]]:
    lines: list[str] = []
    signed_in = replace(settings(smtp), auth=AuthMethod.OAUTH2, oauth=OAuthSettings(scopes=scopes))
    arrival, finding = prove_arrival(
        ArrivalCheck(), signed_in, "access-token", "<m@x>", lambda line: lines.append(line.text)
    )
    assert arrival is None
    return finding.verdict, finding.explanation, lines


def test_a_microsoft_sign_in_for_sending_only_is_told_the_scope_to_add():
    # Microsoft's IMAP refuses a token asked for SMTP.Send alone; say so before connecting.
    verdict, explanation, lines = _prove_signed_in("tls://smtp.office365.com:587", SEND_ONLY)
    assert verdict == "arrival-unreadable"
    assert f"add {IMAP_SCOPE} to the OAuth2 scopes, sign in again" in explanation
    assert lines == []  # nothing was sent anywhere


def test_a_sign_in_with_the_imap_scope_goes_on_to_the_mailbox(on_loopback):
    on_loopback("outlook.office365.com")  # nothing listens on 127.0.0.1:993 here
    scopes = f"{SEND_ONLY} {IMAP_SCOPE}"
    _verdict, explanation, lines = _prove_signed_in("tls://smtp.office365.com:587", scopes)
    assert "IMAP: connecting to outlook.office365.com:993" in lines
    assert "OAuth2 scopes" not in explanation


def test_gmail_s_one_scope_covers_sending_and_reading(on_loopback):
    on_loopback("imap.gmail.com")
    _verdict, explanation, lines = _prove_signed_in(
        "ssl://smtp.gmail.com:465", "https://mail.google.com/"
    )
    assert "IMAP: connecting to imap.gmail.com:993" in lines
    assert "OAuth2 scopes" not in explanation


@pytest.mark.parametrize(
    "check",
    [
        ArrivalCheck(server="imap.office.test\r\nA1 LOGOUT"),
        ArrivalCheck(server="imap.office.test", username="me\r\nA1 DELETE INBOX"),
        ArrivalCheck(server="imap.office.test", username="me", password="pw\r\nA1 LOGOUT"),
    ],
)
def test_a_line_break_never_reaches_the_mailbox(check):
    verdict, explanation, lines = _prove(check, "tls://mail.office.test:587", False)
    assert verdict == "arrival-unreadable"
    assert "may not hold line breaks or control characters" in explanation
    assert lines == []  # refused before connecting

"""The mailbox proof with an OAuth2 sign-in: Dovecot checks the access token (AUTHENTICATE
XOAUTH2 / OAUTHBEARER) by asking the test authorization server whose it is (/userinfo)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import trustme
from aiosmtpd.smtp import SMTP, Envelope, Session

from smtpgui.core.deliverability.arrival import ArrivalCheck, ImapAccount, wait_for_arrival
from smtpgui.core.jobs import Job, JobRunner, Outcome
from smtpgui.core.oauth import session as oauth_session
from smtpgui.core.profile.secrets import SecretKind, SecretStore, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import Security, parse_server
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers import imap_server
from tests.helpers.imap_server import Delivering, Dovecot, dovecot
from tests.helpers.oauth_server import AuthorizationServer, client_settings
from tests.helpers.servers import USER, OAuthRecorder, RunningServer, smtp_server
from tests.helpers.sign_in import follow as browser

pytestmark = pytest.mark.skipif(
    not imap_server.available(), reason="Dovecot is not installed (apt-get install dovecot-imapd)"
)


@dataclass
class DeliveringOAuth(OAuthRecorder, Delivering):
    """An SMTP server that takes XOAUTH2 tokens and hands the message to the Dovecot."""


@pytest.fixture
def imap(auth_server: AuthorizationServer) -> Iterator[Dovecot]:
    with dovecot(f"{auth_server.base}/userinfo") as server:
        yield server


def _settings(server: RunningServer, ca_file: str, auth: AuthorizationServer) -> Settings:
    oauth = client_settings(auth)
    return Settings(
        endpoints=parse_server(server.server),
        auth=AuthMethod.OAUTH2,
        username=USER,
        recipient=USER,
        ca_file=ca_file,
        allow_insecure_auth=True,  # the Dovecot of the tests has no TLS (loopback only)
        timeout=5.0,
        oauth=oauth,
    )


def _run(job: Job) -> tuple[Outcome, str]:
    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    return JobRunner(job, collect).run(), "\n".join(lines)


def test_an_oauth2_profile_reads_the_mailbox_with_its_access_token(
    ca: trustme.CA, ca_file: str, auth_server: AuthorizationServer, imap: Dovecot
) -> None:
    handler = DeliveringOAuth(tokens=auth_server.valid_access, imap=imap, folder="INBOX")
    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=5)
    with smtp_server(ca, "starttls", handler, auth_exclude_mechanism=["OAUTHBEARER"]) as server:
        settings = _settings(server, ca_file, auth_server)
        tokens = oauth_session.sign_in(settings, browser)
        job = Job(settings, None, False, "s", "b", tokens=tokens, arrival=check)
        outcome, transcript = _run(job)
    assert outcome.result.ok, outcome.result.detail
    assert outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == "arrival-inbox", outcome.arrival_finding.explanation
    assert "AUTHENTICATE XOAUTH2 [redacted]" in transcript
    assert auth_server.userinfo_asked >= 1  # Dovecot asked whose the token is
    for secret in (tokens.access_token, tokens.refresh_token):
        assert secret not in transcript


def test_an_access_token_used_up_by_the_test_is_refreshed_for_the_mailbox(
    ca: trustme.CA, ca_file: str, auth_server: AuthorizationServer, imap: Dovecot
) -> None:
    auth_server.expires_in = 30  # under the session's one-minute margin: refreshed each time
    handler = DeliveringOAuth(tokens=auth_server.valid_access, imap=imap, folder="Junk")
    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=5)
    with smtp_server(ca, "starttls", handler, auth_exclude_mechanism=["OAUTHBEARER"]) as server:
        settings = _settings(server, ca_file, auth_server)
        tokens = oauth_session.sign_in(settings, browser)
        grants_before = len(auth_server.grants)
        outcome, transcript = _run(Job(settings, None, False, "s", "b", tokens=tokens,
                                       arrival=check))  # fmt: skip
    assert outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == "arrival-junk", outcome.arrival_finding.explanation
    # One refresh for the SMTP test, one more for the mailbox, each from the latest token.
    assert auth_server.grants[grants_before:] == ["refresh_token", "refresh_token"]
    assert "Bearer" not in transcript


def test_a_refused_token_leaves_the_mailbox_unreadable_and_redacted(
    auth_server: AuthorizationServer, imap: Dovecot
) -> None:
    account = ImapAccount(
        "127.0.0.1", imap.port, Security.NONE, USER, "at-never-issued", oauth2=True,
        allow_insecure_auth=True,
    )  # fmt: skip
    lines: list[TranscriptLine] = []
    with pytest.raises(Exception, match="could not be read"):
        wait_for_arrival(account, "<x@smtpgui.test>", limit=1, log=lines.append)
    assert "at-never-issued" not in "\n".join(line.text for line in lines)


def test_oauthbearer_where_the_server_offers_only_that(auth_server: AuthorizationServer) -> None:
    token = str(auth_server.issue()["access_token"])
    with dovecot(f"{auth_server.base}/userinfo", oauth_mechanisms="oauthbearer") as imap:
        lines = _read_inbox(imap, token)
    assert "AUTHENTICATE OAUTHBEARER [redacted]" in lines
    assert token not in lines


def _read_inbox(imap: Dovecot, token: str) -> str:
    imap.deliver("INBOX", b"From: a@office.test\r\nMessage-ID: <ob-1@smtpgui.test>\r\n\r\nx\r\n")
    account = ImapAccount(
        "127.0.0.1", imap.port, Security.NONE, USER, token, oauth2=True, allow_insecure_auth=True
    )
    lines: list[TranscriptLine] = []
    arrival = wait_for_arrival(account, "<ob-1@smtpgui.test>", limit=2, log=lines.append)
    assert arrival.arrived
    return "\n".join(line.text for line in lines)


def test_a_sign_in_saved_by_the_run_keeps_its_rotated_refresh_token(
    ca: trustme.CA, ca_file: str, auth_server: AuthorizationServer, imap: Dovecot
) -> None:
    """Save, then the mailbox: the refresh for IMAP rotates the token the save just stored,
    and the keyring gets the new one (the old one is dead at Microsoft's after rotation)."""
    auth_server.expires_in = 30  # each use refreshes
    handler = DeliveringOAuth(tokens=auth_server.valid_access, imap=imap, folder="INBOX")
    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=5)
    with smtp_server(ca, "starttls", handler, auth_exclude_mechanism=["OAUTHBEARER"]) as server:
        settings = _settings(server, ca_file, auth_server)
        tokens = oauth_session.sign_in(settings, browser)
        outcome, _transcript = _run(Job(settings, None, True, "s", "b", tokens=tokens,
                                        arrival=check))  # fmt: skip
    assert outcome.saved
    assert outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == "arrival-inbox"
    stored = SecretStore().get(binding_of(settings, SecretKind.REFRESH_TOKEN))
    assert stored in auth_server.refresh_tokens  # alive: the next test can refresh with it


@dataclass
class RevokingOnDelivery(DeliveringOAuth):
    """Delivers, then the sign-in is revoked (as an admin does in the provider's portal)."""

    auth: AuthorizationServer | None = None

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if self.auth is not None:
            self.auth.revoke()
        return reply


def test_a_sign_in_revoked_before_the_mailbox_is_read_says_so_and_the_test_stands(
    ca: trustme.CA, ca_file: str, auth_server: AuthorizationServer, imap: Dovecot
) -> None:
    auth_server.expires_in = 30  # the mailbox needs a refresh, which the revocation refuses
    handler = RevokingOnDelivery(
        tokens=auth_server.valid_access, imap=imap, folder="INBOX", auth=auth_server
    )
    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=5)
    with smtp_server(ca, "starttls", handler, auth_exclude_mechanism=["OAUTHBEARER"]) as server:
        settings = _settings(server, ca_file, auth_server)
        tokens = oauth_session.sign_in(settings, browser)
        outcome, transcript = _run(Job(settings, None, False, "s", "b", tokens=tokens,
                                       arrival=check))  # fmt: skip
    assert outcome.result.ok  # the SMTP test passed before the revocation
    finding = outcome.arrival_finding
    assert finding is not None and finding.verdict == "arrival-unreadable"
    assert "Sign in again" in finding.explanation
    assert tokens.refresh_token not in transcript

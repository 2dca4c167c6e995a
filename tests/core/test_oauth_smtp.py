"""OAuth2 end to end on 127.0.0.1: sign in, test over XOAUTH2/OAUTHBEARER, save, refresh, revoke."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest

import smtpgui
from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.jobs import Job, JobRunner, Outcome, delete_profile, save_profile
from smtpgui.core.oauth import session as oauth_session
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.oauth.tokens import OAuthError, Tokens
from smtpgui.core.profile.secrets import SecretKind, SecretStore, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings, field_errors, from_json, to_json
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers.oauth_server import AuthorizationServer, client_settings
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import USER, OAuthRecorder, RunningServer, smtp_server


def oauth_settings(server: RunningServer, ca_file: str, auth: AuthorizationServer) -> Settings:
    oauth = client_settings(auth)
    return settings_for(server.server, ca_file, auth=AuthMethod.OAUTH2, oauth=oauth)


def browser(url: str) -> None:
    """The admin's browser: follows /authorize's redirect to the loopback listener."""
    with urllib.request.urlopen(url, timeout=10) as page:
        page.read()


def run(
    settings: Settings, save: bool = False, tokens: Tokens | None = None
) -> tuple[Outcome, str]:
    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.format())

    job = Job(settings, None, save=save, subject="OAuth test", body="It works.", tokens=tokens)
    return JobRunner(job, collect).run(), "\n".join(lines)


def test_sign_in_test_and_save(xoauth2_server, auth_server, ca_file, tmp_path: Path):
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    assert field_errors(settings) == {}
    tokens = oauth_session.sign_in(settings, browser)
    outcome, transcript = run(settings, save=True, tokens=tokens)
    assert outcome.result.ok and outcome.saved, outcome.result.detail
    assert outcome.result.auth_mechanism == "XOAUTH2"
    assert len(xoauth2_server.handler.envelopes) == 1
    assert SecretStore().get(binding_of(settings, SecretKind.REFRESH_TOKEN)) == tokens.refresh_token
    assert (
        SecretStore().get(binding_of(settings, SecretKind.PASSWORD)) is None
    )  # no password stored
    saved = (tmp_path / "config" / "settings.json").read_text()
    for secret in (tokens.access_token, tokens.refresh_token):
        assert secret not in saved and secret not in transcript
    assert "AUTH XOAUTH2 [redacted]" in transcript
    assert SettingsStore().load() == settings


def test_oauthbearer_is_preferred_when_offered(ca, auth_server, ca_file):
    handler = OAuthRecorder(tokens=auth_server.valid_access)
    with smtp_server(ca, "starttls", handler) as server:
        settings = oauth_settings(server, ca_file, auth_server)
        tokens = oauth_session.sign_in(settings, browser)
        outcome, transcript = run(settings, tokens=tokens)
    assert outcome.result.ok and outcome.result.auth_mechanism == "OAUTHBEARER"
    assert tokens.access_token not in transcript


def test_saved_sign_in_is_refreshed_before_the_test(xoauth2_server, auth_server, ca_file):
    auth_server.expires_in = 30  # under the 60 s margin: each test must refresh first
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    tokens = oauth_session.sign_in(settings, browser)
    assert run(settings, save=True, tokens=tokens)[0].saved
    oauth_session.forget(settings)  # as after a restart: only the keyring is left
    auth_server.expire_access()  # the first access token no longer works
    outcome, transcript = run(settings)
    assert outcome.result.ok, outcome.result.detail
    assert auth_server.grants[-1] == "refresh_token"
    rotated = SecretStore().get(binding_of(settings, SecretKind.REFRESH_TOKEN))
    assert rotated and rotated != tokens.refresh_token  # the new one was stored at once
    assert rotated not in transcript


def test_revoked_sign_in_says_sign_in_again(xoauth2_server, auth_server, ca_file):
    auth_server.expires_in = 30
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    assert run(settings, save=True, tokens=oauth_session.sign_in(settings, browser))[0].saved
    oauth_session.forget(settings)
    auth_server.revoke()
    outcome, transcript = run(settings)
    result = outcome.result
    assert not result.ok and result.failure is Failure.SIGN_IN and result.phase is Phase.AUTH
    assert "Sign in again" in result.detail and "Sign in again" in transcript
    diagnosis = diagnose(result)
    assert diagnosis is not None and "Sign in again" in diagnosis.explanation


def test_refused_token_gets_the_json_error_then_535(xoauth2_server, auth_server, ca_file):
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    stale = Tokens("at-not-valid", expires_at=9e12, refresh_token="rt-x")
    outcome, transcript = run(settings, tokens=stale)
    result = outcome.result
    assert result.code == 535 and result.phase is Phase.AUTH
    assert "status 401" in result.detail and "https://mail.google.com/" in result.detail
    assert xoauth2_server.handler.dummy_replies == [b""]  # XOAUTH2: an empty line
    assert "at-not-valid" not in transcript
    assert '"scope": "https://mail.google.com/"' in transcript  # decoded for the admin


def test_oauthbearer_answers_the_error_with_ctrl_a(ca, auth_server, ca_file):
    handler = OAuthRecorder(tokens=set())
    with smtp_server(ca, "starttls", handler) as server:
        settings = oauth_settings(server, ca_file, auth_server)
        outcome, _ = run(settings, tokens=Tokens("bad", expires_at=9e12))
    assert outcome.result.code == 535
    assert handler.dummy_replies == [b"\x01"]  # RFC 7628 §3.2.3


@pytest.mark.parametrize("client_secret", ["", "g-desktop-secret"])
def test_send_message_refreshes_the_saved_sign_in(
    xoauth2_server, auth_server, ca_file, client_secret
):
    from email.message import EmailMessage

    auth_server.expires_in = 30
    auth_server.client_secret = client_secret  # the refresh needs the stored one
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    tokens = oauth_session.sign_in(settings, browser, client_secret=client_secret)
    job = Job(settings, None, True, "s", "b", tokens=tokens, client_secret=client_secret)
    assert JobRunner(job, lambda _: None).run().saved
    oauth_session.forget(settings)
    msg = EmailMessage()
    msg["To"] = USER
    msg["Subject"] = "Invoice"
    msg.set_content("Attached.")
    assert smtpgui.send_message(msg).ok
    assert auth_server.grants[-1] == "refresh_token"
    auth_server.revoke()
    oauth_session.forget(settings)
    with pytest.raises(smtpgui.api.SignInRequiredError, match="Sign in again"):
        smtpgui.send_message(msg)


def test_oauth_settings_round_trip_and_old_files(xoauth2_server, auth_server, ca_file):
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    data = json.loads(json.dumps(to_json(settings)))
    assert from_json(data) == settings
    assert set(data["oauth"]) == {f"{n}_url" for n in ("authorize", "token", "device")} | {
        "provider",
        "client_id",
        "tenant",
        "scopes",
    }
    del data["oauth"]
    data["auth"] = "plain"
    assert from_json(data).oauth == OAuthSettings()  # files from before OAuth2 still load
    broken = OAuthSettings(token_url="http://login.example/token", scopes="")
    errors = field_errors(settings_for("tls://h", ca_file, auth=AuthMethod.OAUTH2, oauth=broken))
    assert {"oauth_client_id", "oauth_token_url", "oauth_authorize_url", "oauth_scopes"} <= set(
        errors
    )


def test_microsoft_365_with_a_password_gets_a_notice(plain_server, ca_file):
    import socket

    from smtpgui.core.smtp.probe import SmtpProbe

    def loopback(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        assert host == "smtp.office365.com"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    for auth, expected in ((AuthMethod.AUTO, True), (AuthMethod.OAUTH2, False)):
        lines.clear()
        settings = settings_for(f"smtp.office365.com:{plain_server.port}", ca_file, auth=auth)
        SmtpProbe(settings, "x", None, collect, resolver=loopback).run()
        assert any("is turning off password login for SMTP" in line for line in lines) is expected


def test_client_secret_is_sent_kept_in_the_keyring_and_used_to_refresh(
    xoauth2_server, auth_server, ca_file, tmp_path: Path
):
    auth_server.client_secret = "g-desktop-secret"
    auth_server.expires_in = 30  # every test refreshes
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    tokens = oauth_session.sign_in(settings, browser, client_secret="g-desktop-secret")
    job = Job(settings, None, True, "s", "b", tokens=tokens, client_secret="g-desktop-secret")
    assert JobRunner(job, lambda _: None).run().saved
    assert SecretStore().get(binding_of(settings, SecretKind.CLIENT_SECRET)) == "g-desktop-secret"
    assert "g-desktop-secret" not in (tmp_path / "config" / "settings.json").read_text()
    oauth_session.forget(settings)
    outcome, transcript = run(settings)  # after a restart: the stored secret refreshes
    assert outcome.result.ok, outcome.result.detail
    assert auth_server.grants[-1] == "refresh_token"
    assert "g-desktop-secret" not in transcript


def test_missing_client_secret_says_which_field(auth_server, xoauth2_server, ca_file):
    auth_server.client_secret = "g-desktop-secret"
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    with pytest.raises(OAuthError) as caught:
        oauth_session.sign_in(settings, browser)
    assert "client secret" in str(caught.value) and "client_secret is missing" in str(caught.value)


def test_switching_between_password_and_oauth2_removes_the_other_secrets(
    xoauth2_server, auth_server, ca_file
):
    secrets = SecretStore()
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    with_password = replace(settings, auth=AuthMethod.AUTO)
    save_profile(with_password, "old-password", SettingsStore(), secrets)
    assert secrets.get(binding_of(settings, SecretKind.PASSWORD)) == "old-password"
    save_profile(settings, "rt-1", SettingsStore(), secrets, "cs-1")
    assert (
        secrets.get(binding_of(settings, SecretKind.PASSWORD)) is None
    )  # the password is gone with the switch
    assert secrets.get(binding_of(settings, SecretKind.REFRESH_TOKEN)) == "rt-1"
    save_profile(settings, "rt-2", SettingsStore(), secrets)  # secret: kept
    assert secrets.get(binding_of(settings, SecretKind.CLIENT_SECRET)) == "cs-1"
    save_profile(with_password, "new-password", SettingsStore(), secrets)
    assert [secrets.get(binding_of(settings, kind)) for kind in SecretKind] == [
        "new-password",
        None,
        None,
    ]
    save_profile(settings, "rt-3", SettingsStore(), secrets, "cs-2")
    delete_profile(SettingsStore(), secrets, settings.account)
    assert [secrets.get(binding_of(settings, kind)) for kind in SecretKind] == [None, None, None]
    assert SettingsStore().load() is None


def test_a_failed_file_write_puts_every_secret_back(
    xoauth2_server, auth_server, ca_file, tmp_path: Path
):
    secrets = SecretStore()
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    save_profile(settings, "rt-old", SettingsStore(), secrets, "cs-old")
    blocked = SettingsStore(tmp_path / "not-a-folder" / "settings.json")
    (tmp_path / "not-a-folder").write_text("a file where the folder should be")
    with pytest.raises(OSError):
        save_profile(settings, "rt-new", blocked, secrets, "")
    assert secrets.get(binding_of(settings, SecretKind.REFRESH_TOKEN)) == "rt-old"
    assert secrets.get(binding_of(settings, SecretKind.CLIENT_SECRET)) == "cs-old"


@pytest.fixture
def refused_token(xoauth2_server, auth_server, ca_file) -> Settings:
    """A saved sign-in whose access token, still held in memory, the mail server refuses."""
    settings = oauth_settings(xoauth2_server, ca_file, auth_server)
    assert run(settings, save=True, tokens=oauth_session.sign_in(settings, browser))[0].saved
    auth_server.expire_access()  # the mail server no longer takes the token this process holds
    return settings


def invoice() -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = USER
    msg["Subject"] = "Invoice"
    msg.set_content("Attached.")
    return msg


def test_a_refused_access_token_is_forgotten_so_the_next_test_refreshes(refused_token, auth_server):
    # session.forget() promised to drop the access token after a refused one, but nothing
    # called it: the window kept offering the refused token until it expired (an hour).
    refused, _ = run(refused_token)
    assert (refused.result.phase, refused.result.code) == (Phase.AUTH, 535)
    grants = len(auth_server.grants)
    outcome, _ = run(refused_token)
    assert outcome.result.ok, outcome.result.detail
    assert auth_server.grants[grants:] == ["refresh_token"]  # the stored sign-in, refreshed


def test_send_message_forgets_a_refused_access_token(refused_token, auth_server):
    from smtpgui.api import AuthenticationError

    with pytest.raises(AuthenticationError):
        smtpgui.send_message(invoice())
    assert smtpgui.send_message(invoice()).ok  # refreshed from the keyring
    assert auth_server.grants[-1] == "refresh_token"


def test_send_messages_forgets_a_refused_access_token(refused_token, auth_server):
    (refused,) = smtpgui.send_messages([invoice()])
    assert refused.result.phase is Phase.AUTH and refused.result.code == 535
    (sent,) = smtpgui.send_messages([invoice()])  # refreshed from the keyring
    assert sent.outcome == "accepted" and auth_server.grants[-1] == "refresh_token"

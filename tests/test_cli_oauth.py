"""`smtpgui check` with OAuth2, as a subprocess against a local authorization server and a local
XOAUTH2 SMTP server: device and browser sign-in, the stored refresh token, the client secret,
the failures and their exit codes. Nothing leaves 127.0.0.1, and no token or secret is printed.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_oauth import TENANT, Lines, oauth_args, start
from tests.helpers.cli_terminal import cli
from tests.helpers.oauth_server import CLIENT_ID, SCOPE, AuthorizationServer
from tests.helpers.servers import USER

OWN = "admin@example.test"
CLIENT_SECRET = "g-desktop-secret-7Qx"
REFRESH_KEY = f"smtpgui-oauth2-refresh-token/{USER}"
SECRET_KEY = f"smtpgui-oauth2-client-secret/{USER}"


@pytest.fixture
def env(oauth_env):
    """This module's CLI signs in: the env without a browser or a proxy."""
    return oauth_env


@pytest.fixture
def issued(auth_server: AuthorizationServer) -> list[str]:
    """Every access and refresh token the authorization server hands out."""
    tokens: list[str] = []
    issue = auth_server.issue

    def recording() -> dict[str, object]:
        answer = issue()
        tokens.extend([str(answer["access_token"]), str(answer["refresh_token"])])
        return answer

    auth_server.issue = recording  # type: ignore[method-assign]
    auth_server.device_answers = []  # the device flow signs in at its first poll (after 1 s)
    return tokens


def keyring(tmp_path: Path) -> dict[str, str]:
    """ "service/user" -> the secret of each entry of the test keyring (records unpacked)."""
    path = tmp_path / "keyring.json"
    entries = json.loads(path.read_text()) if path.exists() else {}
    return {key: json.loads(value)["secret"] for key, value in entries.items()}


def settings_text(tmp_path: Path) -> str:
    return (tmp_path / "config" / "settings.json").read_text()


def assert_no_secret(secrets: list[str], *texts: str) -> None:
    assert secrets  # else there was nothing to look for
    for text in texts:
        for secret in secrets:
            assert secret not in text


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def be_the_browser(url: str) -> None:
    """Open the sign-in page and follow its redirect to the CLI's loopback listener."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as page:
        assert b"Sign-in finished" in page.read()


# -- signing in ------------------------------------------------------------------------------


def test_device_sign_in_tests_and_saves_the_refresh_token(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    done = cli(env, *args)
    assert done.returncode == codes.OK, output(done)
    code_line = f"To sign in, open {auth_server.base}/device-login and enter the code ABCD-EFGH"
    assert code_line in done.stderr
    assert "AUTH XOAUTH2 [redacted]" in done.stdout and "OK:" in done.stdout
    assert "Saved: the sign-in in the keyring" in done.stdout
    assert len(xoauth2_server.handler.envelopes) == 1
    stored = keyring(tmp_path)
    assert set(stored) == {REFRESH_KEY}  # no password, no client secret, no access token
    assert stored[REFRESH_KEY] in auth_server.refresh_tokens
    saved = json.loads(settings_text(tmp_path))
    assert saved["auth"] == "oauth2" and saved["oauth"]["client_id"] == CLIENT_ID
    assert saved["oauth"]["tenant"] == TENANT and saved["oauth"]["scopes"] == SCOPE
    assert_no_secret(issued, done.stdout, done.stderr, settings_text(tmp_path))

    shown = cli(env, "show")
    assert (
        f"sign-in: stored in the keyring (service smtpgui-oauth2-refresh-token, user {USER},"
        in shown.stdout
    )
    assert "client secret: none stored" in shown.stdout
    data = json.loads(cli(env, "show", "--json").stdout)
    assert data["sign_in_stored"] is True and data["client_secret_stored"] is False
    assert_no_secret(issued, shown.stdout, json.dumps(data))


def test_browser_sign_in_with_the_test_as_the_browser(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "browser", "--json")
    process = start(env, *args)
    try:
        lines = Lines(process)
        url = lines.after("Opening the browser to sign in: ")
        assert url.startswith(f"{auth_server.base}/{TENANT}/authorize?")
        assert "code_challenge_method=S256" in url
        be_the_browser(url)
        assert process.wait(30) == codes.OK, lines.rest()
        assert process.stdout is not None
        out = process.stdout.read()
    finally:
        process.kill()
        process.wait()
    data = json.loads(out)
    assert data["ok"] is True and data["auth_mechanism"] == "XOAUTH2" and data["saved"] is False
    assert auth_server.grants == ["authorization_code"]
    assert len(xoauth2_server.handler.envelopes) == 1
    assert keyring(tmp_path) == {}  # no --save: nothing stored
    assert_no_secret(issued, out, lines.rest())


def test_a_later_check_refreshes_the_stored_sign_in(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    auth_server.expires_in = 30  # under the 60 s margin: each test must refresh first
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    assert cli(env, *args).returncode == codes.OK
    first = keyring(tmp_path)[REFRESH_KEY]
    auth_server.grants.clear()

    again = cli(env, "check")  # everything from the settings file and the keyring
    assert again.returncode == codes.OK, output(again)
    assert auth_server.grants == ["refresh_token"]  # no sign-in: the stored token was used
    assert len(xoauth2_server.handler.envelopes) == 2
    rotated = keyring(tmp_path)[REFRESH_KEY]
    assert rotated != first and rotated in auth_server.refresh_tokens  # the new one kept
    assert_no_secret(issued, again.stdout, again.stderr)


def test_without_a_stored_sign_in_the_check_says_to_sign_in(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    assert cli(env, *args).returncode == codes.OK
    (tmp_path / "keyring.json").write_text("{}")  # the refresh token is gone
    assert "sign-in: NOT stored" in cli(env, "show").stdout
    again = cli(env, "check", "--json")
    assert again.returncode == codes.AUTH, output(again)
    data = json.loads(again.stdout)
    assert data["failure"] == "sign-in" and "Sign in again" in data["detail"]
    assert len(xoauth2_server.handler.envelopes) == 1


def test_client_secret_from_stdin_is_sent_stored_and_reused(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    auth_server.client_secret = CLIENT_SECRET
    auth_server.expires_in = 30  # the later check refreshes, which needs the secret too
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    without = cli(env, *args)
    assert without.returncode == codes.AUTH, output(without)
    assert "client secret" in without.stderr and "client_secret is missing" in without.stderr

    done = cli(env, *args, "--client-secret-stdin", stdin=CLIENT_SECRET + "\n")
    assert done.returncode == codes.OK, output(done)
    assert keyring(tmp_path)[SECRET_KEY] == CLIENT_SECRET
    assert json.loads(cli(env, "show", "--json").stdout)["client_secret_stored"] is True
    again = cli(env, "check")  # the stored client secret refreshes the stored sign-in
    assert again.returncode == codes.OK, output(again)
    assert len(xoauth2_server.handler.envelopes) == 2
    texts = [done.stdout, done.stderr, again.stdout, again.stderr, settings_text(tmp_path)]
    assert_no_secret([CLIENT_SECRET, *issued], *texts)


@pytest.mark.parametrize("as_json", [False, True])
def test_a_failed_sign_in_exits_with_auth_and_saves_nothing(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued, as_json
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    args[args.index("--client-id") + 1] = "not-the-registered-client"
    done = cli(env, *args, *(["--json"] if as_json else []))
    assert done.returncode == codes.AUTH, output(done)
    assert "the sign-in failed: The sign-in service refused the client ID" in done.stderr
    assert "invalid_client" in done.stderr
    if as_json:
        data = json.loads(done.stdout)
        assert (data["ok"], data["phase"], data["failure"]) == (False, "auth", "sign-in")
        assert data["exit_code"] == codes.AUTH and "refused the client ID" in data["detail"]
        assert data["diagnosis"]["id"] == "oauth-sign-in" and data["saved"] is False
    assert not xoauth2_server.handler.envelopes  # no SMTP connection without a token
    assert not (tmp_path / "config" / "settings.json").exists() and keyring(tmp_path) == {}


def test_ctrl_c_cancels_the_sign_in_at_once(env, auth_server, xoauth2_server, ca_file):
    auth_server.device_answers = ["authorization_pending"] * 100  # the admin never finishes
    process = start(env, *oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device"))
    try:
        lines = Lines(process)
        assert lines.after("To sign in, open ")
        pressed = time.monotonic()
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == codes.CANCELLED, lines.rest()
        assert time.monotonic() - pressed < 2
        assert "cancelled" in lines.rest()
    finally:
        process.kill()
        process.wait()
    assert not xoauth2_server.handler.envelopes


# -- the catalogue and the options -----------------------------------------------------------


def test_provider_gives_the_addresses_scopes_and_tenant(
    env, tmp_path, auth_server, xoauth2_server, ca_file, issued
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device", "--save")
    for option in ("--auth", "--tenant", "--authorize-url", "--scopes"):  # the catalogue's
        del args[args.index(option) : args.index(option) + 2]
    done = cli(env, *args, "--provider", "microsoft365")
    assert done.returncode == codes.OK, output(done)
    oauth = json.loads(settings_text(tmp_path))["oauth"]
    assert oauth["provider"] == "microsoft365" and oauth["tenant"] == "organizations"
    assert oauth["scopes"] == "https://outlook.office.com/SMTP.Send offline_access"
    assert oauth["authorize_url"].startswith("https://login.microsoftonline.com/{tenant}/")
    assert oauth["token_url"] == f"{auth_server.base}/{{tenant}}/token"  # the option wins


def test_provider_without_a_server_takes_the_catalogues(env):
    # Google has no device flow: the sign-in stops before any request, so nothing leaves
    # this computer; had the server not come from the catalogue, the exit would be 2.
    args = ["check", "--provider", "google", "--client-id", CLIENT_ID, "--user", USER]
    done = cli(env, *args, "--to", OWN, "--sign-in", "device")
    assert done.returncode == codes.AUTH, output(done)
    assert "offers no sign-in with a code" in done.stderr


@pytest.mark.parametrize(
    ("provider", "problem"),
    [("no-such-mail", "is not in the catalogue"), ("sendgrid", "offers no OAuth2 sign-in")],
)
def test_a_provider_without_oauth2_is_invalid_input(env, tmp_path, provider, problem):
    done = cli(env, "check", "--server", "127.0.0.1", "--to", OWN, "--provider", provider)
    assert done.returncode == codes.INVALID_INPUT, output(done)
    assert problem in done.stderr
    assert "microsoft365, outlook, google" in done.stderr
    assert not (tmp_path / "config" / "settings.json").exists()


def test_client_secret_and_password_cannot_both_come_from_stdin(
    env, auth_server, xoauth2_server, ca_file
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--client-secret-stdin")
    done = cli(env, *args, "--password-stdin", stdin=CLIENT_SECRET + "\n")
    assert done.returncode == codes.INVALID_INPUT, output(done)
    assert "--client-secret-stdin and --password-stdin" in done.stderr
    assert CLIENT_SECRET not in output(done)
    assert not auth_server.grants and not xoauth2_server.handler.envelopes


def test_sign_in_needs_oauth2(env, starttls_server, ca_file):
    args = ["check", "--server", starttls_server.server, "--to", OWN, "--ca-file", ca_file]
    done = cli(env, *args, "--user", USER, "--auth", "plain", "--sign-in", "device")
    assert done.returncode == codes.INVALID_INPUT, output(done)
    assert "need --auth oauth2" in done.stderr

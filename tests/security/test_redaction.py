"""Redaction that holds for every secret and every encoding (issue 12, point 5).

Each case is a server that repeats what it was given, as careless or hostile servers do: a
token endpoint quoting the request in its error, an SMTP server echoing the XOAUTH2 line, an
over-long reply with the password near the cut, a short password.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from smtpgui.core.jobs import save_profile
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers.cli import cli, cli_env
from tests.helpers.file_keyring import FileKeyring
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.profiles import settings_at
from tests.helpers.servers import USER

OWN = "admin@example.test"
REFRESH = "rt-7Hq2Lk9PzX4mW8vB3nC6dF1gJ5sA0eR2tY"
CLIENT_SECRET = "cs-Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk"


@contextmanager
def echoing_token_endpoint() -> Iterator[str]:
    """A token endpoint whose error repeats the whole request it got (secrets included)."""

    class Echo(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            fields = urllib.parse.parse_qs(body)
            text = f"bad request {fields}; raw {body}"
            data = json.dumps({"error": f"invalid_request {body[:40]}", "error_description": text})
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data.encode())

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/token"
    finally:
        server.shutdown()
        server.server_close()


def test_a_token_server_repeating_the_refresh_token_and_client_secret(
    tmp_path, monkeypatch, starttls_server, ca_file
):
    env = cli_env(tmp_path)
    monkeypatch.setenv("SMTPGUI_TEST_KEYRING", env["SMTPGUI_TEST_KEYRING"])
    with echoing_token_endpoint() as token_url:
        settings = Settings(
            endpoints=parse_server(starttls_server.server),
            auth=AuthMethod.OAUTH2,
            username=USER,
            recipient=OWN,
            ca_file=ca_file,
            oauth=OAuthSettings(
                client_id="office-app",
                authorize_url=token_url.replace("token", "authorize"),
                token_url=token_url,
                scopes="smtp",
            ),
        )
        save_profile(settings, REFRESH, SettingsStore(), SecretStore(FileKeyring()), CLIENT_SECRET)
        text = cli(env, "check").stdout + cli(env, "check").stderr
        as_json = cli(env, "check", "--json")
    out = text + as_json.stdout + as_json.stderr
    assert "bad request" in out  # the server's words are shown...
    for secret in (REFRESH, CLIENT_SECRET):
        assert secret not in out and secret[:12] not in out  # ...without the secrets


def xoauth2_echo(line: str) -> str:
    payload = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
    return f"535 5.7.8 Rejected {payload} and {base64.b64decode(payload).decode()!r}"


@pytest.mark.parametrize("extra", ["", "x", "xy"])  # every token length modulo 3
def test_an_echoed_xoauth2_line_shows_no_part_of_the_token(extra, ca_file):
    token = "ya29.a0AfB_byC9xQmZk3LvN7pR2tW5yH8jE1sD4fG6hK" + extra
    script = smtp_script({"AUTH": xoauth2_echo}, extensions=("AUTH XOAUTH2",))
    with HostileServer(script) as server:
        result, shown = probe_in_clear(server.port, token, AuthMethod.OAUTH2)
    assert "Rejected" in shown and not result.ok
    assert token not in shown
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + token.encode()).decode()
        assert encoded[4:-4] not in shown, offset  # the token's base64 at any alignment


def probe_in_clear(port: int, password: str, auth: AuthMethod) -> tuple[ProbeResult, str]:
    """A test of a plain-text server on loopback; the result and all the admin is shown."""
    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    settings = settings_at(f"127.0.0.1:{port}", auth=auth, allow_insecure_auth=True)
    result = SmtpProbe(settings, password, None, collect).run()
    return result, "\n".join(lines) + result.detail + result.server_text


def test_an_over_long_reply_is_cut_after_redacting_never_before(ca_file):
    password = "Tr0ub4dor&3-correct-horse"
    greeting = "220 " + "x" * 72 + password + "y" * 9000  # the password straddles the cut at 80
    with HostileServer(smtp_script({"greeting": greeting})) as server:
        result, shown = probe_in_clear(server.port, password, AuthMethod.AUTO)
    assert not result.ok and "x" * 20 in shown
    assert password[:4] not in shown


def test_a_short_password_is_redacted_too(ca_file):
    password = "k9$"
    script = smtp_script({"AUTH": lambda line: f"535 5.7.8 wrong password {password} for you"})
    with HostileServer(script) as server:
        result, shown = probe_in_clear(server.port, password, AuthMethod.PLAIN)
    assert "wrong password" in shown and password not in shown and not result.ok

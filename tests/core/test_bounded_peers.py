"""Issue 14: every hostile peer gets a bounded end. The OAuth2 loopback listener against silent
and stray clients, numbers from token endpoints, backup servers, and a peer's control characters.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from smtpgui.core.oauth.browser import authorization_url, sign_in
from smtpgui.core.oauth.device import DeviceCode, sign_in_with_code
from smtpgui.core.oauth.tokens import (
    MAX_TOKEN_LIFETIME,
    OAuthError,
    OAuthProvider,
    SignInCancelled,
    SignInRequired,
    TokenEndpoint,
)
from smtpgui.core.smtp.endpoint import EndpointError, parse_server
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.core.text.printable import printable
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import silent, smtp_script
from tests.helpers.oauth_server import CLIENT_ID
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.sign_in import cancel_time, follow, listener_port

# The issue asks for 100 ms; the margin is for a loaded 2-core CI machine.
CANCEL_WITHIN = 0.25


def test_a_silent_client_and_a_stray_redirect_do_not_stop_the_sign_in(auth_server):
    """One TCP connection that sends nothing, and a redirect with another state, then the real
    browser: the sign-in still succeeds."""
    held: list[socket.socket] = []
    stray: list[int] = []

    def browser(url: str) -> None:
        port = listener_port(url)
        held.append(socket.create_connection(("127.0.0.1", port)))  # never sends a byte
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/?code=evil&state=guess", timeout=5)
        stray.append(refused.value.code)
        follow(url)

    try:
        tokens = sign_in(auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), browser)
    finally:
        for sock in held:
            sock.close()
    assert tokens.access_token in auth_server.valid_access
    assert stray == [400]


def test_cancel_ends_the_sign_in_at_once_whatever_clients_do(auth_server):
    took, error = cancel_time(auth_server)
    assert isinstance(error, SignInCancelled)
    assert took < CANCEL_WITHIN


def test_the_time_limit_ends_the_sign_in_whatever_clients_do(auth_server):
    took, error = cancel_time(auth_server, timeout=0.3)
    assert isinstance(error, SignInCancelled) and "not finished" in str(error)
    assert took < 0.3 + CANCEL_WITHIN


def test_the_error_page_hint_comes_once_after_a_while(auth_server):
    heard: list[str] = []
    with pytest.raises(SignInCancelled):
        sign_in(
            auth_server.provider.for_tenant(""),
            TokenEndpoint(CLIENT_ID),
            lambda _url: None,  # the provider's error page: nothing comes back
            timeout=0.5,
            notice=heard.append,
            hint_after=0.1,
        )
    assert len(heard) == 1 and "If it shows an error" in heard[0]


def test_a_code_refused_during_a_fresh_sign_in_is_not_called_a_stored_one(auth_server):
    def browser(url: str) -> None:
        follow(url)
        auth_server.codes.clear()  # the service no longer knows the code it just gave

    with pytest.raises(OAuthError) as refused:
        sign_in(auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), browser)
    assert not isinstance(refused.value, SignInRequired)
    assert "stored" not in str(refused.value)
    assert "refused the sign-in just made (invalid_grant: PKCE mismatch)" in str(refused.value)


@pytest.mark.parametrize(
    ("expires_in", "lifetime"),
    [(int("9" * 400), MAX_TOKEN_LIFETIME), (1e308, MAX_TOKEN_LIFETIME), (-5, 0.0), ("120", 120)],
)
def test_an_expiry_out_of_range_is_held_within_it(auth_server, expires_in, lifetime):
    auth_server.expires_in = expires_in
    endpoint = TokenEndpoint(CLIENT_ID, clock=lambda: 1000.0)
    tokens = sign_in(auth_server.provider.for_tenant(""), endpoint, follow)
    assert tokens.expires_at == 1000.0 + lifetime


def test_an_expiry_that_is_no_number_is_a_clear_error(auth_server):
    auth_server.expires_in = "soon"  # type: ignore[assignment]
    with pytest.raises(OAuthError, match=r"expires_in = 'soon'.*\(0 to 86400\)"):
        sign_in(auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), follow)


def test_device_flow_interval_and_expiry_are_held_within_rfc_8628(auth_server, monkeypatch):
    """interval 0 would poll ~1,400 times a second; 1e308 seconds would never expire."""
    answer = {**auth_server.device(), "interval": 0, "expires_in": 1e308}
    monkeypatch.setattr(auth_server, "device", lambda: answer)
    shown: list[DeviceCode] = []
    waits: list[float] = []

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        return False

    sign_in_with_code(
        auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), shown.append, wait=wait
    )
    assert waits[0] == 1.0  # RFC 8628 §3.5: never faster than once a second
    assert shown[0].expires_in == 1800.0


def test_device_code_shows_control_characters_written_out(auth_server, monkeypatch):
    answer = {
        **auth_server.device(),
        "user_code": "AB\x1b]52;c;cm0gLXJmIH4=\x07CD",
        "verification_uri": "https://evil.test/\x1b[2J",
    }
    monkeypatch.setattr(auth_server, "device", lambda: answer)
    shown: list[DeviceCode] = []
    sign_in_with_code(
        auth_server.provider.for_tenant(""),
        TokenEndpoint(CLIENT_ID),
        shown.append,
        wait=lambda _s: False,
    )
    assert shown[0].user_code == "AB\\x1b]52;c;cm0gLXJmIH4=\\x07CD"
    assert shown[0].verification_uri == "https://evil.test/\\x1b[2J"


def test_printable_writes_out_every_control_character_and_keeps_text():
    assert printable("a\tb\rc\x1b[2J\x7f\x9b\u202eé€✓") == (
        "a\\x09b\\x0dc\\x1b[2J\\x7f\\x9b\\u202eé€✓"
    )
    line = TranscriptLine(Direction.SERVER, "220 \x1b]52;c;Zm9v\x07 hi", 3)
    assert "\x1b" not in line.format() and "\\x1b]52" in line.format()


def test_a_greeting_with_terminal_escapes_is_written_out(ca_file):
    greeting = "554 \x1b[2J\x1b]52;c;Zm9v\x07 go away"
    with HostileServer(smtp_script({"greeting": greeting})) as server:
        result, lines, _ = run(settings_for(f"127.0.0.1:{server.port}", ca_file, timeout=2.0))
    texts = [line.text for line in lines] + [result.server_text, result.detail]
    assert not any("\x1b" in t or "\x07" in t for t in texts)
    assert any("\\x1b[2J\\x1b]52;c;Zm9v\\x07" in t for t in texts)


def test_more_than_five_servers_is_a_field_error():
    with pytest.raises(EndpointError, match=r"At most 5 servers.*has 12"):
        parse_server(";".join(f"s{n}.example.com" for n in range(12)))


def test_silent_backups_share_one_time_limit(ca_file):
    """Five silent servers at a 1 s limit: the test ends at 4 s and names the one not tried."""
    servers = [HostileServer(silent()) for _ in range(5)]
    try:
        field = ";".join(f"127.0.0.1:{s.port}" for s in servers)
        started = time.monotonic()
        result, lines, _ = run(settings_for(field, ca_file, timeout=1.0))
        took = time.monotonic() - started
    finally:
        for server in servers:
            server.close()
    assert result.failure is Failure.TIMEOUT
    assert took < 4.0 + 0.5
    cut = [line.text for line in lines if "that time is used up" in line.text]
    assert cut and f"127.0.0.1:{servers[-1].port}" in cut[0]


@pytest.mark.parametrize(
    ("authorize", "scopes", "extra"),
    [
        (
            "https://accounts.google.com/o/oauth2/v2/auth",
            ("https://mail.google.com/",),
            {"access_type": "offline", "prompt": "consent"},
        ),
        (
            "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
            ("https://outlook.office.com/SMTP.Send", "offline_access"),
            {},
        ),
        (
            "https://id.example.test/auth",
            ("openid", "smtp", "offline_access"),
            {"prompt": "consent"},
        ),
        ("https://id.example.test/auth", ("openid", "smtp"), {}),
    ],
)
def test_offline_access_is_asked_for_the_way_each_provider_wants(authorize, scopes, extra):
    provider = OAuthProvider(authorize, "https://id.example.test/token", scopes=scopes)
    url = authorization_url(provider, "client", "http://127.0.0.1:1/", "state", "challenge")
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert {k: query[k] for k in ("access_type", "prompt") if k in query} == extra
    assert query["scope"] == " ".join(scopes)


def test_a_closed_test_server_leaves_no_thread_behind():
    """The scripted servers these tests use end their accepting thread when closed.

    Closing a listening socket does not wake a thread blocked in accept() on Linux, and the
    full suite once ended with two dozen such threads, each keeping its port listening.
    """
    server = HostileServer(silent)
    server.close()
    assert not server._accepter.is_alive()

"""Sign-in in the system browser: authorization code with PKCE and a loopback redirect.

RFC 8252 §7.3: a native app listens on the loopback address with a port the system picks and
registers http://127.0.0.1 (any port) as its redirect URI. RFC 7636: the code is bound to a
random verifier whose SHA-256 (S256) goes in the authorization URL, so a code caught by another
program on this computer is useless without the verifier, which never leaves this process.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import secrets
import threading
import time
import urllib.parse
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass

from smtpgui.core.oauth.tokens import (
    OAuthError,
    OAuthProvider,
    SignInCancelled,
    TokenEndpoint,
    Tokens,
    cancelled,
    check_url,
    grant_error,
)
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

OpenBrowser = Callable[[str], object]
# Told once, in the admin's words, when the browser has not come back after `hint_after` seconds.
Notice = Callable[[Text], None]
SIGN_IN_TIME = 300.0  # how long the admin has to finish in the browser
# A provider's error page (wrong client ID, unregistered redirect, refused scope) never comes
# back to the listener: after this long, say what the page may be showing.
HINT_AFTER = 45.0
# How often waiting looks at the cancel flag: short enough that Cancel feels immediate.
_CANCEL_CHECK = 0.05
# A client of the listener that sends nothing is dropped after this long; each request has
# its own thread, so a silent one never holds up the browser's.
_REQUEST_TIMEOUT = 5.0
# Hosts whose providers want offline access asked for in their own way (see offline_access).
_GOOGLE = ("accounts.google.com",)
_MICROSOFT = ("login.microsoftonline.com", "login.live.com", "login.windows.net")

_DONE_PAGE = (
    b"<!doctype html><meta charset='utf-8'><title>smtpgui</title>"
    b"<p>Sign-in finished: you can close this tab and go back to smtpgui.</p>"
)


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge): 43 characters of URL-safe randomness (RFC 7636 §4.1-4.2)."""
    verifier = secrets.token_urlsafe(32)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass
class _Redirect:
    """What the browser brought back to the loopback listener for the sign-in with `state`."""

    state: str
    query: dict[str, str]
    arrived: threading.Event


def sign_in(
    provider: OAuthProvider,
    endpoint: TokenEndpoint,
    open_browser: OpenBrowser = webbrowser.open,
    cancel: threading.Event | None = None,
    timeout: float = SIGN_IN_TIME,
    notice: Notice | None = None,
    hint_after: float | None = None,
) -> Tokens:
    """Open the provider's sign-in page and wait for its redirect; returns the tokens.

    SignInCancelled when `cancel` is set or `timeout` passes; OAuthError for a refusal.
    `notice` hears the "if the browser shows an error" hint after `hint_after` seconds
    (None: HINT_AFTER).
    """
    check_url(provider.authorize_url)
    cancel = cancel or threading.Event()
    verifier, challenge = pkce_pair()
    redirect = _Redirect(secrets.token_urlsafe(16), {}, threading.Event())
    server = _listener(redirect)
    redirect_uri = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, args=(_CANCEL_CHECK,), daemon=True)
    thread.start()
    try:
        url = authorization_url(
            provider, endpoint.client_id, redirect_uri, redirect.state, challenge
        )
        if open_browser(url) is False:  # webbrowser.open's answer when no browser is known
            raise _no_browser()
        hint = HINT_AFTER if hint_after is None else hint_after
        _wait(redirect, cancel, timeout, notice or (lambda _text: None), hint)
    finally:
        server.shutdown()  # returns within _CANCEL_CHECK: no request holds the serving loop
        server.server_close()
    fields = {
        "grant_type": "authorization_code",
        "code": _code(redirect.query),
        "redirect_uri": redirect_uri,
        "code_verifier": verifier,
    }
    return endpoint.tokens(provider.token_url, fields, during_sign_in=True)


def _wait(
    redirect: _Redirect, cancel: threading.Event, timeout: float, notice: Notice, hint: float
) -> None:
    """Until the redirect arrives; SignInCancelled on Cancel or when `timeout` passes."""
    start = time.monotonic()
    hinted = False
    while not redirect.arrived.wait(_CANCEL_CHECK):
        if cancel.is_set():
            raise cancelled()
        waited = time.monotonic() - start
        if waited > timeout:
            raise _too_late(timeout)
        if not hinted and waited > hint:
            hinted = True
            notice(browser_error_hint())


def browser_error_hint() -> Text:
    return Text(
        "OAuth",
        QT_TRANSLATE_NOOP(
            "OAuth",
            "Still waiting for the browser. If it shows an error instead of a sign-in page, "
            "the likely causes are a wrong client ID or tenant, an app registration without "
            "the redirect address http://127.0.0.1 (a desktop or mobile app), or a scope the "
            "app may not ask for: cancel, correct the settings and sign in again.",
        ),
    )


def _no_browser() -> OAuthError:
    return OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth",
                "No web browser could be opened on this computer: sign in with a code "
                "on another device instead.",
            ),
        )
    )


def _too_late(timeout: float) -> SignInCancelled:
    return SignInCancelled(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth",
                "The sign-in was not finished in the browser within {minutes} "
                "minutes. Start it again.",
            ),
            minutes=f"{timeout / 60:g}",
        )
    )


def offline_access(provider: OAuthProvider) -> dict[str, str]:
    """The authorization parameters that make the provider give a refresh token.

    Google: access_type=offline, and prompt=consent, without which a second sign-in gets no
    new refresh token. Microsoft: the offline_access scope alone. Any other (OpenID Connect
    Core 1.0 §11): offline_access is ignored unless prompt=consent comes with it.
    """
    host = (urllib.parse.urlsplit(provider.authorize_url).hostname or "").lower()
    if host in _GOOGLE:
        return {"access_type": "offline", "prompt": "consent"}
    if host in _MICROSOFT or "offline_access" not in provider.scopes:
        return {}
    return {"prompt": "consent"}


def authorization_url(
    provider: OAuthProvider, client_id: str, redirect_uri: str, state: str, challenge: str
) -> str:
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(provider.scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            **offline_access(provider),
        }
    )
    separator = "&" if "?" in provider.authorize_url else "?"
    return f"{provider.authorize_url}{separator}{query}"


def _code(query: dict[str, str]) -> str:
    if "error" in query:
        raise grant_error(query["error"], query.get("error_description", ""))
    return query.get("code", "")


def _listener(redirect: _Redirect) -> http.server.HTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        timeout = _REQUEST_TIMEOUT  # a client that sends nothing loses its socket

        def do_GET(self) -> None:
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            if "code" not in query and "error" not in query:  # the browser's favicon.ico
                self.send_error(404)
                return
            # RFC 6749 §10.12: a redirect without our state was not started by us; any program
            # on this computer can send one, so it is turned away and the wait goes on.
            if not secrets.compare_digest(query.get("state", ""), redirect.state):
                self.send_error(400, "not the sign-in smtpgui is waiting for")
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(_DONE_PAGE)))
            self.end_headers()
            self.wfile.write(_DONE_PAGE)
            if not redirect.arrived.is_set():
                redirect.query = query
                redirect.arrived.set()

        def log_message(self, format: str, *args: object) -> None:
            pass  # the request line holds the code: never on stderr

    return _Listener(("127.0.0.1", 0), Handler)


class _Listener(http.server.ThreadingHTTPServer):
    """One thread per request, none of which shutdown or server_close waits for."""

    daemon_threads = True
    block_on_close = False

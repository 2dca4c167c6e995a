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

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.oauth import (
    OAuthError,
    OAuthProvider,
    SignInCancelled,
    TokenEndpoint,
    Tokens,
    cancelled,
    check_url,
    grant_error,
)

OpenBrowser = Callable[[str], object]
SIGN_IN_TIME = 300.0  # how long the admin has to finish in the browser
# How often waiting looks at the cancel flag: short enough that Cancel feels immediate.
_CANCEL_CHECK = 0.1

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
    """What the browser brought back to the loopback listener."""

    query: dict[str, str]
    arrived: threading.Event


def sign_in(
    provider: OAuthProvider,
    endpoint: TokenEndpoint,
    open_browser: OpenBrowser = webbrowser.open,
    cancel: threading.Event | None = None,
    timeout: float = SIGN_IN_TIME,
) -> Tokens:
    """Open the provider's sign-in page and wait for its redirect; returns the tokens.

    SignInCancelled when `cancel` is set or `timeout` passes; OAuthError for a refusal.
    """
    check_url(provider.authorize_url)
    cancel = cancel or threading.Event()
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    redirect = _Redirect({}, threading.Event())
    server = _listener(redirect)
    redirect_uri = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, args=(_CANCEL_CHECK,), daemon=True)
    thread.start()
    try:
        url = authorization_url(provider, endpoint.client_id, redirect_uri, state, challenge)
        if open_browser(url) is False:  # webbrowser.open's answer when no browser is known
            raise OAuthError(
                Text(
                    "OAuth",
                    QT_TRANSLATE_NOOP(
                        "OAuth",
                        "No web browser could be opened on this computer: sign in with a code "
                        "on another device instead.",
                    ),
                )
            )
        deadline = time.monotonic() + timeout
        while not redirect.arrived.wait(_CANCEL_CHECK):
            if cancel.is_set():
                raise cancelled()
            if time.monotonic() > deadline:
                raise SignInCancelled(
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
    finally:
        server.shutdown()
        server.server_close()
    code = _code(redirect.query, state)
    return endpoint.tokens(
        provider.token_url,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        },
    )


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
        }
    )
    separator = "&" if "?" in provider.authorize_url else "?"
    return f"{provider.authorize_url}{separator}{query}"


def _code(query: dict[str, str], state: str) -> str:
    # RFC 6749 §10.12: a redirect without our state was not started by us.
    if not secrets.compare_digest(query.get("state", ""), state):
        raise OAuthError(
            Text(
                "OAuth",
                QT_TRANSLATE_NOOP(
                    "OAuth",
                    "The browser came back with an answer to another sign-in. Try again.",
                ),
            )
        )
    if "error" in query:
        raise grant_error(query["error"], query.get("error_description", ""))
    return query.get("code", "")


def _listener(redirect: _Redirect) -> http.server.HTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            if "code" not in query and "error" not in query:  # the browser's favicon.ico
                self.send_error(404)
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

    return http.server.HTTPServer(("127.0.0.1", 0), Handler)

"""An OAuth2 authorization server on 127.0.0.1 for the tests (http.server in a thread).

/authorize redirects straight back with a code (the "admin" always agrees) and remembers the
PKCE challenge; /token checks the verifier against it, refreshes, and serves the device flow,
which answers authorization_pending, then slow_down, then the tokens. Refresh tokens can be
revoked; a revoked one gets invalid_grant. /userinfo answers, for a valid access token sent as
"Authorization: Bearer", whose it is (OpenID Connect's UserInfo endpoint, as Google's and
Microsoft's serve it): the IMAP server of the tests (Dovecot's oauth2 passdb) asks it.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import secrets
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.oauth.tokens import OAuthProvider

CLIENT_ID = "smtpgui-test-client"
SCOPE = "https://mail.test/SMTP.Send offline_access"


@dataclass
class AuthorizationServer:
    """The server's state; `valid_access` is what the SMTP server accepts."""

    base: str = ""
    expires_in: int = 3600
    device_answers: list[str] = field(
        default_factory=lambda: ["authorization_pending", "slow_down"]
    )
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> challenge, uri
    refresh_tokens: set[str] = field(default_factory=set)
    valid_access: set[str] = field(default_factory=set)
    grants: list[str] = field(default_factory=list)
    device_polls: int = 0
    client_secret: str = ""  # when set, /token wants it, as Google's desktop clients do
    email: str = "alice@example.test"  # whose tokens these are (/userinfo says it)
    userinfo_asked: int = 0

    @property
    def provider(self) -> OAuthProvider:
        return OAuthProvider(
            authorize_url=f"{self.base}/{{tenant}}/authorize",
            token_url=f"{self.base}/{{tenant}}/token",
            device_url=f"{self.base}/{{tenant}}/device",
            scopes=tuple(SCOPE.split()),
        )

    def revoke(self) -> None:
        self.refresh_tokens.clear()

    def expire_access(self) -> None:
        self.valid_access.clear()

    def issue(self) -> dict[str, object]:
        access, refresh = f"at-{secrets.token_urlsafe(12)}", f"rt-{secrets.token_urlsafe(12)}"
        self.valid_access.add(access)
        self.refresh_tokens.add(refresh)
        return {
            "token_type": "Bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": self.expires_in,
            "scope": SCOPE,
        }

    def authorize(self, query: dict[str, str]) -> str:
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert query["code_challenge_method"] == "S256" and query["scope"] == SCOPE
        code = secrets.token_urlsafe(8)
        self.codes[code] = (query["code_challenge"], query["redirect_uri"])
        back = {"code": code, "state": query["state"]}
        return f"{query['redirect_uri']}?{urllib.parse.urlencode(back)}"

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, object]]:
        grant = form.get("grant_type", "")
        self.grants.append(grant)
        if form.get("client_id") != CLIENT_ID:
            return 401, {"error": "invalid_client"}
        if self.client_secret and form.get("client_secret") != self.client_secret:
            return 400, {
                "error": "invalid_request",
                "error_description": "client_secret is missing.",
            }
        if grant == "authorization_code":
            challenge, uri = self.codes.pop(form.get("code", ""), ("", ""))
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if not challenge or challenge != expected or uri != form.get("redirect_uri"):
                return 400, {"error": "invalid_grant", "error_description": "PKCE mismatch"}
            return 200, self.issue()
        if grant == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return 400, {"error": "invalid_grant", "error_description": "revoked"}
            self.refresh_tokens.discard(form["refresh_token"])  # rotation, as Microsoft does
            return 200, self.issue()
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            self.device_polls += 1
            if form.get("device_code") != "dev-code":
                return 400, {"error": "invalid_grant"}
            if self.device_answers:
                return 400, {"error": self.device_answers.pop(0)}
            return 200, self.issue()
        return 400, {"error": "unsupported_grant_type"}

    def userinfo(self, authorization: str) -> tuple[int, dict[str, object]]:
        """Whose token this is; 401 for a token not issued or expired (RFC 6750 §3.1)."""
        self.userinfo_asked += 1
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or token not in self.valid_access:
            return 401, {"error": "invalid_token"}
        return 200, {"sub": "alice-1", "email": self.email, "email_verified": True}

    def device(self) -> dict[str, object]:
        return {
            "device_code": "dev-code",
            "user_code": "ABCD-EFGH",
            "verification_uri": f"{self.base}/device-login",
            "expires_in": 900,
            "interval": 1,
        }


def client_settings(auth: AuthorizationServer) -> OAuthSettings:
    """A profile's OAuth2 client for this server (its {tenant} endpoints, the test scope)."""
    return OAuthSettings(
        provider="test",
        client_id=CLIENT_ID,
        tenant="contoso.example",
        authorize_url=f"{auth.base}/{{tenant}}/authorize",
        token_url=f"{auth.base}/{{tenant}}/token",
        device_url=f"{auth.base}/{{tenant}}/device",
        scopes=SCOPE,
    )


@contextmanager
def authorization_server() -> Iterator[AuthorizationServer]:
    state = AuthorizationServer()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            if parts.path == "/userinfo":
                self._json(*state.userinfo(self.headers.get("Authorization", "")))
                return
            if not parts.path.endswith("/authorize"):
                self.send_error(404)
                return
            self.send_response(302)
            self.send_header("Location", state.authorize(dict(urllib.parse.parse_qsl(parts.query))))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            if self.path.endswith("/token"):
                status, answer = state.token(form)
            elif self.path.endswith("/device"):
                status, answer = 200, state.device()
            else:
                status, answer = 404, {"error": "not_found"}
            self._json(status, answer)

        def _json(self, status: int, answer: dict[str, object]) -> None:
            body = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()

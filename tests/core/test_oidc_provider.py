"""OAuth2 against a certified OpenID Connect provider (panva's oidc-provider, on Node) started on
127.0.0.1 by the test, with the admin's consent automated (tests/oidc/provider.mjs): browser
sign-in with PKCE, a refresh token only when asked for the OIDC way, refresh with the granted
scope, revocation and a refused consent. Skipped, with the reason, where Node or the package is
missing (`npm ci` in tests/oidc; .ci/run does it).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import shutil
import subprocess
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from smtpgui.core.oauth.browser import sign_in
from smtpgui.core.oauth.tokens import (
    OAuthProvider,
    SignInDenied,
    SignInRequired,
    TokenEndpoint,
    Tokens,
    refresh,
)

FOLDER = Path(__file__).resolve().parent.parent / "oidc"
CLIENT = "smtpgui-oidc"
SCOPES = ("openid", "smtp", "offline_access")


@dataclass(frozen=True)
class Oidc:
    base: str
    meta: dict[str, str]

    @property
    def provider(self) -> OAuthProvider:
        return OAuthProvider(
            self.meta["authorization_endpoint"], self.meta["token_endpoint"], scopes=SCOPES
        )

    def post(self, path: str, form: dict[str, str]) -> None:
        data = urllib.parse.urlencode(form).encode()
        urllib.request.urlopen(f"{self.base}{path}", data=data, timeout=10).close()


@pytest.fixture(scope="module")
def oidc() -> Iterator[Oidc]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the certified OIDC provider runs on Node.js")
    if not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        pytest.skip("oidc-provider is not installed: run `npm ci` in tests/oidc")
    process = subprocess.Popen(
        [node, str(FOLDER / "provider.mjs")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        base = process.stdout.readline().strip()
        assert base.startswith("http://127.0.0.1:"), "the provider did not start"
        with urllib.request.urlopen(f"{base}/.well-known/openid-configuration") as answer:
            yield Oidc(base, json.load(answer))
    finally:
        process.terminate()
        process.wait(10)


def browser(url: str) -> None:
    """The admin's browser, cookies and all: sign-in, consent, the redirect to the listener."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )

    def follow() -> None:
        # A refused consent ends at the listener as well: the test checks the outcome.
        with contextlib.suppress(OSError):
            opener.open(url, timeout=10).close()

    threading.Thread(target=follow, daemon=True).start()


def test_browser_sign_in_yields_a_refresh_token_and_refreshes_with_the_granted_scope(oidc):
    endpoint = TokenEndpoint(CLIENT)
    tokens = sign_in(oidc.provider, endpoint, browser, timeout=30)
    assert tokens.refresh_token, "offline_access needs prompt=consent (OIDC Core §11)"
    assert set(tokens.scope.split()) == set(SCOPES)
    renewed = refresh(oidc.provider, endpoint, tokens)
    assert renewed.access_token and renewed.access_token != tokens.access_token
    # From the keyring only the refresh token is known: the refresh asks for no scope at all.
    again = refresh(oidc.provider, endpoint, Tokens("", refresh_token=renewed.refresh_token))
    assert again.access_token


def test_a_grant_of_less_than_asked_is_refreshed_without_asking_for_more(oidc):
    """The provider grants offline_access only with consent: asked without it (as a provider
    kind that is not OIDC would be), the refresh must not ask for what was not granted."""
    endpoint = TokenEndpoint(CLIENT)
    tokens = sign_in(oidc.provider, endpoint, browser, timeout=30)
    narrower = Tokens("", refresh_token=tokens.refresh_token, scope="openid smtp")
    assert refresh(oidc.provider, endpoint, narrower).access_token


def test_a_revoked_sign_in_says_sign_in_again(oidc):
    endpoint = TokenEndpoint(CLIENT)
    tokens = sign_in(oidc.provider, endpoint, browser, timeout=30)
    oidc.post("/token/revocation", {"token": tokens.refresh_token, "client_id": CLIENT})
    with pytest.raises(SignInRequired, match="Sign in again"):
        refresh(oidc.provider, endpoint, tokens)


def test_a_refused_consent_is_named(oidc):
    oidc.post("/test/deny", {})
    with pytest.raises(SignInDenied, match="permission was refused"):
        sign_in(oidc.provider, TokenEndpoint(CLIENT), browser, timeout=30)

"""OAuth2 sign-in, device code and refresh against a real authorization server on 127.0.0.1."""

from __future__ import annotations

import threading

import pytest

from smtpgui.core.oauth.browser import sign_in
from smtpgui.core.oauth.device import DeviceCode, sign_in_with_code
from smtpgui.core.oauth.tokens import (
    OAuthError,
    SignInCancelled,
    SignInRequired,
    TokenEndpoint,
    Tokens,
    fresh,
    refresh,
)
from tests.helpers.oauth_server import CLIENT_ID
from tests.helpers.sign_in import follow


def test_browser_sign_in_with_pkce(auth_server):
    provider = auth_server.provider.for_tenant("contoso.example")
    seen: list[str] = []

    def browser(url: str) -> None:
        seen.append(url)
        follow(url)

    tokens = sign_in(provider, TokenEndpoint(CLIENT_ID), browser)
    assert tokens.access_token in auth_server.valid_access
    assert tokens.refresh_token in auth_server.refresh_tokens
    assert "/contoso.example/authorize?" in seen[0]
    assert (
        "code_challenge_method=S256" in seen[0] and "redirect_uri=http%3A%2F%2F127.0.0.1" in seen[0]
    )
    assert tokens.access_token not in repr(tokens)


def test_a_wrong_verifier_is_refused(auth_server):
    """The server really checks PKCE: a code replayed with another verifier is invalid_grant."""
    endpoint = TokenEndpoint(CLIENT_ID)
    provider = auth_server.provider.for_tenant("")
    sign_in(provider, endpoint, follow)
    code = "stolen"
    auth_server.codes[code] = ("challenge-of-someone-else", "http://127.0.0.1:1/")
    with pytest.raises(SignInRequired):
        endpoint.tokens(
            provider.token_url,
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": "http://127.0.0.1:1/",
                "code_verifier": "x" * 43,
            },
        )


def test_sign_in_can_be_cancelled(auth_server):
    cancel = threading.Event()
    with pytest.raises(SignInCancelled):
        sign_in(
            auth_server.provider.for_tenant(""),
            TokenEndpoint(CLIENT_ID),
            lambda _u: cancel.set(),
            cancel,
        )


def test_sign_in_times_out_and_needs_a_browser(auth_server):
    provider, endpoint = auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID)
    with pytest.raises(SignInCancelled, match="not finished in the browser"):
        sign_in(provider, endpoint, lambda _u: None, timeout=0.3)
    with pytest.raises(OAuthError, match="No web browser"):
        sign_in(provider, endpoint, lambda _u: False)


def test_device_flow_honours_pending_and_slow_down(auth_server):
    shown: list[DeviceCode] = []
    waits: list[float] = []

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        return False

    tokens = sign_in_with_code(
        auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), shown.append, wait=wait
    )
    assert tokens.access_token in auth_server.valid_access
    assert shown[0].user_code == "ABCD-EFGH" and shown[0].verification_uri.endswith("/device-login")
    assert waits == [1.0, 1.0, 6.0]  # pending keeps the interval, slow_down adds 5 s
    assert auth_server.device_polls == 3


def test_device_flow_denied_and_cancelled(auth_server):
    auth_server.device_answers = ["access_denied"]
    provider, endpoint = auth_server.provider.for_tenant(""), TokenEndpoint(CLIENT_ID)
    with pytest.raises(Exception, match="permission was refused"):
        sign_in_with_code(provider, endpoint, lambda _c: None, wait=lambda _s: False)
    with pytest.raises(SignInCancelled):
        sign_in_with_code(provider, endpoint, lambda _c: None, wait=lambda _s: True)


def test_refresh_after_expiry_and_revocation(auth_server):
    now = [1000.0]
    endpoint = TokenEndpoint(CLIENT_ID, clock=lambda: now[0])
    provider = auth_server.provider.for_tenant("")
    tokens = sign_in(provider, endpoint, follow)
    assert fresh(provider, endpoint, tokens) is tokens  # valid for an hour: no refresh
    now[0] += 3600 - 30  # within 60 s of expiry
    renewed = fresh(provider, endpoint, tokens)
    assert renewed.access_token != tokens.access_token
    assert renewed.refresh_token != tokens.refresh_token  # rotated
    auth_server.revoke()
    with pytest.raises(SignInRequired, match="Sign in again"):
        refresh(provider, endpoint, renewed)
    with pytest.raises(SignInRequired):
        refresh(provider, endpoint, Tokens(""))

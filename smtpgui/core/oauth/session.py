"""OAuth2 for a saved profile: sign in from the settings, and a fresh access token per test.

The refresh token lives in the keyring (secrets.SecretKind.REFRESH_TOKEN); the access token
only in this process's memory, with its expiry, and is refreshed when it has less than a minute
left. This is the API the window and the headless twin call.
"""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Callable

from smtpgui.core.oauth import browser as oauth_browser
from smtpgui.core.oauth import device as oauth_device
from smtpgui.core.oauth.browser import SIGN_IN_TIME, Notice, OpenBrowser
from smtpgui.core.oauth.device import DeviceCode
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.oauth.tokens import (
    Clock,
    OAuthProvider,
    TokenEndpoint,
    Tokens,
    fresh,
    sign_in_again,
)
from smtpgui.core.profile.secrets import SecretKind, SecretStore, binding_of
from smtpgui.core.profile.settings import Settings
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeResult

_CacheKey = tuple[str, str, str, str]
_cache: dict[_CacheKey, Tokens] = {}
_cache_lock = threading.Lock()


def provider_of(oauth: OAuthSettings) -> OAuthProvider:
    """The endpoints of the settings, with the tenant filled in."""
    return OAuthProvider(
        authorize_url=oauth.authorize_url,
        token_url=oauth.token_url,
        device_url=oauth.device_url,
        scopes=tuple(oauth.scopes.split()),
    ).for_tenant(oauth.tenant)


def endpoint_of(
    settings: Settings, client_secret: str = "", clock: Clock = time.time
) -> TokenEndpoint:
    return TokenEndpoint(
        settings.oauth.client_id.strip(),
        client_secret=client_secret,
        timeout=settings.timeout,
        clock=clock,
    )


def sign_in(
    settings: Settings,
    open_browser: OpenBrowser = webbrowser.open,
    cancel: threading.Event | None = None,
    timeout: float = SIGN_IN_TIME,
    client_secret: str = "",
    notice: Notice | None = None,
) -> Tokens:
    """Sign in in the system browser (PKCE, loopback redirect); remembers the access token.

    `notice` hears, once, what the browser may be showing when it does not come back soon.
    """
    tokens = oauth_browser.sign_in(
        provider_of(settings.oauth),
        endpoint_of(settings, client_secret),
        open_browser,
        cancel,
        timeout,
        notice,
    )
    _remember(settings, tokens)
    return tokens


def sign_in_with_code(
    settings: Settings,
    show_code: Callable[[DeviceCode], None],
    cancel: threading.Event | None = None,
    wait: oauth_device.Wait | None = None,
    client_secret: str = "",
) -> Tokens:
    """Sign in by typing a code on another device (RFC 8628); remembers the access token."""
    tokens = oauth_device.sign_in_with_code(
        provider_of(settings.oauth), endpoint_of(settings, client_secret), show_code, cancel, wait
    )
    _remember(settings, tokens)
    return tokens


def access_tokens(
    settings: Settings,
    secrets: SecretStore,
    tokens: Tokens | None = None,
    client_secret: str | None = None,
    clock: Clock = time.time,
) -> Tokens:
    """Tokens whose access token is valid for at least a minute more.

    From `tokens` (a sign-in not saved yet), else from memory, else from the refresh token the
    keyring holds for these settings (bound to their user, client ID, token endpoint and
    tenant: never sent to another endpoint). A rotated refresh token that came from the keyring
    goes back there at once: the old one may already be dead. SignInRequired when there is
    nothing to refresh. `client_secret` None means the one stored for these settings, if any.
    """
    explicit = tokens is not None
    binding = binding_of(settings, SecretKind.REFRESH_TOKEN)
    client_secret = client_secret_of(secrets, settings, client_secret)
    if tokens is None:
        with _cache_lock:
            tokens = _cache.get(_key(settings))
    if tokens is None:
        stored = secrets.get(binding)
        if not stored:
            raise sign_in_again()
        tokens = Tokens("", refresh_token=stored)
    renewed = fresh(
        provider_of(settings.oauth), endpoint_of(settings, client_secret, clock), tokens
    )
    rotated = renewed.refresh_token != tokens.refresh_token
    if not explicit and rotated and secrets.get(binding) == tokens.refresh_token:
        secrets.set(binding, renewed.refresh_token)
    _remember(settings, renewed)
    return renewed


def client_secret_of(secrets: SecretStore, settings: Settings, typed: str | None = None) -> str:
    """The typed client secret, else the one stored for these settings ("": none)."""
    if typed is not None:
        return typed
    return secrets.get(binding_of(settings, SecretKind.CLIENT_SECRET)) or ""


def forget(settings: Settings) -> None:
    """Drop the access token kept in memory: the next test refreshes it from the keyring."""
    with _cache_lock:
        _cache.pop(_key(settings), None)


def forget_if_refused(settings: Settings, result: ProbeResult) -> None:
    """After the mail server refused the access token (an AUTH reply), forget it.

    A token can be dead before it expires (revoked, or issued before the consent the server
    wants): offered again, it would fail every test until its expiry, up to an hour.
    """
    if result.phase is Phase.AUTH and result.failure is Failure.REPLY:
        forget(settings)


def _remember(settings: Settings, tokens: Tokens) -> None:
    with _cache_lock:
        _cache[_key(settings)] = tokens


def _key(settings: Settings) -> _CacheKey:
    oauth = settings.oauth
    return (oauth.token_url, oauth.client_id, oauth.tenant, settings.account)

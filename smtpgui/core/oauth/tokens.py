"""OAuth2 for SMTP: endpoints, tokens, typed errors, the token endpoint and refresh.

The flows are small (three form POSTs and a one-shot HTTP listener), so they are written on
the standard library's urllib: no dependency to package, audit or keep compatible. The sign-in
flows live in oauth_browser (authorization code + PKCE) and oauth_device (device code).
"""

from __future__ import annotations

import json
import math
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from smtpgui.core.smtp.trust_store import system_context
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text, message_of
from smtpgui.core.text.printable import printable

Clock = Callable[[], float]
# An access token this close to its expiry is refreshed first: the SMTP conversation that
# follows must not outlive it.
EXPIRY_MARGIN = 60.0
# What a token endpoint may send back; real answers are a few KiB.
MAX_RESPONSE_BYTES = 256 * 1024
# An access token's lifetime as smtpgui believes it: longer claims are cut to a day (the worst
# that does is one refresh too many).
MAX_TOKEN_LIFETIME = 86400.0


@dataclass(frozen=True)
class OAuthProvider:
    """Where to sign in. URLs may hold `{tenant}` (Microsoft: a directory ID or name)."""

    authorize_url: str
    token_url: str
    device_url: str = ""
    scopes: tuple[str, ...] = ()

    def for_tenant(self, tenant: str) -> OAuthProvider:
        """The URLs with `{tenant}` filled in ("organizations" when none is given)."""
        name = urllib.parse.quote(tenant.strip() or "organizations", safe="")

        def fill(url: str) -> str:
            return url.replace("{tenant}", name)

        return replace(
            self,
            authorize_url=fill(self.authorize_url),
            token_url=fill(self.token_url),
            device_url=fill(self.device_url),
        )


@dataclass(frozen=True)
class Tokens:
    """What a sign-in or a refresh gives. `expires_at` is in `time.time()` seconds.

    Only `refresh_token` is ever stored (in the keyring); the access token lives in memory.
    """

    access_token: str
    expires_at: float = 0.0
    refresh_token: str = ""
    scope: str = ""

    def __repr__(self) -> str:  # never print a token, not even in a traceback
        return f"Tokens(expires_at={self.expires_at!r}, scope={self.scope!r})"

    def usable(self, now: float, margin: float = EXPIRY_MARGIN) -> bool:
        """True when the access token is there and stays valid for `margin` seconds more."""
        return bool(self.access_token) and now + margin < self.expires_at


class OAuthError(Exception):
    """The sign-in or refresh failed; the message (a Text) is meant for the admin."""


class SignInRequired(OAuthError):
    """The stored refresh token no longer works (revoked, expired, password changed)."""


class SignInCancelled(OAuthError):
    """The admin cancelled, or the time to sign in ran out."""


class SignInDenied(OAuthError):
    """The admin (or the organisation's policy) refused the permission."""


def sign_in_again() -> SignInRequired:
    return SignInRequired(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth",
                "The stored sign-in is no longer valid (it was revoked, expired or the password "
                "changed). Sign in again with OAuth2 and save.",
            ),
        )
    )


def cancelled() -> SignInCancelled:
    return SignInCancelled(Text("OAuth", QT_TRANSLATE_NOOP("OAuth", "Sign-in cancelled.")))


class TokenEndpoint:
    """POSTs to a provider's endpoints (RFC 6749 §4.1.3, §6; RFC 8628 §3.1, §3.4)."""

    def __init__(
        self,
        client_id: str,
        *,
        client_secret: str = "",
        timeout: float = 15.0,
        clock: Clock = time.time,
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.timeout = timeout
        self.clock = clock

    def post(self, url: str, fields: dict[str, str]) -> tuple[int, dict[str, object]]:
        """The status and the JSON answer; OAuthError when there is no JSON answer at all.

        An error never carries what was sent: a token server may repeat the refresh token,
        the code or the client secret in its error text, and urllib may quote the request.
        """
        try:
            return self._post(url, fields)
        except OAuthError as exc:
            raise redacted(exc, self.sent_secrets(fields)) from None

    def sent_secrets(self, fields: dict[str, str]) -> list[str]:
        """The secrets a request to the token endpoint carries."""
        return [self._client_secret, *(fields.get(name, "") for name in _SECRET_FIELDS)]

    def _post(self, url: str, fields: dict[str, str]) -> tuple[int, dict[str, object]]:
        check_url(url)
        form = {"client_id": self.client_id, **fields}
        if self._client_secret:  # Google's "desktop" clients have one; it is not confidential
            form["client_secret"] = self._client_secret
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(form).encode("ascii"),
            headers={"Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(
                request, timeout=self.timeout, context=system_context()
            ) as response:
                return response.status, _json(response.read(MAX_RESPONSE_BYTES))
        except urllib.error.HTTPError as exc:  # RFC 6749 §5.2: errors are 400/401 with JSON
            with exc:
                body = exc.read(MAX_RESPONSE_BYTES)
            try:
                return exc.code, _json(body)
            except ValueError:
                raise _unreachable(url, f"HTTP {exc.code}") from None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or type(exc).__name__
            raise _unreachable(url, str(reason)) from None

    def tokens(
        self, url: str, fields: dict[str, str], previous: str = "", *, during_sign_in: bool = False
    ) -> Tokens:
        """A grant at the token endpoint; typed errors for the answers an admin can act on.

        `during_sign_in`: the grant ends a sign-in just made, not a stored one's refresh.
        """
        status, answer = self.post(url, fields)
        error = str(answer.get("error", ""))
        if status == 200 and not error and isinstance(answer.get("access_token"), str):
            return self.parse(answer, previous)
        description = str(answer.get("error_description", ""))
        raise grant_error(
            error or f"HTTP {status}",
            description,
            self.sent_secrets(fields),
            during_sign_in=during_sign_in,
        )

    def parse(self, answer: dict[str, object], previous: str = "") -> Tokens:
        seconds = seconds_in(answer, "expires_in", 3600.0, (0.0, MAX_TOKEN_LIFETIME))
        return Tokens(
            access_token=str(answer["access_token"]),
            expires_at=self.clock() + seconds,
            # RFC 6749 §6: the server may keep the old refresh token (then it sends none).
            refresh_token=str(answer.get("refresh_token") or previous),
            scope=str(answer.get("scope", "")),
        )


def refresh(provider: OAuthProvider, endpoint: TokenEndpoint, tokens: Tokens) -> Tokens:
    """New tokens from the refresh token (RFC 6749 §6); SignInRequired when it is refused."""
    if not tokens.refresh_token:
        raise sign_in_again()
    fields = {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token}
    # RFC 6749 §6: a refresh may ask for no more than was granted, and asking for nothing means
    # all of it. The configured scopes may hold more (offline_access, which a provider need not
    # grant): ask for exactly what the last answer granted, or, when unknown, nothing.
    if tokens.scope.split():
        fields["scope"] = tokens.scope
    return endpoint.tokens(provider.token_url, fields, previous=tokens.refresh_token)


def fresh(provider: OAuthProvider, endpoint: TokenEndpoint, tokens: Tokens) -> Tokens:
    """`tokens` if the access token stays valid a while, else refreshed ones."""
    return tokens if tokens.usable(endpoint.clock()) else refresh(provider, endpoint, tokens)


def grant_error(
    error: str, description: str, secrets: Sequence[str] = (), *, during_sign_in: bool = False
) -> OAuthError:
    """The typed error for an RFC 6749 §5.2 / RFC 8628 §3.5 error code.

    The server's texts are shown redacted of `secrets` (what the request carried), then cut
    and written out printable. `during_sign_in`: nothing stored is at stake, so a refused grant
    is not "sign in again".
    """
    from smtpgui.core.smtp.transcript import Redactor

    redactor = Redactor(secrets)
    error = printable(redactor.clip(error, 100))
    description = printable(redactor.clip(description, 300))
    if error == "invalid_grant":
        return _sign_in_refused(description) if during_sign_in else sign_in_again()
    if error == "invalid_client" or "client_secret" in description:
        # Google: "client_secret is missing."; Microsoft: AADSTS7000218 (not a public client).
        return OAuthError(
            Text(
                "OAuth",
                QT_TRANSLATE_NOOP(
                    "OAuth",
                    "The sign-in service refused the client ID or its client secret ({error}: "
                    "{description}). Copy both from the app registration; a Google desktop "
                    "client needs its client secret, a Microsoft one must allow public client "
                    "flows.",
                ),
                error=error,
                description=description,
            )
        )
    if error == "access_denied":
        return SignInDenied(
            Text(
                "OAuth",
                QT_TRANSLATE_NOOP(
                    "OAuth",
                    "The permission was refused at sign-in. Sign in again and accept, or ask "
                    "your administrator to allow the application.",
                ),
            )
        )
    return OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth", "The sign-in service refused the request: {error} {description}"
            ),
            error=error,
            description=description,
        )
    )


# Form fields of a token request that are secrets (RFC 6749 §4.1.3, §6; RFC 7636; RFC 8628).
_SECRET_FIELDS = ("refresh_token", "code", "code_verifier", "device_code", "client_secret")


def redacted(exc: OAuthError, secrets: Sequence[str]) -> OAuthError:
    """The same error, its message without any of `secrets` (in any form the redactor knows)."""
    from smtpgui.core.smtp.transcript import Redactor

    return type(exc)(Redactor(secrets).redact(message_of(exc)))


def _sign_in_refused(description: str) -> OAuthError:
    return OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth",
                "The sign-in service refused the sign-in just made (invalid_grant: "
                "{description}). Start it again; if it is refused again, check that this "
                "computer's clock is right and that the app registration allows this sign-in.",
            ),
            description=description,
        )
    )


def seconds_in(
    answer: dict[str, object], name: str, default: float, limits: tuple[float, float]
) -> float:
    """A number of seconds from a provider's answer, held within `limits`; `default` when
    absent. OAuthError, naming the field and the range, when it is not a number at all."""
    value = answer.get(name)
    if value is None:
        return default
    low, high = limits
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(name)
        seconds = float(value)
    except OverflowError:  # an integer of hundreds of digits
        seconds = math.inf
    except ValueError:
        seconds = math.nan
    if math.isnan(seconds):
        raise OAuthError(
            Text(
                "OAuth",
                QT_TRANSLATE_NOOP(
                    "OAuth",
                    "The sign-in service answered {name} = {value}, which is not a number of "
                    "seconds ({low} to {high}).",
                ),
                name=name,
                value=repr(value)[:40],
                low=f"{low:g}",
                high=f"{high:g}",
            )
        )
    return min(max(seconds, low), high)


def check_url(url: str) -> None:
    """Tokens travel only over HTTPS, or to this computer itself (RFC 8252 §8.3)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:  # a broken IPv6 literal, "https://[::1/token"
        parts, host = urllib.parse.urlsplit(""), None
    if not url.isprintable() or " " in url:  # a control character would reach the request
        host = None
    if (parts.scheme == "https" and host) or (
        parts.scheme == "http" and host in ("127.0.0.1", "::1", "localhost")
    ):
        return
    raise OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP("OAuth", "The sign-in address {url} must start with https://."),
            url=url,
        )
    )


def _json(raw: bytes) -> dict[str, object]:
    answer = json.loads(raw.decode("utf-8"))  # ValueError (both) for what is not JSON text
    if not isinstance(answer, dict):
        raise ValueError("not a JSON object")
    return answer


def _unreachable(url: str, reason: str) -> OAuthError:
    host = urllib.parse.urlsplit(url).netloc
    return OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP("OAuth", "The sign-in service {host} could not be used ({reason})."),
            host=host,
            reason=reason,
        )
    )

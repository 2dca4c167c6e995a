"""Sign-in with a code typed on another device (RFC 8628), for desktops without a browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from smtpgui.core.oauth.tokens import (
    OAuthError,
    OAuthProvider,
    TokenEndpoint,
    Tokens,
    cancelled,
    check_url,
    grant_error,
    seconds_in,
)
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.text.printable import printable

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL = 5.0  # RFC 8628 §3.2: when the answer gives none
# RFC 8628 §3.5 allows no faster polling than once a second; slower than a minute is a bug.
INTERVAL_LIMITS = (1.0, 60.0)
SLOW_DOWN_STEP = 5.0  # RFC 8628 §3.5: each slow_down adds 5 seconds to the interval
# A device code lives 15 minutes at Microsoft, 30 at Google: an answer claiming longer is cut.
EXPIRY_LIMITS = (1.0, 1800.0)


@dataclass(frozen=True)
class DeviceCode:
    """What the admin must see: open `verification_uri` and type `user_code`."""

    user_code: str
    verification_uri: str
    expires_in: float
    message: str = ""  # Microsoft adds a ready-made sentence


# Waits `seconds` or until cancelled; True when cancelled (threading.Event.wait's meaning).
Wait = Callable[[float], bool]


def sign_in_with_code(
    provider: OAuthProvider,
    endpoint: TokenEndpoint,
    show_code: Callable[[DeviceCode], None],
    cancel: threading.Event | None = None,
    wait: Wait | None = None,
) -> Tokens:
    """Ask for a device code, show it, then poll until the admin finished signing in."""
    if not provider.device_url:
        raise OAuthError(
            Text(
                "OAuth",
                QT_TRANSLATE_NOOP("OAuth", "This provider offers no sign-in with a code."),
            )
        )
    check_url(provider.device_url)
    cancel = cancel or threading.Event()
    wait = wait or cancel.wait
    status, answer = endpoint.post(provider.device_url, {"scope": " ".join(provider.scopes)})
    if status != 200 or "device_code" not in answer:
        raise grant_error(
            str(answer.get("error", f"HTTP {status}")),
            str(answer.get("error_description", "")),
            endpoint.sent_secrets({}),
        )
    code = _device_code(answer)
    show_code(code)
    return _poll(
        provider,
        endpoint,
        str(answer["device_code"]),
        code,
        cancel,
        wait,
        seconds_in(answer, "interval", DEFAULT_INTERVAL, INTERVAL_LIMITS),
    )


def _device_code(answer: dict[str, object]) -> DeviceCode:
    """What to show, with the service's control characters written out (they reach a
    terminal): never more than a line's worth of each."""

    def shown(*names: str) -> str:
        value = next((answer[n] for n in names if answer.get(n)), "")
        return printable(str(value)[:500])

    return DeviceCode(
        user_code=shown("user_code"),
        verification_uri=shown("verification_uri", "verification_url"),  # Google: ..._url
        expires_in=seconds_in(answer, "expires_in", 900.0, EXPIRY_LIMITS),
        message=shown("message"),  # Microsoft adds a ready-made sentence
    )


def _poll(
    provider: OAuthProvider,
    endpoint: TokenEndpoint,
    device_code: str,
    code: DeviceCode,
    cancel: threading.Event,
    wait: Wait,
    interval: float,
) -> Tokens:
    deadline = time.monotonic() + code.expires_in
    fields = {"grant_type": DEVICE_GRANT, "device_code": device_code}
    while True:
        if wait(interval) or cancel.is_set():
            raise cancelled()
        if time.monotonic() > deadline:  # however the server keeps answering "pending"
            raise _expired()
        status, answer = endpoint.post(provider.token_url, fields)
        error = str(answer.get("error", ""))
        if status == 200 and not error and "access_token" in answer:
            return endpoint.parse(answer)
        if error == "slow_down":
            interval = min(interval + SLOW_DOWN_STEP, INTERVAL_LIMITS[1])
        elif error == "expired_token":
            raise _expired()
        elif error != "authorization_pending":
            description = str(answer.get("error_description", ""))
            raise grant_error(
                error or f"HTTP {status}",
                description,
                endpoint.sent_secrets(fields),
                during_sign_in=True,
            )


def _expired() -> OAuthError:
    return OAuthError(
        Text(
            "OAuth",
            QT_TRANSLATE_NOOP(
                "OAuth", "The code expired before the sign-in was finished. Start again."
            ),
        )
    )

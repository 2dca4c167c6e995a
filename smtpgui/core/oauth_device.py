"""Sign-in with a code typed on another device (RFC 8628), for desktops without a browser."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.oauth import (
    OAuthError,
    OAuthProvider,
    TokenEndpoint,
    Tokens,
    cancelled,
    check_url,
    grant_error,
)

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL = 5.0  # RFC 8628 §3.2
SLOW_DOWN_STEP = 5.0  # RFC 8628 §3.5: each slow_down adds 5 seconds to the interval


@dataclass(frozen=True)
class DeviceCode:
    """What the admin must see: open `verification_uri` and type `user_code`."""

    user_code: str
    verification_uri: str
    verification_uri_complete: str
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
    code = DeviceCode(
        user_code=str(answer.get("user_code", "")),
        # Google calls it verification_url.
        verification_uri=str(answer.get("verification_uri") or answer.get("verification_url")),
        verification_uri_complete=str(answer.get("verification_uri_complete", "")),
        expires_in=_seconds(answer.get("expires_in"), 900.0),
        message=str(answer.get("message", "")),
    )
    show_code(code)
    return _poll(
        provider,
        endpoint,
        str(answer["device_code"]),
        code,
        cancel,
        wait,
        _seconds(answer.get("interval"), DEFAULT_INTERVAL),
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
        status, answer = endpoint.post(provider.token_url, fields)
        error = str(answer.get("error", ""))
        if status == 200 and not error and "access_token" in answer:
            return endpoint.parse(answer)
        if error == "authorization_pending":
            pass
        elif error == "slow_down":
            interval += SLOW_DOWN_STEP
        elif error == "expired_token" or time.monotonic() > deadline:
            raise OAuthError(
                Text(
                    "OAuth",
                    QT_TRANSLATE_NOOP(
                        "OAuth", "The code expired before the sign-in was finished. Start again."
                    ),
                )
            )
        else:
            raise grant_error(
                error or f"HTTP {status}",
                str(answer.get("error_description", "")),
                endpoint.sent_secrets(fields),
            )


def _seconds(value: object, default: float) -> float:
    try:
        return max(0.0, float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default

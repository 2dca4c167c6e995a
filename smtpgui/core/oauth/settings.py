"""The OAuth2 part of the settings: client, tenant, endpoints and scopes (no token, ever).

The endpoints are saved in full, not only a provider id: a saved profile keeps working for the
CLI and other programs without the provider catalogue, and a company's own identity server fits.
Cheap to import (settings.py loads it at start-up): no urllib here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

_URL = re.compile(
    r"^https://[^\s\x00-\x1f\x7f-\x9f/?#]+[^\s\x00-\x1f\x7f-\x9f]*$"
    r"|^http://(127\.0\.0\.1|\[::1\]|localhost)[:/][^\s\x00-\x1f\x7f-\x9f]*$"
)
# A host in brackets must be a whole IPv6 literal: "https://[::1/token" breaks urllib.
_HOST = re.compile(r"^(?:[^@\[\]]*@)?(?:[^@\[\]:]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]*)?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class OAuthSettings:
    """Who signs in where. URLs may contain `{tenant}`; `scopes` is space-separated."""

    provider: str = ""  # the catalogue id ("microsoft365", "gmail"), informative only
    client_id: str = ""
    tenant: str = ""
    authorize_url: str = ""
    token_url: str = ""
    device_url: str = ""
    scopes: str = ""


def oauth_to_json(oauth: OAuthSettings) -> dict[str, str]:
    return {f.name: getattr(oauth, f.name) for f in fields(oauth)}


def oauth_from_json(data: Any) -> OAuthSettings:
    """From the file's "oauth" object (absent in files from before OAuth2: all empty)."""
    if data is None:
        return OAuthSettings()
    if not isinstance(data, dict):
        raise TypeError("oauth must be an object")
    values: dict[str, str] = {}
    for f in fields(OAuthSettings):
        value = data.get(f.name, "")
        if not isinstance(value, str):
            raise TypeError(f"oauth.{f.name} must be text")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"oauth.{f.name} is not valid text (a lone surrogate)") from None
        if _CONTROL.search(value):
            raise ValueError(f"oauth.{f.name} contains line breaks or control characters")
        values[f.name] = value
    return OAuthSettings(**values)


def oauth_errors(oauth: OAuthSettings) -> dict[str, str]:
    """Per-field problems, keyed "oauth_<field>", for a profile that signs in with OAuth2."""
    errors: dict[str, str] = {}
    if not oauth.client_id.strip():
        errors["oauth_client_id"] = Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "Enter the client (application) ID registered with the provider."
            ),
        )
    for name in ("client_id", "tenant", "scopes"):
        if _CONTROL.search(getattr(oauth, name)):
            errors[f"oauth_{name}"] = Text(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings", "Line breaks and control characters are not allowed here."
                ),
            )
    required = {"token_url": True, "authorize_url": not oauth.device_url, "device_url": False}
    for name, needed in required.items():
        url = getattr(oauth, name)
        if (url or needed) and not (_URL.match(url) and _HOST.match(_authority(url))):
            errors[f"oauth_{name}"] = Text(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "Enter the provider's https:// address (http:// only on this computer).",
                ),
            )
    if not oauth.scopes.split():
        errors.setdefault(
            "oauth_scopes",
            Text(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings", "Enter the scopes to ask for, such as https://mail.google.com/."
                ),
            ),
        )
    return errors


def _authority(url: str) -> str:
    """The host-and-port part of an http(s) URL, as written."""
    rest = url.split("://", 1)[-1]
    return re.split(r"[/?#]", rest, maxsplit=1)[0]

"""Profiles: the settings as a file to carry to another desktop; never a secret in one."""

from __future__ import annotations

import json
from typing import Any

from smtpgui.core.endpoint import EndpointError
from smtpgui.core.settings import Settings, from_json, to_json

PROFILE_VERSION = 1
_KIND = "smtpgui-profile"


class ProfileError(ValueError):
    """A profile that cannot be used; the message says why, in plain words."""


def export_profile(settings: Settings, ascii_only: bool = False) -> str:
    """JSON text for `settings`; the password stays in this computer's keyring.

    `ascii_only` escapes every other character (\\u00f1), for a channel of unknown encoding.
    """
    data = {"kind": _KIND, "version": PROFILE_VERSION, "settings": to_json(settings)}
    return json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n"


def read_profile(text: str) -> Settings:
    """The settings in a profile; ProfileError for anything malformed or too new."""
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise ProfileError(f"This is not an smtpgui profile (not JSON: {exc}).") from None
    if not isinstance(data, dict) or data.get("kind") != _KIND:
        raise ProfileError("This is not an smtpgui profile.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProfileError("The profile has no valid version number.")
    if version > PROFILE_VERSION:
        raise ProfileError(
            f"The profile was written by a newer smtpgui (profile version {version}); "
            "update smtpgui on this computer."
        )
    try:
        return from_json(data.get("settings"))
    except (ValueError, TypeError, KeyError, EndpointError) as exc:
        raise ProfileError(f"The profile's settings are not valid: {exc}.") from None

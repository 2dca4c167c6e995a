"""Profiles: the settings as a file to carry to another desktop; never a secret in one."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from smtpgui.core.profile.settings import Settings, from_json, to_json
from smtpgui.core.profile.store import MAX_FILE_BYTES
from smtpgui.core.smtp.endpoint import EndpointError

PROFILE_VERSION = 1
# Capped as settings.json is: a profile is a few hundred bytes.
MAX_PROFILE_CHARS = MAX_FILE_BYTES
_KIND = "smtpgui-profile"


class ProfileError(ValueError):
    """A profile that cannot be used; the message says why, in plain words."""


def export_profile(settings: Settings, ascii_only: bool = False) -> str:
    """JSON text for `settings`; the password stays in this computer's keyring.

    `ascii_only` escapes every other character (\\u00f1), for a channel of unknown encoding.
    """
    data = {"kind": _KIND, "version": PROFILE_VERSION, "settings": to_json(settings)}
    return json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n"


def read_profile_bytes(stream: BinaryIO, fallback: str | None = None) -> Settings:
    """The settings in the profile `stream` holds, reading no more than the cap allows (a
    device such as /dev/zero never ends); ProfileError for what is no profile.

    UTF-8 with or without a BOM, UTF-16 by its BOM (PowerShell 5.1's `>`), else `fallback`
    (the channel's or the locale's encoding): see core/text/encoding.py.
    """
    from smtpgui.core.text.encoding import TextDecodingError, decode_text

    raw = stream.read(MAX_PROFILE_CHARS + 1)
    if len(raw) > MAX_PROFILE_CHARS:
        raise ProfileError(
            f"This is not an smtpgui profile (larger than {MAX_PROFILE_CHARS // 1024} KiB, "
            "far more than settings)."
        )
    try:
        text = decode_text(raw, fallback)
    except TextDecodingError as exc:
        raise ProfileError(f"This is not an smtpgui profile ({exc}).") from None
    return read_profile(text)


def read_profile(text: str) -> Settings:
    """The settings in a profile; ProfileError for anything malformed or too new."""
    if len(text) > MAX_PROFILE_CHARS:
        raise ProfileError(
            f"This is not an smtpgui profile (larger than {MAX_PROFILE_CHARS // 1024} KiB, "
            "far more than settings)."
        )
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise ProfileError(f"This is not an smtpgui profile (not JSON: {exc}).") from None
    except RecursionError:
        raise ProfileError("This is not an smtpgui profile (nested too deeply).") from None
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

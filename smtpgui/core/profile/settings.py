"""Settings: the validated form, and SettingsStore, its atomic JSON file (never a secret in it).

The address and user-name checks live in core/profile/addresses.py; they are re-exported here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, TypeVar

from smtpgui.core.oauth.settings import (
    OAuthSettings,
    oauth_errors,
    oauth_from_json,
    oauth_to_json,
)
from smtpgui.core.profile.addresses import address_error, username_error
from smtpgui.core.smtp.certificate import ca_file_error, fingerprint_error, normalise_fingerprint
from smtpgui.core.smtp.endpoint import (
    MAX_SERVERS,
    Endpoint,
    format_server,
    parse_server,
    too_many_servers,
)
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

SETTINGS_VERSION = 1
DEFAULT_TIMEOUT = 15.0
MIN_TIMEOUT, MAX_TIMEOUT = 1.0, 300.0  # seconds per step

_Choice = TypeVar("_Choice", bound=enum.StrEnum)


class AuthMethod(enum.StrEnum):
    """How the client proves who it is (RFC 4954 mechanisms, or none)."""

    NONE = "none"
    AUTO = "auto"
    PLAIN = "plain"
    LOGIN = "login"
    CRAM_MD5 = "cram-md5"
    OAUTH2 = "oauth2"  # a token from a sign-in: OAUTHBEARER (RFC 7628) or XOAUTH2


class TrustMode(enum.StrEnum):
    """Which server certificates the probe accepts."""

    SYSTEM = "system"  # signed by a CA the operating system trusts, for this host name
    CA_FILE = "ca-file"  # signed by a CA in `ca_file` (and only those), for this host name
    PINNED = "pinned"  # exactly the certificate with SHA-256 fingerprint `pinned_sha256`
    INSECURE = "insecure"  # any certificate: verification turned off


@dataclass(frozen=True)
class Settings:
    """Everything the form holds except the password.

    A `ca_file` given with the default trust means TrustMode.CA_FILE, as it did before there
    were trust modes (old settings files and callers that only know `ca_file`); to trust the
    system CAs, leave `ca_file` empty. A valid `pinned_sha256` is kept as 64 lowercase hex digits.
    """

    endpoints: tuple[Endpoint, ...]
    auth: AuthMethod = AuthMethod.AUTO
    username: str = ""
    from_address: str = ""
    recipient: str = ""
    allow_insecure_auth: bool = False
    timeout: float = DEFAULT_TIMEOUT
    ca_file: str = ""
    trust: TrustMode = TrustMode.SYSTEM
    pinned_sha256: str = ""
    oauth: OAuthSettings = field(default_factory=OAuthSettings)

    def __post_init__(self) -> None:
        # Frozen: object.__setattr__ is the dataclass way to normalise in __post_init__.
        object.__setattr__(self, "trust", TrustMode(self.trust))  # "pinned" works as well
        if self.trust is TrustMode.SYSTEM and self.ca_file:
            object.__setattr__(self, "trust", TrustMode.CA_FILE)
        pinned = normalise_fingerprint(self.pinned_sha256)
        if pinned is not None:
            object.__setattr__(self, "pinned_sha256", pinned)

    @property
    def account(self) -> str:
        """The keyring user name the profile's secrets are stored under (secrets.SecretKind)."""
        return self.username or "default"

    @property
    def sender(self) -> str:
        """The address every mail goes out From (the forced one, else the admin's own)."""
        return self.from_address or self.recipient


def to_json(settings: Settings) -> dict[str, Any]:
    return {
        "version": SETTINGS_VERSION,
        "server": format_server(settings.endpoints),
        "auth": str(settings.auth),
        "username": settings.username,
        "from": settings.from_address,
        "recipient": settings.recipient,
        "allow_insecure_auth": settings.allow_insecure_auth,
        "timeout": settings.timeout,
        "ca_file": settings.ca_file,
        "trust": str(settings.trust),
        "pinned_sha256": settings.pinned_sha256,
        **({"oauth": oauth_to_json(settings.oauth)} if settings.oauth != OAuthSettings() else {}),
    }


class NewerSettingsError(ValueError):
    """The settings were written by a newer smtpgui: to be left alone, never "repaired"."""

    def __init__(self, version: int) -> None:
        super().__init__(f"written by a newer smtpgui (format {version})")
        self.version = version


def from_json(data: Any) -> Settings:
    """Build Settings from parsed JSON; ValueError/TypeError/KeyError for anything malformed."""
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("no version number")
    if version > SETTINGS_VERSION:
        raise NewerSettingsError(version)
    timeout = data.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or timeout_error(timeout):
        raise ValueError(f"timeout must be {MIN_TIMEOUT:g} to {MAX_TIMEOUT:g} seconds")
    settings = Settings(
        endpoints=parse_server(_text(data, "server")),
        auth=_choice(data, "auth", AuthMethod.AUTO),
        username=_text(data, "username"),
        from_address=_text(data, "from"),
        recipient=_text(data, "recipient"),
        allow_insecure_auth=_flag(data, "allow_insecure_auth"),
        timeout=float(timeout),
        ca_file=_text(data, "ca_file"),
        # Files from before trust modes have no "trust": their ca_file alone means CA_FILE.
        trust=_choice(data, "trust", TrustMode.SYSTEM),
        pinned_sha256=_text(data, "pinned_sha256"),
        oauth=oauth_from_json(data.get("oauth")),
    )
    # A CA file that went missing since is the probe's to report: the settings stay loadable.
    for name, error in field_errors(settings, check_files=False).items():
        raise ValueError(f"{name}: {error}")
    return settings


def field_errors(settings: Settings, *, check_files: bool = True) -> dict[str, str]:
    """Per-field problems of otherwise well-typed settings (the form shows each at its field).

    `check_files=False` skips what depends on this machine (whether the CA file exists).
    """
    errors = {
        "username": username_error(settings.username),
        "from": address_error(settings.from_address, required=False),
        "recipient": address_error(settings.recipient, required=True),
    }
    errors["server"] = _server_count_error(settings.endpoints)
    errors["timeout"] = timeout_error(settings.timeout)
    if settings.trust is TrustMode.CA_FILE:
        errors["ca_file"] = ca_file_error(settings.ca_file, check_files=check_files)
    if settings.trust is TrustMode.PINNED:
        errors["pinned_sha256"] = fingerprint_error(settings.pinned_sha256)
    if settings.auth is not AuthMethod.NONE and not settings.username:
        errors["username"] = Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "Enter the user name the server expects (often the full address)."
            ),
        )
    if settings.auth is AuthMethod.OAUTH2:
        errors.update(oauth_errors(settings.oauth))
    return {k: v for k, v in errors.items() if v}


def timeout_error(seconds: float) -> str:
    """The time limit per step must be a number of seconds from 1 to 300."""
    if isinstance(seconds, int | float) and MIN_TIMEOUT <= seconds <= MAX_TIMEOUT:
        return ""  # NaN fails both comparisons
    return Text(
        "Settings",
        QT_TRANSLATE_NOOP("Settings", "The time limit must be {low} to {high} seconds."),
        low=f"{MIN_TIMEOUT:g}",
        high=f"{MAX_TIMEOUT:g}",
    )


def _server_count_error(endpoints: tuple[Endpoint, ...]) -> str:
    return too_many_servers(len(endpoints)).text if len(endpoints) > MAX_SERVERS else ""


def _text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text")
    return checked_text(key, value)


def checked_text(key: str, value: str) -> str:
    """`value`, or ValueError naming `key` when it is no Unicode text (JSON's "\\ud800")."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{key} is not valid text (a lone surrogate)") from None
    return value


def _choice(data: dict[str, Any], key: str, default: _Choice) -> _Choice:
    value = _text(data, key, str(default))
    try:
        return type(default)(value)
    except ValueError:
        choices = ", ".join(str(member) for member in type(default))
        raise ValueError(f"{key} must be one of {choices}, not {value!r}") from None


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise TypeError(f"{key} must be true or false")
    return value

"""Settings: the validated form, and SettingsStore, its atomic JSON file (never a secret in it).

The address and user-name checks live in core/addresses.py; they are re-exported here.
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from smtpgui.core.addresses import address_error, username_error
from smtpgui.core.certificate import ca_file_error, fingerprint_error, normalise_fingerprint
from smtpgui.core.endpoint import Endpoint, EndpointError, format_server, parse_server
from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.oauth_settings import (
    OAuthSettings,
    oauth_errors,
    oauth_from_json,
    oauth_to_json,
    refresh_account,
)

SETTINGS_VERSION = 1
CONFIG_DIR_ENV = "SMTPGUI_CONFIG_DIR"
FILE_NAME = "settings.json"
# A temp file this old belongs to a save that was killed: the next save removes it.
STALE_TEMP_SECONDS = 60.0
DEFAULT_TIMEOUT = 15.0
# Real settings take about 400 bytes; anything past this is not settings and is not read whole.
MAX_FILE_BYTES = 1024 * 1024

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
        """The keyring user name the password is stored under."""
        return self.username or "default"

    @property
    def refresh_account(self) -> str:
        """The keyring user name the OAuth2 refresh token is stored under."""
        return refresh_account(self.account)

    @property
    def sender(self) -> str:
        """The address every mail goes out From (the forced one, else the admin's own)."""
        return self.from_address or self.recipient


class SettingsFileError(Exception):
    """The settings file exists but cannot be used; the message says why, in plain words."""


# -- the file -----------------------------------------------------------------------------------


def config_dir() -> Path:
    """`SMTPGUI_CONFIG_DIR`, else the platform's per-user config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # (lazy: not needed before the first save/load)

    return Path(platformdirs.user_config_dir("smtpgui", appauthor=False))


class SettingsStore:
    """Reads and writes `settings.json`; a save is atomic (old file or new, never half)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else config_dir()

    @property
    def path(self) -> Path:
        return self.directory / FILE_NAME

    def load(self) -> Settings | None:
        """The saved settings, None when nothing is saved.

        Raises SettingsFileError for a file that is unreadable or invalid; an invalid one is
        moved aside first (to `settings.json.broken`, or `settings.json.broken-<time>` when that
        exists already) so that a later save does not silently destroy it.
        """
        try:
            raw = self._read()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise SettingsFileError(
                Text(
                    "Settings",
                    QT_TRANSLATE_NOOP(
                        "Settings", "The settings file {path} cannot be read: {reason}."
                    ),
                    path=str(self.path),
                    reason=str(exc.strerror),
                )
            ) from None
        try:
            return from_json(_parse(raw))
        except (ValueError, TypeError, KeyError, EndpointError) as exc:
            reason, aside = _reason(exc), self._move_aside()
            if aside is None:  # e.g. a read-only folder: say that a save would replace it
                reason += "; it could not be moved aside, so saving new settings replaces it"
                aside = self.path
            raise SettingsFileError(
                Text(
                    "Settings",
                    QT_TRANSLATE_NOOP(
                        "Settings",
                        "The saved settings could not be used ({reason}). The file was kept as "
                        "{aside}; the form starts empty.",
                    ),
                    reason=reason,
                    aside=str(aside),
                )
            ) from None

    def _read(self) -> bytes:
        info = os.stat(self.path)
        # A FIFO or a device named settings.json would block the window or never end.
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "it is not a regular file")
        with self.path.open("rb") as file:
            return file.read(MAX_FILE_BYTES + 1)

    def _move_aside(self) -> Path | None:
        """Rename the unusable file next to itself, never over an earlier one kept aside."""
        aside = self.path.with_name(f"{FILE_NAME}.broken")
        stamp, number = time.strftime("%Y%m%d-%H%M%S"), 1
        while aside.exists() or aside.is_symlink():
            aside = self.path.with_name(f"{FILE_NAME}.broken-{stamp}-{number}")
            number += 1
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        return aside

    def save(self, settings: Settings) -> None:
        """Write atomically: a temp file in the same folder, fsync, then os.replace."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._remove_stale_temps()
        data = json.dumps(to_json(settings), indent=2, ensure_ascii=False).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.directory)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data + b"\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.directory)

    def _remove_stale_temps(self) -> None:
        """Temp files left by a save that was killed (a save takes milliseconds: one older than
        STALE_TEMP_SECONDS belongs to no running save, not even another process's)."""
        oldest = time.time() - STALE_TEMP_SECONDS
        for temp in self.directory.glob(".settings-*.tmp"):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < oldest:
                    temp.unlink()

    def delete(self) -> bool:
        """Remove the settings file; True if there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True


def _fsync_dir(directory: Path) -> None:
    # Make the rename itself durable (POSIX); not possible on Windows, where it does not matter.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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


def _parse(raw: bytes) -> Any:
    """The file's JSON; ValueError in plain words for what is not (empty, not UTF-8, ...)."""
    if not raw.strip():
        raise ValueError("the file is empty")
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"it is larger than {MAX_FILE_BYTES // 1024} KiB, far more than settings")
    try:
        text = raw.decode("utf-8-sig")  # a BOM, as Windows Notepad writes one, is harmless
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"it is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ValueError("it is nested too deeply to be settings") from None


def _reason(exc: Exception) -> str:
    # KeyError's str() is the key in quotes; the others already say what is wrong.
    return str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)


def from_json(data: Any) -> Settings:
    """Build Settings from parsed JSON; ValueError/TypeError/KeyError for anything malformed."""
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("no version number")
    if version > SETTINGS_VERSION:
        raise ValueError(f"written by a newer smtpgui (format {version})")
    timeout = data.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 1 <= timeout <= 300:
        raise ValueError("timeout must be 1 to 300 seconds")
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


def _text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text")
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

"""SettingsStore: settings.json in the user's config folder, read safely and written atomically.

A file that cannot be used is moved aside, never overwritten; a save is a temp file, fsync and
rename, so the file is always the old one or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from smtpgui.core.profile.settings import (
    SETTINGS_VERSION,
    NewerSettingsError,
    Settings,
    from_json,
    to_json,
)
from smtpgui.core.smtp.endpoint import EndpointError
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

CONFIG_DIR_ENV = "SMTPGUI_CONFIG_DIR"
FILE_NAME = "settings.json"
# A temp file this old belongs to a save that was killed: the next save removes it.
STALE_TEMP_SECONDS = 60.0

# A save takes milliseconds; one still holding the lock after this long is stuck.
LOCK_SECONDS = 10.0

# Real settings take about 400 bytes; anything past this is not settings and is not read whole.
MAX_FILE_BYTES = 1024 * 1024


class SettingsFileError(Exception):
    """The settings file exists but cannot be used; the message says why, in plain words."""


# -- the file -----------------------------------------------------------------------------------


def config_dir() -> Path:
    """`SMTPGUI_CONFIG_DIR`, else the platform's per-user config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # (lazy: not needed before the first save/load)

    # Roaming on Windows (%APPDATA%, not %LOCALAPPDATA%): the password in Credential Manager
    # roams with the user's profile, so the settings that name it roam with it.
    return Path(platformdirs.user_config_dir("smtpgui", appauthor=False, roaming=True))


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
        except NewerSettingsError as exc:
            raise self._newer(exc.version) from None
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

    def _newer(self, version: int) -> SettingsFileError:
        return SettingsFileError(
            Text(
                "Settings",
                QT_TRANSLATE_NOOP(
                    "Settings",
                    "The settings file {path} was written by a newer smtpgui (format "
                    "{version}): update smtpgui to use it. It was left as it is.",
                ),
                path=str(self.path),
                version=str(version),
            )
        )

    def _refuse_newer(self) -> None:
        """Saving over a newer smtpgui's settings would lose them: an OSError naming the file
        (what a save's callers already report as "could not be written ... Nothing was
        changed")."""
        try:
            data = _parse(self._read())
        except (OSError, ValueError):
            return  # no file, or one a save may replace (load kept it aside)
        version = data.get("version") if isinstance(data, dict) else None
        if (
            isinstance(version, int)
            and not isinstance(version, bool)
            and version > SETTINGS_VERSION
        ):
            reason = f"it was written by a newer smtpgui (format {version}): update smtpgui"
            raise OSError(0, reason, str(self.path))

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

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One save at a time across processes: `settings.json.lock` beside the file.

        A save holds it from its first keyring write to its last clean-up, so two saves at
        once never leave a file that names a secret the other one deleted. filelock uses
        fcntl on macOS and Linux and msvcrt on Windows (fcntl does not exist there).
        """
        from filelock import FileLock, Timeout  # (lazy: only a save or a delete needs it)

        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = FileLock(self.directory / f"{FILE_NAME}.lock", timeout=LOCK_SECONDS)
        try:
            lock.acquire()
        except Timeout:
            raise TimeoutError(
                errno.EBUSY, "another smtpgui is saving at this moment", str(self.path)
            ) from None
        try:
            yield
        finally:
            lock.release()

    def save(self, settings: Settings) -> None:
        """Write atomically: a temp file in the same folder, fsync, then os.replace."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._refuse_newer()
        self._remove_stale_temps()
        data = json.dumps(to_json(settings), indent=2, ensure_ascii=False).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.directory)
        try:
            # mkstemp already makes the file 0600 on POSIX; os.fchmod exists on Windows only
            # from Python 3.13, and there the ACL of the user's folder protects the file.
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data + b"\n")
                fh.flush()
                os.fsync(fh.fileno())
            replace_retrying(tmp, self.path)
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


# Windows: another process holding settings.json open without FILE_SHARE_DELETE (an antivirus
# scanner, the search indexer, a backup tool, a second smtpgui reading it) makes MoveFileEx fail
# with a sharing violation for a few milliseconds. ERROR_ACCESS_DENIED (5),
# ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33).
_TRANSIENT_WINERRORS = frozenset({5, 32, 33})
REPLACE_DELAYS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8)  # 1.6 s in all, then give up


def replace_retrying(
    source: str, target: Path, sleep: Callable[[float], None] = time.sleep
) -> None:
    """os.replace, tried again with backoff while Windows reports a sharing violation."""
    for delay in REPLACE_DELAYS:
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _TRANSIENT_WINERRORS:
                raise
        sleep(delay)
    os.replace(source, target)


def _fsync_dir(directory: Path) -> None:
    # Make the rename itself durable (POSIX); not possible on Windows, where it does not matter.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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

"""The victim of the crash-safety test: saves a numbered profile again and again until killed.

Runs in a child forked by multiprocessing's fork server (this module is preloaded there, so a
child starts in a few milliseconds). Save number i stores the password "pw-i" in a file-backed
keyring and settings whose recipient is "r<i>@example.com", then reports on the pipe.
"""

from __future__ import annotations

import json
import os
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

from keyring.backend import KeyringBackend

from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.keyring_records import stored_secret

ACCOUNT = "alice@example.com"


class FileKeyring(KeyringBackend):
    """A keyring in one JSON file, replaced atomically: it survives the process being killed."""

    priority = 0.1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _all(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = {**self._all(), f"{service}/{username}": password}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file)
        os.replace(tmp, self.path)

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def numbered(index: int) -> Settings:
    return Settings(
        endpoints=parse_server(f"tls://smtp{index % 7}.example.com"),
        auth=AuthMethod.LOGIN,
        username=ACCOUNT,
        recipient=f"r{index}@example.com",
    )


def index_of(settings: Settings | None) -> int:
    return -1 if settings is None else int(settings.recipient[1:].split("@")[0])


def state(directory: Path) -> tuple[int, int]:
    """(number of the saved settings file, number of the password in the keyring); -1: none.

    Raises SettingsFileError when the file is not a complete settings file.
    """
    file = index_of(SettingsStore(directory / "cfg").load())
    password = stored_secret(FileKeyring(directory / "keyring.json"), ACCOUNT)
    return file, -1 if password is None else int(password.removeprefix("pw-"))


def save_forever(directory: str, progress: Connection) -> None:
    folder = Path(directory)
    store = SettingsStore(folder / "cfg")
    secrets = SecretStore(FileKeyring(folder / "keyring.json"))
    try:
        index = max(state(folder)) + 1
    except SettingsFileError:
        index = 0
    while True:
        save_profile(numbered(index), f"pw-{index}", store, secrets)
        progress.send_bytes(b".")
        index += 1

"""A keyring backend in a JSON file: lets CLI subprocesses of one test share a password.

Selected with PYTHON_KEYRING_BACKEND=tests.helpers.file_keyring.FileKeyring and SMTPGUI_TEST_KEYRING
pointing at the file (the test's own tmp_path).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 0.1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["SMTPGUI_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("no such password")
        self._path.write_text(json.dumps(data))

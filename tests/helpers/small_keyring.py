"""A keyring backend that refuses long secrets, as Windows Credential Manager does."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError


class SmallKeyring(KeyringBackend):
    """In memory; `set_password` fails past `limit` characters (Windows: 1,280, error 1783)."""

    priority = 0.1  # type: ignore[assignment]

    def __init__(self, limit: int = 1280) -> None:
        super().__init__()
        self.limit = limit
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password) > self.limit:
            raise PasswordSetError("(1783, 'CredWrite', 'The stub received bad data.')")
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")

"""Settings the tests save and test with (two profiles of one user, a profile with every field
set, settings for a test server), and the ways the tests break a settings folder so a save
fails."""

from __future__ import annotations

from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.servers import USER

OWN = "admin@example.test"

OLD = Settings(
    endpoints=parse_server("ssl://old.example.com"),
    auth=AuthMethod.LOGIN,
    username=USER,
    recipient="admin@example.com",
)
NEW = Settings(
    endpoints=parse_server("tls://new.example.com"),
    auth=AuthMethod.LOGIN,
    username=USER,
    recipient="admin@example.com",
)

SETTINGS = Settings(
    endpoints=parse_server("ssl://smtp.example.com;tls://backup.example.com"),
    auth=AuthMethod.LOGIN,
    username="alice@example.com",
    from_address="Office <office@example.com>",
    recipient="alice@example.com",
    timeout=20.0,
    ca_file="/etc/ssl/company.pem",
)


def settings_at(server: str, ca_file: str = "", **changes: object) -> Settings:
    """USER at `server` (a test server), the admin's own address as recipient, 5 s limits."""
    values: dict[str, object] = dict(
        endpoints=parse_server(server),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient=OWN,
        ca_file=ca_file,
        timeout=5.0,
    )
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


def break_folder(store: SettingsStore) -> None:
    """A regular file where the settings folder should be."""
    for child in store.directory.iterdir():
        child.unlink()
    store.directory.rmdir()
    store.directory.write_text("not a folder")


def break_file(store: SettingsStore) -> None:
    """A folder, not empty, where settings.json should be: only the final rename fails."""
    store.path.unlink()
    store.path.mkdir()
    (store.path / "keep").write_text("x")

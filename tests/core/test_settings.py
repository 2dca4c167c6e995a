"""SettingsStore on real files: atomic, 0600, versioned, no secret, bad files kept aside."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.addresses import address_error
from smtpgui.core.profile.memory_keyring import MemoryKeyring
from smtpgui.core.profile.secrets import Binding, SecretKind, SecretStore, SecretStoreError
from smtpgui.core.profile.settings import Settings, from_json, to_json
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.keyring_records import stored_secret
from tests.helpers.profiles import SETTINGS


def test_round_trip_through_the_file(tmp_path):
    store = SettingsStore(tmp_path / "cfg")
    assert store.load() is None
    store.save(SETTINGS)
    assert store.load() == SETTINGS
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert json.loads(store.path.read_text())["server"] == (
        "ssl://smtp.example.com:465;tls://backup.example.com:587"
    )
    assert list(store.directory.iterdir()) == [store.path]  # no temp file left behind


def test_config_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SMTPGUI_CONFIG_DIR", str(tmp_path / "x"))
    assert SettingsStore().path == tmp_path / "x" / "settings.json"


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    store = SettingsStore(tmp_path)
    store.save(SETTINGS)
    before = store.path.read_bytes()

    def boom(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        store.save(Settings(endpoints=parse_server("other.example.com"), recipient="a@b.example"))
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[]",
        b"not json",
        b'{"version": 1, "server": 5}',
        b'{"version": 1, "server": "smtp://x"}',
        b'{"version": 1, "server": "a.example", "recipient": "a@b.example", "timeout": "x"}',
        b"\xff\xfe",
    ],
)
def test_bad_files_give_a_clear_error_and_are_kept_aside(tmp_path, content):
    store = SettingsStore(tmp_path)
    store.path.write_bytes(content)
    with pytest.raises(SettingsFileError) as error:
        store.load()
    assert "settings.json.broken" in str(error.value)
    assert (tmp_path / "settings.json.broken").read_bytes() == content
    assert not store.path.exists()


def test_newer_version_is_named():
    with pytest.raises(ValueError, match="newer smtpgui"):
        from_json({**to_json(SETTINGS), "version": 2})


def test_save_profile_puts_the_password_in_the_keyring_never_in_the_file(tmp_path, isolated):
    store = SettingsStore(tmp_path)
    save_profile(SETTINGS, "s3cret-π", store, SecretStore())
    assert stored_secret(isolated, "alice@example.com") == "s3cret-π"
    assert "s3cret" not in store.path.read_text(encoding="utf-8")


def test_a_failed_file_write_puts_the_old_password_back(tmp_path, isolated, monkeypatch):
    store = SettingsStore(tmp_path)
    save_profile(SETTINGS, "old-password", store, SecretStore())
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(13, "denied")))
    with pytest.raises(OSError):
        save_profile(SETTINGS, "new-password", store, SecretStore())
    assert stored_secret(isolated, "alice@example.com") == "old-password"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("alice@example.com", True),
        ("Alice Example <alice@example.com>", True),
        ("josé@correo.españa.es", True),
        ("a@b", False),
        ("alice", False),
        ("a b@example.com", False),
        ("alice@example.com\r\nBcc: x@y.z", False),
        ("alice@exa_mple.com", False),
        ("", False),
    ],
)
def test_address_validation(text, ok):
    assert (address_error(text, required=True) is None) is ok


def test_the_core_never_imports_pyside6():
    import pkgutil

    import smtpgui.core

    found = pkgutil.walk_packages(smtpgui.core.__path__, "smtpgui.core.")
    modules = [m.name for m in found]
    assert "smtpgui.core.smtp.probe" in modules and len(modules) > 50
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


class LeakyBackend(MemoryKeyring):
    """A keyring that fails with the password in its error, as some backends do."""

    def set_password(self, service, username, password):
        raise RuntimeError(f"cannot store {password!r} for {username}")


def test_keyring_errors_never_carry_the_password():
    with pytest.raises(SecretStoreError) as error:
        SecretStore(backend=LeakyBackend()).set(
            Binding(SecretKind.PASSWORD, "alice", ("smtp.example.com",)), "hunter2-secret"
        )
    assert "hunter2" not in str(error.value)
    assert "RuntimeError" in str(error.value)

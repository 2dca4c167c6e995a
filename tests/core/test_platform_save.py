"""Save on Windows, simulated on Linux: the platform facts are removed or raised, the files and
the keyring are real.

- Python 3.11/3.12 on Windows has no os.fchmod (it came in 3.13): deleted with monkeypatch.
- MoveFileEx fails with a sharing violation (winerror 32) while an antivirus scanner, the
  indexer or a backup holds settings.json open: os.replace raises that PermissionError.
"""

from __future__ import annotations

import os

import pytest

from smtpgui.core.jobs import Job, JobRunner, save_profile
from smtpgui.core.profile import store as settings_store
from smtpgui.core.profile.memory_keyring import MemoryKeyring
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.store import REPLACE_DELAYS, SettingsStore, replace_retrying
from tests.helpers.keyring_records import stored_secret
from tests.helpers.profiles import NEW, OLD, settings_at
from tests.helpers.servers import PASSWORD, USER


@pytest.fixture
def no_fchmod(monkeypatch):
    """Windows with Python 3.11 or 3.12."""
    monkeypatch.delattr(os, "fchmod", raising=False)


def sharing_violation() -> PermissionError:
    error = PermissionError(13, "The process cannot access the file", "settings.json")
    error.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
    return error


def test_save_works_without_os_fchmod(tmp_path, no_fchmod):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    save_profile(NEW, "new-password", store, SecretStore(keyring))
    assert store.load() == NEW
    assert stored_secret(keyring, USER) == "new-password"


@pytest.mark.parametrize("raised", [AttributeError("fchmod"), RuntimeError, KeyboardInterrupt])
def test_any_exception_in_the_file_write_puts_the_old_password_back(tmp_path, monkeypatch, raised):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    secrets = SecretStore(keyring)
    save_profile(OLD, "old-password", store, secrets)

    def fails(_fd: int) -> None:
        raise raised

    monkeypatch.setattr(os, "fsync", fails)
    with pytest.raises(BaseException) as caught:
        save_profile(NEW, "new-password", store, secrets)
    assert isinstance(caught.value, raised if isinstance(raised, type) else type(raised))
    assert stored_secret(keyring, USER) == "old-password"
    assert store.load() == OLD
    names = sorted(p.name for p in store.directory.iterdir())
    assert names == ["settings.json", "settings.json.lock"]  # no temp file


def test_a_first_save_that_fails_for_any_reason_leaves_no_password(tmp_path, monkeypatch):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()

    def fails(_fd: int) -> None:
        raise RuntimeError("a bug, not an OSError")

    monkeypatch.setattr(os, "fsync", fails)
    with pytest.raises(RuntimeError):
        save_profile(NEW, "new-password", store, SecretStore(keyring))
    assert stored_secret(keyring, USER) is None
    assert not store.path.exists()


def test_check_and_save_on_windows_python_311_saves(tmp_path, starttls_server, ca_file, no_fchmod):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    settings = settings_at(starttls_server.server, ca_file)
    job = Job(settings, PASSWORD, save=True, subject="s", body="b")
    outcome = JobRunner(job, lambda _e: None, store, SecretStore(keyring)).run()
    assert outcome.result.ok and outcome.saved, outcome.save_error
    assert store.load() == settings
    assert stored_secret(keyring, USER) == PASSWORD


def test_a_save_that_fails_unexpectedly_is_reported_not_raised(
    tmp_path, starttls_server, ca_file, monkeypatch
):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    settings = settings_at(starttls_server.server, ca_file)

    def fails(_fd: int) -> None:
        raise AttributeError("module 'os' has no attribute 'fchmod'")

    monkeypatch.setattr(os, "fsync", fails)
    job = Job(settings, PASSWORD, save=True, subject="s", body="b")
    outcome = JobRunner(job, lambda _e: None, store, SecretStore(keyring)).run()
    assert outcome.result.ok and not outcome.saved
    assert "Nothing was changed" in outcome.save_error
    assert stored_secret(keyring, USER) is None


# -- a sharing violation on the final rename ---------------------------------------------------


class HeldOpen:
    """os.replace onto the settings file fails with a sharing violation `times` times."""

    def __init__(self, times: int) -> None:
        self.left = times
        self.attempts = 0
        self.waits: list[float] = []
        self._replace = os.replace

    def replace(self, source, target) -> None:  # type: ignore[no-untyped-def]
        self.attempts += 1
        if self.left:
            self.left -= 1
            raise sharing_violation()
        self._replace(source, target)


def test_a_brief_sharing_violation_is_waited_out(tmp_path, monkeypatch):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    held = HeldOpen(times=3)
    monkeypatch.setattr(os, "replace", held.replace)
    save_profile(NEW, "new-password", store, SecretStore(keyring))
    assert held.attempts == 4
    assert store.load() == NEW
    assert stored_secret(keyring, USER) == "new-password"


def test_the_retries_back_off_and_give_up(tmp_path, monkeypatch):
    source = tmp_path / "new"
    source.write_text("x")
    held = HeldOpen(times=len(REPLACE_DELAYS) + 1)
    monkeypatch.setattr(os, "replace", held.replace)
    with pytest.raises(PermissionError):
        replace_retrying(str(source), tmp_path / "settings.json", sleep=held.waits.append)
    assert held.waits == list(REPLACE_DELAYS)
    assert held.waits == sorted(held.waits) and sum(held.waits) < 2.0


def test_a_sharing_violation_that_stays_rolls_the_password_back(tmp_path, monkeypatch):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    secrets = SecretStore(keyring)
    save_profile(OLD, "old-password", store, secrets)
    monkeypatch.setattr(settings_store, "REPLACE_DELAYS", (0.0, 0.0))
    held = HeldOpen(times=10)
    monkeypatch.setattr(os, "replace", held.replace)
    with pytest.raises(PermissionError):
        save_profile(NEW, "new-password", store, secrets)
    assert held.attempts == 3
    assert stored_secret(keyring, USER) == "old-password"


def test_a_real_permission_error_is_not_retried(tmp_path, monkeypatch):
    """POSIX EACCES (no winerror) and Windows errors other than sharing fail at once."""
    source = tmp_path / "new"
    source.write_text("x")
    attempts: list[object] = []

    def denied(*args: object) -> None:
        attempts.append(args)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(PermissionError):
        replace_retrying(str(source), tmp_path / "settings.json", sleep=pytest.fail)
    assert len(attempts) == 1

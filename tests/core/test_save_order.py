"""Keyring first, file last; a file that cannot be written puts the old password back.

The failures are real (no mock of the file system): a regular file where the settings folder
should be, and a folder where settings.json should be (the last step, os.replace, fails after
the new file was written in full). Tests run as root, so permissions cannot make them fail.
"""

from __future__ import annotations

import pytest

from smtpgui.core.jobs import Job, JobRunner, save_profile
from smtpgui.core.profile.memory_keyring import MemoryKeyring
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.store import SettingsStore
from tests.helpers.keyring_records import stored_secret
from tests.helpers.profiles import NEW, OLD, break_file, break_folder, settings_at
from tests.helpers.servers import PASSWORD, USER


class OrderedKeyring(MemoryKeyring):
    """Notes when the keyring is written, so the test can compare it with the file's time."""

    def __init__(self, store: SettingsStore) -> None:
        super().__init__()
        self.file_existed_at_set: list[bool] = []
        self._settings = store

    def set_password(self, service, username, password):
        self.file_existed_at_set.append(self._settings.path.exists())
        super().set_password(service, username, password)


@pytest.mark.parametrize("break_it", [break_folder, break_file])
def test_a_failed_file_write_restores_the_old_password(tmp_path, break_it):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    secrets = SecretStore(keyring)
    save_profile(OLD, "old-password", store, secrets)
    break_it(store)
    with pytest.raises(OSError):
        save_profile(NEW, "new-password", store, secrets)
    assert stored_secret(keyring, USER) == "old-password"
    if break_it is break_file:
        names = sorted(p.name for p in store.directory.iterdir())
        assert names == ["settings.json", "settings.json.lock"]  # no temp file


def test_a_failed_first_save_leaves_no_password(tmp_path):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    store.directory.parent.mkdir(exist_ok=True)
    store.directory.write_text("not a folder")
    with pytest.raises(OSError):
        save_profile(NEW, "new-password", store, SecretStore(keyring))
    assert stored_secret(keyring, USER) is None


def test_the_keyring_is_written_before_the_file(tmp_path):
    store = SettingsStore(tmp_path / "cfg")
    keyring = OrderedKeyring(store)
    save_profile(NEW, "pw", store, SecretStore(keyring))
    assert keyring.file_existed_at_set == [False]
    assert store.load() == NEW


def test_save_after_a_passing_test_reports_the_failed_write_and_keeps_the_old_profile(
    tmp_path, starttls_server, ca_file
):
    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    secrets = SecretStore(keyring)
    settings = settings_at(starttls_server.server, ca_file)
    save_profile(OLD, "old-password", store, secrets)
    break_file(store)
    job = Job(settings, PASSWORD, save=True, subject="s", body="b")
    outcome = JobRunner(job, lambda _e: None, store, secrets).run()
    assert outcome.result.ok and not outcome.saved
    assert (
        "could not be written" in outcome.save_error and "Nothing was changed" in outcome.save_error
    )
    assert stored_secret(keyring, USER) == "old-password"
    assert (store.path / "keep").exists()  # what stood there is untouched


def test_cancel_after_the_test_passed_but_before_the_save_saves_nothing(
    tmp_path, starttls_server, ca_file
):
    from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState

    store, keyring = SettingsStore(tmp_path / "cfg"), MemoryKeyring()
    settings = settings_at(starttls_server.server, ca_file)
    job = Job(settings, PASSWORD, save=True, subject="s", body="b")
    runners: list[JobRunner] = []

    def cancel_at_the_last_moment(event: object) -> None:
        # QUIT has passed: the probe returns success next, and Save would follow.
        if isinstance(event, PhaseChange) and (event.phase, event.state) == (
            Phase.QUIT,
            PhaseState.PASSED,
        ):
            runners[0].cancel()

    runners.append(JobRunner(job, cancel_at_the_last_moment, store, SecretStore(keyring)))
    outcome = runners[0].run()
    assert outcome.result.ok and not outcome.saved
    assert outcome.save_error == "Cancelled."
    assert not store.path.exists() and stored_secret(keyring, USER) is None

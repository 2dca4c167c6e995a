"""SecretStore and Save against a real Secret Service (gnome-keyring), not an in-memory one."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import SecretService

from smtpgui.core.jobs import Job, JobRunner, save_profile
from smtpgui.core.profile.secrets import Binding, SecretKind, binding_of
from smtpgui.core.profile.store import SettingsStore
from tests.helpers.profiles import NEW, OLD, break_file, settings_at
from tests.helpers.real_keyring import real_secrets, secret_service
from tests.helpers.servers import PASSWORD, USER

pytestmark = pytest.mark.secret_service
__all__ = ["real_secrets"]  # a fixture, used by name

ODD = "pässwörd €\U0001f511 \"quoted\" 'and' \\ back\nslash"


def test_the_default_keyring_is_the_secret_service():
    secret_service()  # skips when there is none
    assert isinstance(keyring.get_keyring(), SecretService.Keyring)


BOUND = Binding(SecretKind.PASSWORD, USER, ("smtp.example.com",))


def test_a_password_goes_in_comes_out_and_is_deleted(real_secrets):
    assert real_secrets.available()
    assert real_secrets.get(BOUND) is None
    real_secrets.set(BOUND, ODD)
    assert real_secrets.get(BOUND) == ODD
    real_secrets.set(BOUND, "second")
    assert real_secrets.get(BOUND) == "second"
    assert real_secrets.delete(SecretKind.PASSWORD, USER) is True
    assert real_secrets.get(BOUND) is None
    assert real_secrets.delete(SecretKind.PASSWORD, USER) is False


def test_a_long_token_is_stored_in_parts_and_read_back_whole(real_secrets):
    token = "rt-" + "x1y2z3" * 700  # 4,203 characters: Windows keeps at most 1,280 in one
    bound = Binding(SecretKind.REFRESH_TOKEN, USER, ("client", "https://id.example/token", ""))
    real_secrets.set(bound, token)
    assert real_secrets.get(bound) == token
    real_secrets.set(bound, "short")
    assert real_secrets.get(bound) == "short"
    assert real_secrets.delete(SecretKind.REFRESH_TOKEN, USER) is True


def test_a_failed_file_write_restores_the_old_password_in_the_real_keyring(tmp_path, real_secrets):
    store = SettingsStore(tmp_path / "cfg")
    save_profile(OLD, "old-password", store, real_secrets)
    break_file(store)
    with pytest.raises(OSError):
        save_profile(NEW, "new-password", store, real_secrets)
    assert real_secrets.get(binding_of(OLD, SecretKind.PASSWORD)) == "old-password"


def test_save_stores_the_password_and_the_next_test_uses_it(
    tmp_path, real_secrets, starttls_server, ca_file
):
    store = SettingsStore(tmp_path / "cfg")
    settings = settings_at(starttls_server.server, ca_file)
    saving = Job(settings, PASSWORD, save=True, subject="s", body="b")
    assert JobRunner(saving, lambda _e: None, store, real_secrets).run().saved
    assert real_secrets.get(binding_of(settings, SecretKind.PASSWORD)) == PASSWORD
    assert PASSWORD not in store.path.read_text(encoding="utf-8")
    again = Job(settings, None, save=False, subject="s", body="b")
    assert JobRunner(again, lambda _e: None, store, real_secrets).run().result.ok

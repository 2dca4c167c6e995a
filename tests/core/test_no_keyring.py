"""A machine with no keyring at all: one sentence that says what to install, nothing saved."""

from __future__ import annotations

import os
import subprocess
import sys

from smtpgui.core.profile.secrets import NO_BACKEND

HEADLESS = """
import json, pathlib, sys
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.secrets import SecretStore, SecretStoreError
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
store = SettingsStore(pathlib.Path(sys.argv[1]))
settings = Settings(endpoints=parse_server("smtp.example.com"), auth=AuthMethod.LOGIN,
                    username="alice@example.com", recipient="alice@example.com")
secrets = SecretStore()
try:
    save_profile(settings, "pw", store, secrets)
except SecretStoreError as error:
    print(json.dumps([secrets.available(), str(error), store.path.exists()]))
"""


def test_keyrings_own_choice_on_a_headless_machine_finds_none_and_saves_nothing(tmp_path):
    # keyring picks its backend itself, as on a server with no desktop session: no D-Bus.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")
    }
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", HEADLESS, str(tmp_path / "cfg")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == f'[false, "{NO_BACKEND}", false]'


def test_the_message_is_one_sentence_that_says_what_to_install():
    assert NO_BACKEND.count(". ") == 0 and NO_BACKEND.endswith(".")
    assert "gnome-keyring" in NO_BACKEND and "nothing was saved" in NO_BACKEND

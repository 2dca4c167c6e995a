"""Two saves at once never leave a file that names a missing password (issue 12, point 4).

The review ran two `check --save` with different users at the same moment 30 times against a
real gnome-keyring and found 9 files naming a user whose password the other save had deleted.
Here: the same, with real processes and the file keyring the CLI tests share.
"""

from __future__ import annotations

import json
import subprocess
import sys

from smtpgui.core.profile.store import SettingsStore
from tests.helpers.cli import cli_env
from tests.helpers.servers import Recorder, smtp_server

OWN = "admin@example.test"
USERS = {"ana@example.test": "pw-ana", "bob@example.test": "pw-bob"}
ROUNDS = 10


def start_save(env: dict[str, str], server: str, ca_file: str, user: str) -> subprocess.Popen[str]:
    args = ["check", "--server", server, "--user", user, "--to", OWN, "--ca-file", ca_file]
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpgui", *args, "--password-stdin", "--save"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(USERS[user] + "\n")
    process.stdin.close()
    process.stdin = None  # communicate() then only reads
    return process


def test_two_saves_at_once_leave_the_file_and_its_password_together(
    tmp_path, ca, ca_file, monkeypatch
):
    env = cli_env(tmp_path)
    monkeypatch.setenv("SMTPGUI_CONFIG_DIR", env["SMTPGUI_CONFIG_DIR"])
    broken = []
    with smtp_server(ca, "starttls", Recorder(users=dict(USERS))) as server:
        for _ in range(ROUNDS):
            running = [start_save(env, server.server, ca_file, user) for user in USERS]
            for process in running:
                out, err = process.communicate(timeout=60)
                assert process.returncode == 0, out + err
            saved = SettingsStore().load()
            assert saved is not None
            keyring = json.loads((tmp_path / "keyring.json").read_text())
            entry = keyring.get(f"smtpgui/{saved.username}")
            if entry is None or json.loads(entry)["secret"] != USERS[saved.username]:
                broken.append(saved.username)
    assert broken == []

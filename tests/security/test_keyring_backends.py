"""Only a real secret store counts as a keyring (issue 12, point 3).

keyring's own choice is tested in a subprocess, as an admin's machine makes it: with
keyrings.alt installed (the test extra installs it) and no D-Bus session, keyring picks its
PlaintextKeyring, a file anyone who can read the home folder can read.
"""

from __future__ import annotations

import os
from pathlib import Path

from smtpgui.core import exit_codes as codes
from smtpgui.core.profile.secrets import NO_BACKEND
from tests.helpers.cli import cli, cli_env
from tests.helpers.servers import PASSWORD, USER

OWN = "admin@example.test"


def desktop_env(tmp_path: Path, backend: str | None = None) -> dict[str, str]:
    env = cli_env(tmp_path)
    for name in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND", "SMTPGUI_TEST_KEYRING"):
        env.pop(name, None)
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # where PlaintextKeyring writes
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config-home")  # no keyringrc.cfg
    if backend:
        env["PYTHON_KEYRING_BACKEND"] = backend
    return env


def save(env: dict[str, str], server: str, ca_file: str):  # type: ignore[no-untyped-def]
    return cli(
        env,
        *("check", "--server", server, "--user", USER, "--to", OWN, "--ca-file", ca_file),
        *("--password-stdin", "--save"),
        stdin=PASSWORD,
    )


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_keyrings_plaintext_fallback_is_no_keyring(tmp_path, starttls_server, ca_file):
    done = save(desktop_env(tmp_path), starttls_server.server, ca_file)
    assert done.returncode == codes.NOT_SAVED, done.stdout + done.stderr
    assert NO_BACKEND in done.stdout + done.stderr
    assert "Saved" not in done.stdout
    assert files_under(tmp_path / "data") == []  # no password file anywhere
    assert not (tmp_path / "config" / "settings.json").exists()


def test_a_plaintext_keyring_chosen_explicitly_is_used_and_named(
    tmp_path, starttls_server, ca_file
):
    env = desktop_env(tmp_path, "keyrings.alt.file.PlaintextKeyring")
    done = save(env, starttls_server.server, ca_file)
    assert done.returncode == codes.OK, done.stdout + done.stderr
    shown = cli(env, "show")
    assert "backend keyrings.alt.file.PlaintextKeyring" in shown.stdout, shown.stdout


def test_a_chosen_secret_service_that_cannot_be_reached_is_one_clear_sentence(
    tmp_path, starttls_server, ca_file
):
    env = desktop_env(tmp_path, "keyring.backends.SecretService.Keyring")
    done = save(env, starttls_server.server, ca_file)
    out = done.stdout + done.stderr
    assert done.returncode == codes.NOT_SAVED, out
    assert NO_BACKEND in out
    assert "Traceback" not in out and "settings folder" not in out
    shown = cli(env, "show")
    assert "Traceback" not in shown.stdout + shown.stderr and shown.returncode == codes.OK


def test_a_chainer_of_only_insecure_backends_is_no_keyring(monkeypatch):
    from keyring.backends.chainer import ChainerBackend
    from keyrings.alt.file import PlaintextKeyring

    from smtpgui.core.profile.secrets import secret_store_of

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(ChainerBackend, "backends", [PlaintextKeyring()])
    assert secret_store_of(ChainerBackend()) is None
    assert secret_store_of(PlaintextKeyring()) is None
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    assert isinstance(secret_store_of(PlaintextKeyring()), PlaintextKeyring)
    assert os.environ["PYTHON_KEYRING_BACKEND"]

"""Issue 14 through the CLI: every bad number or file is one sentence and exit 2 (20 for a store
that cannot be written), never a traceback, a hang or a changed file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smtpgui import cli
from smtpgui.core import exit_codes as codes
from tests.helpers.cli_terminal import cli as run_cli

GOOD = {"version": 1, "server": "smtp.example.com", "auth": "none", "recipient": "a@b.example"}


def no_traceback(done) -> None:
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "--timeout", "301", "--save"],
            "--timeout: '301' is out of range: seconds from 1 to 300",
        ),
        (["check", "--timeout", "1e9"], "seconds from 1 to 300"),
        (["check", "--timeout", "inf"], "seconds from 1 to 300"),
        (["check", "--timeout", "nan"], "seconds from 1 to 300"),
        (["check", "--port", "0"], "--port: '0' is out of range: a port from 1 to 65535"),
        (["discover", "a@example.com", "--timeout", "nan"], "seconds from 1 to 300"),
    ],
)
def test_numbers_out_of_range_are_refused_with_the_range(env, tmp_path, args, message):
    done = run_cli(env, *args, timeout=20)
    assert done.returncode == codes.INVALID_INPUT
    assert message in done.stderr
    no_traceback(done)
    assert not (tmp_path / "config").exists()


@pytest.mark.parametrize(
    ("option", "value"),
    [("--arrival", "imap.example.test\r\nA1 LOGOUT"), ("--arrival-user", "me\r\nA1 DELETE INBOX")],
)
def test_a_line_break_in_the_arrival_options_is_refused_before_anything_starts(
    env, tmp_path, option, value
):
    # IMAP commands end at CRLF: the value would start a command of its own on the mailbox.
    args = ["check", "--server", "127.0.0.1:1", "--to", "a@b.example", "--auth", "none"]
    arrival = [option, value] + (
        ["--arrival", "imap.example.test"] if option != "--arrival" else []
    )
    done = run_cli(env, *args, *arrival, timeout=20)
    assert done.returncode == codes.INVALID_INPUT, done.stderr
    assert f"{option}: Line breaks and control characters are not allowed here." in done.stderr
    assert "connecting" not in done.stdout  # refused before the test began
    no_traceback(done)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000, "nested too deeply"),
        ("/dev/zero", "larger than 1024 KiB"),
    ],
)
def test_import_of_what_is_no_profile(env, tmp_path, content, message):
    path = content if content.startswith("/dev/") else str(tmp_path / "deep.json")
    if path != content:
        Path(path).write_text(content)
    done = run_cli(env, "import", path, timeout=30)
    assert done.returncode == codes.INVALID_INPUT and message in done.stderr
    no_traceback(done)


def _saved(tmp_path: Path, data: dict[str, object] = GOOD) -> Path:
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(data))
    return folder


@pytest.mark.parametrize("target", ["/dev/full", "{tmp}/no/such/folder/p.json"])
def test_export_to_what_cannot_be_written(env, tmp_path, target):
    _saved(tmp_path)
    done = run_cli(env, "export", target.format(tmp=tmp_path))
    assert done.returncode == codes.INVALID_INPUT and "cannot write" in done.stderr
    no_traceback(done)


def test_show_of_a_newer_file_says_update_and_keeps_it(env, tmp_path):
    folder = _saved(tmp_path, {**GOOD, "version": 2})
    before = (folder / "settings.json").read_bytes()
    done = run_cli(env, "show")
    assert done.returncode == codes.INVALID_INPUT
    assert "written by a newer smtpgui (format 2): update smtpgui" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["settings.json"]
    assert (folder / "settings.json").read_bytes() == before


def test_send_with_a_body_that_is_not_utf8(env, tmp_path):
    _saved(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "smtpgui", "send", "--to", "a@b.example", "--subject", "x"],
        input=b"\xff\xfe caf\xe9",
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == codes.INVALID_INPUT
    assert b"not in a known encoding" in done.stderr and b"Traceback" not in done.stderr


def test_forget_on_a_folder_that_cannot_change_keeps_everything(tmp_path, monkeypatch, capsys):
    """A read-only folder, simulated (the tests may run as root, who may delete anyway)."""
    folder = _saved(tmp_path)
    monkeypatch.setenv("SMTPGUI_CONFIG_DIR", str(folder))
    real_unlink = Path.unlink

    def read_only(path: Path, missing_ok: bool = False) -> None:
        if path.parent == folder:
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", read_only)
    assert cli.main(["forget"]) == codes.NOT_SAVED
    assert "cannot be deleted (Permission denied); nothing was changed" in capsys.readouterr().err
    assert (folder / "settings.json").exists()

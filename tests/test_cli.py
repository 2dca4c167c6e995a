"""The CLI as a subprocess against real servers: exit codes, JSON, and no secret anywhere."""

from __future__ import annotations

import base64
import json
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_terminal import CHILD_IO, OWN, ROOT, check_args, cli
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.servers import PASSWORD, USER, Recorder, SilentServer, free_port, smtp_server


def secret_forms() -> set[str]:
    raw = PASSWORD.encode()
    return {
        PASSWORD,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + USER.encode() + b"\0" + raw).decode(),
    }


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for form in secret_forms():
            assert form not in text


def test_check_passes_prints_the_transcript_and_saves_only_with_save(
    env, starttls_server, ca_file, tmp_path
):
    done = cli(env, *check_args(starttls_server.server, ca_file), stdin=PASSWORD + "\n")
    assert done.returncode == codes.OK, done.stderr
    assert "AUTH PLAIN [redacted]" in done.stdout and "OK:" in done.stdout
    assert not (tmp_path / "config" / "settings.json").exists()
    saved = cli(env, *check_args(starttls_server.server, ca_file, "--save"), stdin=PASSWORD + "\n")
    assert saved.returncode == codes.OK and "Saved" in saved.stdout
    assert (tmp_path / "config" / "settings.json").exists()
    assert_no_secret(
        done.stdout,
        done.stderr,
        saved.stdout,
        saved.stderr,
        (tmp_path / "config" / "settings.json").read_text(),
    )
    again = cli(env, "check")  # everything from the saved settings and the keyring
    assert again.returncode == codes.OK, again.stdout + again.stderr
    assert len(starttls_server.handler.envelopes) == 3


def test_json_output_for_a_wrong_password(env, starttls_server, ca_file):
    done = cli(
        env, *check_args(starttls_server.server, ca_file, "--json", "--save"), stdin="wrong\n"
    )
    assert done.returncode == codes.AUTH
    data = json.loads(done.stdout)
    assert data["ok"] is False and data["phase"] == "auth" and data["exit_code"] == codes.AUTH
    assert (data["reply_code"], data["enhanced_code"]) == (535, "5.7.8")
    assert data["diagnosis"]["id"].startswith("auth-failed") and data["diagnosis"]["steps"]
    assert data["tls"]["version"].startswith("TLSv1.")
    assert any(line["text"] == "AUTH PLAIN [redacted]" for line in data["transcript"])
    assert data["saved"] is False
    assert "wrong" not in done.stdout.replace('"wrong', "")


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("refused", codes.CONNECT),
        ("untrusted", codes.TLS),
        ("no-starttls", codes.STARTTLS),
        ("sender", codes.MAIL_FROM),
        ("recipient", codes.RCPT_TO),
        ("silent", codes.TIMEOUT),
        ("bad-input", codes.INVALID_INPUT),
    ],
)
def test_one_exit_code_per_failed_step(env, ca, ca_file, case, code):
    if case == "refused":
        done = cli(
            env, *check_args(f"tls://127.0.0.1:{free_port()}", ca_file), stdin=PASSWORD + "\n"
        )
    elif case == "untrusted":
        with smtp_server(ca, "starttls") as server:
            args = check_args(server.server, ca_file)
            args[args.index("--ca-file") : args.index("--ca-file") + 2] = []
            done = cli(env, *args, stdin=PASSWORD + "\n")
    elif case == "no-starttls":
        with smtp_server(ca, "plain") as server:
            done = cli(
                env, *check_args(f"tls://127.0.0.1:{server.port}", ca_file), stdin=PASSWORD + "\n"
            )
    elif case in ("sender", "recipient"):
        reply = "553 5.7.1 Sender address rejected: not owned by user"
        handler = (
            Recorder(reject_mail=reply)
            if case == "sender"
            else Recorder(reject_rcpt="554 5.7.1 Relay access denied")
        )
        with smtp_server(ca, "starttls", handler) as server:
            done = cli(env, *check_args(server.server, ca_file), stdin=PASSWORD + "\n")
    elif case == "silent":
        server = SilentServer()
        try:
            done = cli(
                env,
                *check_args(f"127.0.0.1:{server.port}", ca_file, "--timeout", "1"),
                stdin=PASSWORD + "\n",
            )
        finally:
            server.close()
    else:
        done = cli(env, "check", "--server", "smtp://x", "--to", OWN, "--auth", "none")
    assert done.returncode == code, done.stdout + done.stderr
    assert_no_secret(done.stdout, done.stderr)


def test_ctrl_c_cancels_at_once(env, ca_file):
    server = SilentServer()
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "smtpgui",
                *check_args(f"127.0.0.1:{server.port}", ca_file, "--timeout", "60"),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            encoding=CHILD_IO,
        )
        process.stdin.write(PASSWORD + "\n")
        process.stdin.close()
        assert server.connected.wait(10)
        assert PASSWORD not in Path(f"/proc/{process.pid}/cmdline").read_text()
        pressed = time.monotonic()
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == codes.CANCELLED, process.stderr.read()
        assert time.monotonic() - pressed < 2
    finally:
        server.close()


def test_no_password_anywhere_gives_its_own_code(env, starttls_server, ca_file):
    args = check_args(starttls_server.server, ca_file)
    args.remove("--password-stdin")
    done = cli(env, *args)  # stdin is not a terminal: no prompt
    assert done.returncode == codes.NO_PASSWORD
    assert "--password-stdin" in done.stderr


def test_show_export_import_forget(env, ca, ca_file, tmp_path):
    with smtp_server(ca, "tls") as server:
        assert (
            cli(
                env, *check_args(server.server, ca_file, "--save"), stdin=PASSWORD + "\n"
            ).returncode
            == codes.OK
        )
        shown = cli(env, "show")
        assert server.server in shown.stdout and "stored in the keyring" in shown.stdout
        data = json.loads(cli(env, "show", "--json").stdout)
        assert data["password_stored"] is True and data["settings"]["username"] == USER
        profile = tmp_path / "office.smtpgui.json"
        assert cli(env, "export", str(profile)).returncode == codes.OK
        assert_no_secret(profile.read_text(), shown.stdout)
        assert cli(env, "forget").returncode == codes.OK
        assert "No outgoing mail server is saved" in cli(env, "show").stdout
        wrong = cli(env, "import", str(profile), "--password-stdin", stdin="wrong\n")
        assert wrong.returncode == codes.AUTH
        assert "No outgoing mail server is saved" in cli(env, "show").stdout
        imported = cli(env, "import", str(profile), "--password-stdin", stdin=PASSWORD + "\n")
        assert imported.returncode == codes.OK, imported.stdout + imported.stderr
        assert server.server in cli(env, "show").stdout


@pytest.mark.parametrize(
    "content",
    ['{"kind": "smtpgui-profile", "version": 99, "settings": {}}', "not json", '{"kind": "other"}'],
)
def test_a_newer_or_malformed_profile_changes_nothing(env, tmp_path, content):
    profile = tmp_path / "p.json"
    profile.write_text(content)
    done = cli(env, "import", str(profile), "--password-stdin", stdin="x\n")
    assert done.returncode == codes.INVALID_INPUT
    assert "profile" in done.stderr
    assert not (tmp_path / "config" / "settings.json").exists()


def test_send_uses_the_saved_server_and_the_from_rule(env, starttls_server, ca_file):
    args = check_args(starttls_server.server, ca_file, "--save", "--from", "office@example.test")
    assert cli(env, *args, stdin=PASSWORD + "\n").returncode == codes.OK
    done = cli(
        env,
        "send",
        "--to",
        "customer@example.test",
        "--subject",
        "Invoice 42",
        stdin="Dear customer,\nplease find...\n",
    )
    assert done.returncode == codes.OK, done.stdout + done.stderr
    envelope = starttls_server.handler.envelopes[-1]
    assert envelope.mail_from == "office@example.test"
    assert envelope.rcpt_tos == ["customer@example.test"]
    body = envelope.content.decode()
    assert "Subject: Invoice 42" in body and "please find" in body


def test_readme_documents_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in codes.MEANINGS:
        assert f"| {code} |" in readme


def test_a_message_sent_but_never_confirmed_exits_uncertain(env, ca, ca_file):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with HostileServer(smtp_script({".": ""}, context=context)) as server:  # hangs up after "."
        server_arg = f"tls://127.0.0.1:{server.port}"
        text = cli(env, *check_args(server_arg, ca_file), stdin=PASSWORD + "\n")
        done = cli(env, *check_args(server_arg, ca_file, "--json"), stdin=PASSWORD + "\n")
    assert text.returncode == done.returncode == codes.UNCERTAIN, text.stdout + text.stderr
    assert "UNCERTAIN at DATA: The message may have been delivered" in text.stdout
    data = json.loads(done.stdout)
    assert (data["phase"], data["phase_state"], data["failure"]) == (
        "data",
        "uncertain",
        "unconfirmed",
    )
    assert data["diagnosis"]["id"] == "unconfirmed"

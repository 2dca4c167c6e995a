"""Issue 14 through the CLI: a client holding the loopback listener does not stop Ctrl-C, and a
sign-in service's or server's control characters are written out, never sent to the terminal."""

from __future__ import annotations

import re
import signal
import socket
import time

import pytest

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_oauth import Lines, oauth_args, start
from tests.helpers.cli_terminal import cli
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script


@pytest.fixture
def env(oauth_env):
    """This module's CLI signs in: the env without a browser or a proxy."""
    return oauth_env


def test_ctrl_c_ends_a_browser_sign_in_held_by_a_silent_client(
    env,
    auth_server,
    xoauth2_server,
    ca_file,
):
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "browser")
    process = start(env, *args)
    held: list[socket.socket] = []
    try:
        lines = Lines(process)
        url = lines.after("Opening the browser to sign in: ")
        match = re.search(r"redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A(\d+)", url)
        assert match
        held.append(socket.create_connection(("127.0.0.1", int(match.group(1)))))
        pressed = time.monotonic()
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == codes.CANCELLED, lines.rest()
        took = time.monotonic() - pressed
        assert took < 2  # the interpreter's own exit included; the sign-in ends within 0.1 s
    finally:
        for sock in held:
            sock.close()
        process.kill()
        process.wait()


def test_device_code_with_terminal_escapes_is_printed_written_out(
    env,
    auth_server,
    xoauth2_server,
    ca_file,
    monkeypatch,
):
    answer = {**auth_server.device(), "user_code": "AB\x1b]52;c;Zm9v\x07CD"}
    monkeypatch.setattr(auth_server, "device", lambda: answer)
    auth_server.device_answers = ["access_denied"]
    args = oauth_args(xoauth2_server, auth_server, ca_file, "--sign-in", "device")
    done = cli(env, *args)
    assert done.returncode == codes.AUTH
    assert "enter the code AB\\x1b]52;c;Zm9v\\x07CD" in done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr


def test_a_greeting_with_terminal_escapes_is_printed_written_out(env, ca_file):
    greeting = "554 \x1b[2J\x1b]52;c;Zm9v\x07 go away"
    with HostileServer(smtp_script({"greeting": greeting})) as server:
        args = ["check", "--server", f"127.0.0.1:{server.port}", "--auth", "none"]
        done = cli(env, *args, "--to", "a@b.example", "--timeout", "5")
    assert done.returncode == codes.GREETING
    printed = done.stdout + done.stderr
    assert "\\x1b[2J\\x1b]52;c;Zm9v\\x07 go away" in printed
    assert "\x1b" not in printed and "\x07" not in printed

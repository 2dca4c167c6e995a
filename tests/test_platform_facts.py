"""The smaller Windows facts of issue 13, each simulated on Linux (monkeypatch of the fact)."""

from __future__ import annotations

import ctypes
import os
import socket
import sys
import types

import pytest

from smtpgui.core import exit_codes as codes


class FakeWindll:
    """ctypes.windll of a process started from the GUI launcher outside any console."""

    def __init__(self, attach: bool) -> None:
        self.boxes: list[str] = []
        self.kernel32 = types.SimpleNamespace(AttachConsole=lambda _pid: int(attach))
        self.user32 = types.SimpleNamespace(MessageBoxW=self._box)

    def _box(self, _owner: object, text: str, _title: str, _flags: int) -> int:
        self.boxes.append(text)
        return 1


def no_console(monkeypatch) -> None:
    """pythonw / smtpgui.exe: no standard streams at all (set in the test itself: pytest's
    capture puts its own streams in place after the fixtures ran)."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


def test_check_from_the_gui_launcher_says_to_use_smtpgui_cli(monkeypatch):
    from smtpgui.app import main

    no_console(monkeypatch)

    windll = FakeWindll(attach=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    assert main(["check", "--server", "smtp.example.com"]) == codes.INVALID_INPUT
    assert len(windll.boxes) == 1 and "smtpgui-cli" in windll.boxes[0]


def test_no_console_elsewhere_ends_with_a_code_not_a_crash(monkeypatch):
    from smtpgui.cli import main

    no_console(monkeypatch)

    assert main(["show"]) == codes.INVALID_INPUT


def test_the_self_test_never_writes_to_a_missing_stderr(monkeypatch):
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from smtpgui.self_test import _quiet_offscreen, _say

    no_console(monkeypatch)

    _quiet_offscreen(QtMsgType.QtWarningMsg, QMessageLogContext(), "a Qt warning")
    _say("a line")


def test_settings_roam_with_the_password_on_windows(monkeypatch):
    import platformdirs

    from smtpgui.core.profile.store import CONFIG_DIR_ENV, config_dir

    asked: list[dict[str, object]] = []

    def user_config_dir(*args: object, **kwargs: object) -> str:
        asked.append(kwargs)
        return "C:\\Users\\office\\AppData\\Roaming\\smtpgui"

    monkeypatch.delenv(CONFIG_DIR_ENV)
    monkeypatch.setattr(platformdirs, "user_config_dir", user_config_dir)
    assert str(config_dir()).endswith("Roaming\\smtpgui")
    assert asked == [{"appauthor": False, "roaming": True}]


def test_winsock_errors_are_named(monkeypatch):
    """Windows: connect_ex gives Winsock codes, and os.strerror says "Unknown error" for them."""
    from smtpgui.core.smtp.connection import Interrupter

    real_strerror = os.strerror
    monkeypatch.setattr(
        os, "strerror", lambda code: "Unknown error" if code >= 10000 else real_strerror(code)
    )
    monkeypatch.setattr(socket.socket, "connect_ex", lambda _sock, _address: 10061)
    address = socket.getaddrinfo("127.0.0.1", 25, type=socket.SOCK_STREAM)[0]
    interrupter = Interrupter()
    with pytest.raises(OSError) as caught:
        interrupter.connect(address, 1.0)
    interrupter.close()
    assert (caught.value.errno, caught.value.strerror) == (10061, "Connection refused")

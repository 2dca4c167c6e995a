"""A settings file the window cannot use: a clear message, an empty form, the file kept."""

from __future__ import annotations

import os

import pytest

from smtpgui.core.profile.store import SettingsStore
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.keyring_records import stored_secret
from tests.helpers.servers import PASSWORD, USER

pytestmark = pytest.mark.gui

BAD = {
    "empty": b"",
    "truncated": b'{"version": 1, "server": "smtp.example.com", "recip',
    "not JSON": b"<settings/>",
    "wrong types": b'{"version": 1, "server": 25, "timeout": "fast"}',
}


def open_window(qtbot) -> SettingsWindow:
    win = SettingsWindow()
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("name", list(BAD))
def test_the_window_opens_with_an_empty_form_and_says_why(qtbot, name):
    store = SettingsStore()
    store.directory.mkdir(parents=True)
    store.path.write_bytes(BAD[name])
    win = open_window(qtbot)
    assert win.status.kind == "error"
    assert "could not be read" in win.status.title.text()
    assert "settings.json.broken" in win.status.text()
    assert win.form.server.text() == "" and win.form.recipient.text() == ""
    assert (store.directory / "settings.json.broken").read_bytes() == BAD[name]


def test_a_newer_file_is_named_and_left_alone(qtbot):
    """Issue 14: the newer smtpgui that wrote it must find it where it left it."""
    newer = b'{"version": 7, "server": "smtp.example.com"}'
    store = SettingsStore()
    store.directory.mkdir(parents=True)
    store.path.write_bytes(newer)
    win = open_window(qtbot)
    assert win.status.kind == "error"
    assert "newer smtpgui (format 7): update smtpgui" in win.status.text()
    assert win.form.server.text() == ""
    assert store.path.read_bytes() == newer
    assert [p.name for p in store.directory.iterdir()] == ["settings.json"]


def test_an_unreadable_file_is_named_and_the_window_still_opens(qtbot):
    store = SettingsStore()
    store.path.mkdir(parents=True)  # a folder where the file should be
    win = open_window(qtbot)
    assert "cannot be read" in win.status.text()
    assert win.form.server.text() == ""
    assert store.path.is_dir()


def test_saving_after_a_broken_file_keeps_what_was_kept_aside(
    qtbot, starttls_server, ca_file, isolated
):
    from tests.helpers.window import fill, run

    store = SettingsStore()
    store.directory.mkdir(parents=True)
    store.path.write_bytes(b"{ broken")
    win = open_window(qtbot)
    fill(win, starttls_server.server, ca_file)
    assert run(qtbot, win, "save").saved
    assert (store.directory / "settings.json.broken").read_bytes() == b"{ broken"
    assert store.load() is not None
    assert stored_secret(isolated, USER) == PASSWORD
    names = sorted(os.listdir(store.directory))
    assert names == ["settings.json", "settings.json.broken", "settings.json.lock"]

"""The window as the tests drive it: fill the form for a test server, press Test or Save."""

from __future__ import annotations

from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.profiles import OWN
from tests.helpers.servers import PASSWORD, USER


def fill(
    win: SettingsWindow, server: str, ca_file: str, password: str = PASSWORD, timeout: int = 5
) -> None:
    form = win.form
    form.server.clear()
    form.server.textEdited.emit("")  # as if typed: keeps the dropdown in sync
    form.server.setText(server)
    form.server.textEdited.emit(server)
    form.username.setText(USER)
    form.password.setText(password)
    form.recipient.setText(OWN)
    form.ca_file.setText(ca_file)
    form.timeout.setValue(timeout)
    form.show_all_errors()


def run(qtbot, win: SettingsWindow, action: str = "test", timeout: int = 10_000):
    with qtbot.waitSignal(win.outcome_ready, timeout=timeout) as blocker:
        getattr(win, action)()
    return blocker.args[0]

"""The window saving into a real Secret Service (gnome-keyring) and reading it back."""

from __future__ import annotations

import pytest

from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.keyring_records import stored_secret
from tests.helpers.real_keyring import real_secrets
from tests.helpers.servers import PASSWORD, USER
from tests.helpers.window import fill, run

pytestmark = [pytest.mark.gui, pytest.mark.secret_service]
__all__ = ["real_secrets"]  # a fixture, used by name


def test_the_window_saves_into_the_real_keyring_and_finds_it_again(
    qtbot, real_secrets, starttls_server, ca_file
):
    win = SettingsWindow(secrets=real_secrets)
    qtbot.addWidget(win)
    win.show()
    fill(win, starttls_server.server, ca_file)
    assert run(qtbot, win, "save").saved
    assert stored_secret(real_secrets._keyring(), USER, service=real_secrets.service) == PASSWORD
    again = SettingsWindow(secrets=real_secrets)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.password_state_known, timeout=10_000) as known:
        again.show()
    assert known.args == [True]

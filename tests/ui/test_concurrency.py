"""Save, Cancel and closing the window in quick succession, in every order.

The server holds the end of the message (DATA's final reply) until the test lets it go, so
every action lands while a Save is really in flight. Afterwards: no crash, no thread left
running, and a settings file only when an outcome said "saved" (never from a cancelled run).
"""

from __future__ import annotations

import itertools
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_scenarios import server_context
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.window import fill

pytestmark = pytest.mark.gui


class Held:
    """A scripted server whose reply to the end of the message waits for `release`."""

    def __init__(self, ca) -> None:
        self.release = threading.Event()
        self.seen: list[str] = []
        self.server = HostileServer(
            smtp_script(context=server_context(ca), hold={".": self.release}, seen=self.seen)
        )

    @property
    def address(self) -> str:
        return f"tls://127.0.0.1:{self.server.port}"

    def messages(self) -> int:
        return sum(1 for line in self.seen if line.upper() == "DATA")

    def close(self) -> None:
        self.release.set()
        self.server.close()


@pytest.fixture
def held(ca):
    server = Held(ca)
    yield server
    server.close()


class Watched:
    """The window, with every outcome it announced and every worker thread it started."""

    def __init__(self, qtbot, address: str, ca_file: str) -> None:
        self.window = SettingsWindow()
        qtbot.addWidget(self.window)
        self.window.show()
        fill(self.window, address, ca_file)
        self.outcomes: list[object] = []
        self.threads: list[object] = []
        self.window.outcome_ready.connect(self.outcomes.append)

    def act(self, action: str) -> None:
        getattr(self.window, action)()
        if self.window._run is not None and self.window._run._thread not in self.threads:
            self.threads.append(self.window._run._thread)  # keep the QThread for a last look

    def idle(self) -> bool:
        return not any(thread.isRunning() for thread in self.threads)


def stopped(result: ProbeResult) -> bool:
    """Cancelled; or, when Cancel came after the message was out, unconfirmed (RFC 1047)."""
    return result.cancelled or result.uncertain


def in_data(window: SettingsWindow) -> bool:
    return "354 " in window.log.toPlainText()


def test_double_clicking_save_runs_one_test(qtbot, starttls_server, ca_file):
    win = SettingsWindow()
    qtbot.addWidget(win)
    win.show()
    fill(win, starttls_server.server, ca_file)
    outcomes: list[object] = []
    win.outcome_ready.connect(outcomes.append)
    with qtbot.waitSignal(win.outcome_ready, timeout=10_000):
        qtbot.mouseDClick(win.save_button, Qt.MouseButton.LeftButton)
        win.save()  # and a third press, from the keyboard or a script
        qtbot.keyClick(win.form.recipient, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not win.is_running())
    QApplication.processEvents()
    assert len(outcomes) == 1 and outcomes[0].saved
    assert len(starttls_server.handler.envelopes) == 1


ORDERS = list(itertools.permutations(["close", "cancel", "save"]))


@pytest.mark.parametrize("events_between", [False, True], ids=["at-once", "events-between"])
@pytest.mark.parametrize("order", ORDERS, ids="-".join)
def test_close_cancel_and_save_in_any_order(qtbot, held, ca_file, order, events_between):
    watched = Watched(qtbot, held.address, ca_file)
    watched.act("save")
    qtbot.waitUntil(lambda: in_data(watched.window), timeout=10_000)
    for action in order:
        watched.act(action)
        if events_between:
            QApplication.processEvents()
    held.release.set()  # the server now accepts the message: too late for a cancelled run
    qtbot.waitUntil(watched.idle, timeout=10_000)
    QApplication.processEvents()
    # Every run was cancelled, by Cancel or by the close, so none saved; after the close no
    # Save starts a run; no thread is left (idle) and nothing crashed.
    assert all(stopped(o.result) and not o.saved for o in watched.outcomes)
    assert not SettingsStore().path.exists()
    assert len(watched.threads) <= 2
    if watched.outcomes:
        first = watched.outcomes[0].result
        assert first.phase is Phase.DATA or len(watched.threads) == 2
    if order.index("close") < order.index("save"):
        assert len(watched.threads) == 1
    assert not watched.window.isVisible()


def test_a_second_save_after_a_cancel_starts_afresh(qtbot, held, ca_file):
    watched = Watched(qtbot, held.address, ca_file)
    watched.act("save")
    qtbot.waitUntil(lambda: in_data(watched.window), timeout=10_000)
    with qtbot.waitSignal(watched.window.outcome_ready, timeout=5000) as cancelled:
        watched.act("cancel")
    # Cancelled after the final dot: the message is out, so the run says it may be delivered.
    assert cancelled.args[0].result.uncertain and not cancelled.args[0].saved
    held.release.set()
    with qtbot.waitSignal(watched.window.outcome_ready, timeout=10_000) as second:
        watched.act("save")
    assert second.args[0].saved
    assert held.messages() == 2  # the first one reached the server too, but was not saved on
    qtbot.waitUntil(watched.idle)


class StuckKeyring:
    """A keyring whose write waits, as one does while it asks the user to unlock it."""

    priority = 1

    def __init__(self) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.entered.set()
        self.release.wait(30)
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


def test_closing_while_the_keyring_is_stuck_neither_crashes_nor_leaves_a_thread(
    qtbot, starttls_server, ca_file
):
    from smtpgui.core.profile.secrets import SecretStore

    stuck = StuckKeyring()
    win = SettingsWindow(secrets=SecretStore(stuck))
    qtbot.addWidget(win)
    win.show()
    fill(win, starttls_server.server, ca_file)
    win.save()
    thread = win._run._thread
    assert stuck.entered.wait(10)  # the test passed; the save waits in the keyring
    win.close()
    # Cancel cannot stop a keyring write: the window waits for it rather than destroy its
    # thread (which would abort the process), and closes by itself when the save is over.
    assert thread.isRunning() and win.isVisible()
    win.save()  # closing: nothing new starts
    stuck.release.set()
    qtbot.waitUntil(lambda: not thread.isRunning() and not win.isVisible(), timeout=10_000)
    assert stuck.passwords and SettingsStore().path.exists()  # the save asked for is complete

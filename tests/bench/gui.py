"""The real window in this process: a heartbeat for event-loop stalls, and waiting for results.

Imports only what the window itself loads before its first paint, so that a fresh process
(first_test.py) sees the window's own lazy imports happen when Test is pressed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer

from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.ui.main_window import SettingsWindow
from tests.bench.account import OWN, PASSWORD, USER

if TYPE_CHECKING:
    from smtpgui.core.jobs import Outcome


class Heartbeat(QObject):
    """A 5 ms precise timer on the GUI thread; the longest gap between ticks is the worst stall."""

    def __init__(self, period_ms: int = 5) -> None:
        super().__init__()
        self._timer = QTimer(self, interval=period_ms, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """The longest gap in seconds, the one still open at the end included."""
        self._tick()
        self._timer.stop()
        return self.worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now


def open_window(config_dir: str, keyring: Any | None = None) -> SettingsWindow:
    """The window on an empty config folder; `keyring`: a backend (None: the system's, which
    nothing here uses: a Test with a typed password never reads the keyring)."""
    window = SettingsWindow(store=SettingsStore(Path(config_dir)), secrets=SecretStore(keyring))
    window.show()
    spin(0.2)  # shown and painted before anything is measured
    return window


def fill(
    window: SettingsWindow,
    server: str,
    ca_file: str = "",
    timeout: int = 10,
    auth: AuthMethod = AuthMethod.AUTO,
) -> None:
    settings = Settings(
        endpoints=parse_server(server),
        auth=auth,
        username=USER if auth is not AuthMethod.NONE else "",
        recipient=OWN,
        ca_file=ca_file,
        timeout=float(timeout),
    )
    window.form.load(settings)
    window.form.password.setText(PASSWORD)
    if window.form.settings() is None:
        raise RuntimeError(f"the form refused {settings}")


def spin(seconds: float) -> None:
    """Run the event loop for `seconds` (the window keeps painting)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def until(condition: Callable[[], bool], limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window never got there")
        spin(0.005)


class OutcomeWait:
    """Catches the next outcome_ready and the perf_counter() moment it was emitted."""

    def __init__(self, window: SettingsWindow) -> None:
        self._window = window
        self._loop = QEventLoop()
        self.outcome: Outcome | None = None
        self.at = 0.0
        window.outcome_ready.connect(self._done)

    def _done(self, outcome: Outcome) -> None:
        self.at = time.perf_counter()
        self.outcome = outcome
        self._loop.quit()

    def wait(self, limit: float) -> Outcome:
        if self.outcome is None:
            QTimer.singleShot(int(limit * 1000), self._loop.quit)
            self._loop.exec()
        self._window.outcome_ready.disconnect(self._done)
        if self.outcome is None:
            raise TimeoutError(f"no outcome within {limit} s")
        return self.outcome


def run_test(window: SettingsWindow, limit: float = 30.0) -> tuple[Outcome, float]:
    """Press Test; the outcome and the seconds from the press to outcome_ready."""
    waiter = OutcomeWait(window)
    started = time.perf_counter()
    window.test()
    outcome = waiter.wait(limit)
    return outcome, waiter.at - started

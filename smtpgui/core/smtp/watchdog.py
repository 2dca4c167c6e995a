"""Watchdog: one thread that enforces a probe's step deadlines.

A threading.Timer per step cost a thread start for each of the dozen steps of a test, which
on a busy machine made the probe several times slower than plain smtplib. One thread sleeps
until the armed deadline. Arming wakes it only for a deadline earlier than the one it sleeps
until, and disarming never does: a batch arms and disarms three steps per message, and waking
the thread each time cost a GIL hand-over apiece (issue 20). Woken at a deadline that was
disarmed or moved later, it looks again and goes back to sleep.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class Watchdog:
    """Calls `action` once if a deadline passes before `disarm()`; thread-safe."""

    def __init__(self) -> None:
        # Armed and disarmed under the plain lock (a C call), waited on through the condition:
        # `with` on a Condition is two Python calls more, six times a batch's message.
        self._lock = threading.Lock()
        self._condition = threading.Condition(self._lock)
        self._deadline: float | None = None
        self._action: Callable[[], None] | None = None
        self._stopped = False
        self._thread: threading.Thread | None = None
        self._sleeping_until = math.inf  # when the thread wakes on its own (inf: never)

    def arm(self, seconds: float, action: Callable[[], None]) -> None:
        with self._lock:
            self._deadline = time.monotonic() + seconds
            self._action = action
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._watch, name="smtpgui-watchdog", daemon=True
                )
                self._thread.start()
            elif self._deadline < self._sleeping_until:
                self._condition.notify()

    def disarm(self) -> None:
        with self._lock:  # no wake-up: at its time the thread finds nothing armed
            self._deadline = self._action = None

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._deadline = self._action = None
            self._condition.notify()

    def _watch(self) -> None:
        while True:
            with self._lock:
                action = self._wait_for_expiry()
                if action is None:
                    return
            action()  # outside the lock: the action takes other locks (the probe's)

    def _wait_for_expiry(self) -> Callable[[], None] | None:
        """Block until a deadline passes (its action, now disarmed) or stop() (None)."""
        while not self._stopped:
            if self._deadline is None:
                self._sleep(math.inf)
                continue
            remaining = self._deadline - time.monotonic()
            if remaining > 0:
                self._sleep(self._deadline)
                continue
            action, self._deadline, self._action = self._action, None, None
            if action is not None:
                return action
        return None

    def _sleep(self, until: float) -> None:
        """Wait, lock released, until `until` (time.monotonic(); inf: forever) or a notify."""
        self._sleeping_until = until
        self._condition.wait(None if until == math.inf else until - time.monotonic())
        self._sleeping_until = -math.inf  # awake: arm() need not notify

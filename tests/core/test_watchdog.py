"""The watchdog fires once after its deadline, never after disarm, and stops its thread."""

from __future__ import annotations

import threading
import time

from smtpgui.core.smtp.watchdog import Watchdog


def test_fires_after_the_deadline():
    fired = threading.Event()
    dog = Watchdog()
    started = time.monotonic()
    dog.arm(0.2, fired.set)
    assert fired.wait(2)
    assert 0.19 <= time.monotonic() - started < 1.0
    dog.stop()


def test_disarm_and_rearm_reuse_one_thread():
    fired = threading.Event()
    dog = Watchdog()
    before = threading.active_count()
    for _ in range(50):
        dog.arm(5, fired.set)
        dog.disarm()
    assert threading.active_count() <= before + 1
    dog.arm(0.05, fired.set)
    assert fired.wait(2)
    dog.stop()
    dog._thread.join(2)
    assert not dog._thread.is_alive()


def test_a_disarmed_deadline_never_fires():
    fired = threading.Event()
    dog = Watchdog()
    dog.arm(0.1, fired.set)
    dog.disarm()
    assert not fired.wait(0.3)
    dog.stop()


def test_a_later_deadline_is_kept_and_not_fired_at_the_earlier_one():
    """Arming a later deadline does not wake the thread: woken at the earlier one, it must find
    the new deadline and sleep on until it."""
    fired_at: list[float] = []
    done = threading.Event()

    def fire() -> None:
        fired_at.append(time.monotonic())
        done.set()

    dog = Watchdog()
    started = time.monotonic()
    dog.arm(0.1, fire)
    dog.arm(0.6, fire)  # later: the thread sleeps on towards 0.1 s
    assert done.wait(3)
    assert len(fired_at) == 1 and fired_at[0] - started >= 0.59
    dog.stop()

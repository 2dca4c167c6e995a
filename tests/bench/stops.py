"""Cancel latency (press to idle) and timeout accuracy, through the real window."""

from __future__ import annotations

import time

from smtpgui.core.smtp.result import Failure
from smtpgui.ui.main_window import SettingsWindow
from tests.bench.gui import OutcomeWait, fill, run_test, spin, until
from tests.bench.table import Row, sample
from tests.helpers.hostile import FullBacklogServer
from tests.helpers.servers import SilentServer

CANCEL_TARGET = 0.100
TIMEOUT = 2
TIMEOUT_SLACK = 0.5


def cancel_latency(window: SettingsWindow, seen: str) -> float:
    """Press Test, wait until the log shows `seen` and 100 ms more, press Cancel.

    Returns the seconds from cancel() to outcome_ready (the window idle again).
    """
    waiter = OutcomeWait(window)
    window.test()
    until(lambda: seen in window.log.toPlainText())
    spin(0.1)  # well inside the blocking wait (connect, or the TLS handshake)
    pressed = time.perf_counter()
    window.cancel()
    outcome = waiter.wait(5)
    if outcome.result.failure is not Failure.CANCELLED:
        raise RuntimeError(f"cancel ended in {outcome.result.failure}")
    spin(0.05)
    return waiter.at - pressed


def measure_cancel(window: SettingsWindow, runs: int) -> list[Row]:
    rows = []
    with FullBacklogServer() as hole:
        fill(window, f"127.0.0.1:{hole.port}", timeout=60)
        found = [cancel_latency(window, "Connecting to") for _ in range(runs)]
        rows.append(_cancel_row("connect to a black hole (SYNs dropped)", found))
    silent = SilentServer()
    try:
        fill(window, f"ssl://127.0.0.1:{silent.port}", timeout=60)
        found = [cancel_latency(window, "Connected to") for _ in range(runs)]
        rows.append(_cancel_row("TLS handshake stall (ssl://, server never answers)", found))
    finally:
        silent.close()
    return rows


def _cancel_row(where: str, found: list[float]) -> Row:
    latency = sample(found)
    return Row(
        f"Cancel latency (cancel() to outcome_ready): {where}",
        latency.show("ms", digits=1),
        "",
        f"worst {latency.high * 1000:.1f} ms",
        "< 100 ms",
        latency.median < CANCEL_TARGET,
    )


def measure_timeout(window: SettingsWindow, runs: int) -> list[Row]:
    rows = []
    with FullBacklogServer() as hole:
        rows.append(_timeout_row(window, f"127.0.0.1:{hole.port}", "connect never answered", runs))
    silent = SilentServer()
    try:
        where = "connected, greeting never sent"
        rows.append(_timeout_row(window, f"127.0.0.1:{silent.port}", where, runs))
    finally:
        silent.close()
    return rows


def _timeout_row(window: SettingsWindow, server: str, where: str, runs: int) -> Row:
    fill(window, server, timeout=TIMEOUT)
    found = []
    for _ in range(runs):
        outcome, elapsed = run_test(window)
        if outcome.result.failure is not Failure.TIMEOUT:
            raise RuntimeError(f"the black hole ended in {outcome.result.failure}")
        found.append(elapsed)
        spin(0.05)
    times = sample(found)
    return Row(
        f"Timeout accuracy, T = {TIMEOUT} s: {where} (Test to failure shown)",
        times.show("s", 1, 3),
        "",
        f"{(times.low - TIMEOUT) * 1000:+.0f} to {(times.high - TIMEOUT) * 1000:+.0f} ms",
        f"T to T + {TIMEOUT_SLACK:g} s",
        times.low >= TIMEOUT and times.high <= TIMEOUT + TIMEOUT_SLACK,
    )

"""Responsiveness: the longest stall of the window's event loop while a test runs."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

from smtpgui.core.smtp.result import Failure
from smtpgui.ui.main_window import SettingsWindow
from tests.bench.gui import Heartbeat, fill, run_test, spin
from tests.bench.remote import ROOT, ServerSpec, server_process
from tests.bench.startup import child_environment
from tests.bench.table import Row, sample
from tests.helpers.hostile import FullBacklogServer

FRAME = 0.016  # one frame at 60 Hz
BLACK_HOLE_TIMEOUT = 2


def stall_during_test(window: SettingsWindow, beat: Heartbeat) -> tuple[float, bool]:
    """(longest gap between heartbeats from the press of Test to the outcome, test passed)."""
    beat.start()
    outcome, _ = run_test(window)
    worst = beat.stop()
    spin(0.05)  # let the last repaint happen outside the next measurement
    return worst, outcome.result.ok


def measure(window: SettingsWindow, runs: int, slow_runs: int) -> list[Row]:
    beat = Heartbeat()
    rows = []
    idle = []
    for _ in range(3):  # the floor: the same loop with nothing to do
        beat.start()
        spin(0.3)
        idle.append(beat.stop())
    with server_process(ServerSpec(), ServerSpec(reply_delay=0.2)) as servers:
        fast, slow = servers.ports
        rows.append(first_test(f"tls://127.0.0.1:{fast}", servers.ca_file, slow_runs, idle))
        for label, port, count in (
            ("fast loopback server", fast, runs),
            ("server answering every reply 200 ms late", slow, slow_runs),
        ):
            fill(window, f"tls://127.0.0.1:{port}", servers.ca_file)
            found = [stall_during_test(window, beat) for _ in range(count)]
            if not all(ok for _, ok in found):
                raise RuntimeError(f"a test against the {label} failed")
            rows.append(_row(f"Longest event-loop stall: test against a {label}", found, idle))
    with FullBacklogServer() as hole:
        fill(window, f"127.0.0.1:{hole.port}", timeout=BLACK_HOLE_TIMEOUT)
        found = []
        for _ in range(slow_runs):
            beat.start()
            outcome, _ = run_test(window)
            found.append((beat.stop(), outcome.result.failure is Failure.TIMEOUT))
            spin(0.05)
        if not all(timed_out for _, timed_out in found):
            raise RuntimeError("the black hole did not time out")
        label = f"black hole (connect never answered) until the {BLACK_HOLE_TIMEOUT} s timeout"
        rows.append(_row(f"Longest event-loop stall: {label}", found, idle))
    return rows


def first_test(server: str, ca_file: str, runs: int, idle: list[float]) -> Row:
    """The first Test in a fresh process, where the window's lazy imports happen."""
    found = []
    loaded = 0
    with tempfile.TemporaryDirectory() as config:
        env = child_environment(config)
        command = [sys.executable, "-m", "tests.bench.first_test_child", server, ca_file]
        for index in range(runs + 1):
            done = subprocess.run(
                command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
            )
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            if not lines:
                raise RuntimeError(f"the first-test child failed: {done.stderr[-800:]}")
            report = json.loads(lines[-1])
            if index:  # the first launch only fills the bytecode cache
                found.append((report["worst"], report["ok"]))
                loaded = report["loaded"]
    if not all(ok for _, ok in found):
        raise RuntimeError("a first test failed")
    label = f"first Test after start-up, fast server (fresh process; {loaded} modules load)"
    return _row(f"Longest event-loop stall: {label}", found, idle)


def _row(measure: str, found: list[tuple[float, bool]], idle: list[float]) -> Row:
    stalls = sample(worst for worst, _ in found)
    return Row(
        measure,
        stalls.show("ms", digits=1),
        f"{sample(idle).show('ms', digits=1)} idle",
        f"worst {stalls.high * 1000:.1f} ms",
        "median < 16 ms",
        stalls.median < FRAME,
    )

"""The window keeps painting and answering while a hostile server drips, floods or stalls."""

from __future__ import annotations

import itertools
import time

import pytest
from PySide6.QtCore import QTimer

from smtpgui.core.smtp.result import Failure
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_scenarios import SCENARIOS, Kit, server_context
from tests.helpers.window import fill

pytestmark = pytest.mark.gui
CHOSEN = ("one byte per second", "8 MiB EHLO reply", "TLS handshake stalls (STARTTLS)")
# A 10 ms timer on an idle machine ticks every 10 ms; a GUI thread blocked by the probe would
# show gaps of seconds. 250 ms leaves room for a busy CI machine and still catches a block.
LONGEST_GAP = 0.25


@pytest.mark.parametrize(
    "scenario", [s for s in SCENARIOS if s.name in CHOSEN], ids=lambda s: s.name
)
def test_a_heartbeat_keeps_beating_during_a_hostile_run(qtbot, ca, ca_file, scenario):
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    with HostileServer(scenario.behaviour(Kit(server_context(ca)))) as server:
        fill(window, f"{scenario.prefix}127.0.0.1:{server.port}", ca_file)
        window.form.timeout.setValue(int(scenario.timeout))
        beats: list[float] = []
        heartbeat = QTimer(window, interval=10)
        heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
        heartbeat.start()
        with qtbot.waitSignal(window.outcome_ready, timeout=10_000) as finished:
            window.test()
        heartbeat.stop()
    result = finished.args[0].result
    assert (result.phase, result.failure) == (scenario.phase, scenario.failure)
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)] or [0.0]
    assert max(gaps) < LONGEST_GAP, f"longest gap {max(gaps):.3f} s"
    assert window.status.kind == "error" and window.test_button.isEnabled()
    if result.failure is Failure.TIMEOUT:
        assert len(beats) * 0.01 > scenario.timeout / 2  # it beat through the whole wait

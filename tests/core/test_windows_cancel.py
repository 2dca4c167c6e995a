"""Cancel and the time limits on Windows, simulated on Linux.

The platform fact: on Windows, shutdown() of a socket returns fine but does not wake a recv()
or a TLS handshake blocked on it in another thread; they wait out the socket's time limit. The
simulation makes socket.socket.shutdown do nothing, then presses Cancel on every server that
stalls (and lets the total limit run out on one slow at every step): each must still end at
once, through the wake-up socket the reads and handshakes wait on.
"""

from __future__ import annotations

import socket
import threading
import time
import types

import pytest

from smtpgui.core.smtp.phases import Phase, PhaseChange
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult
from tests.helpers.certificates import leaf_from
from tests.helpers.detection import assert_cancel_stops_every_port_against_silent_servers
from tests.helpers.hostile import RefuseThenHang
from tests.helpers.hostile_scenarios import (
    SCENARIOS,
    assert_a_slow_server_ends_within_its_total_budget,
    run_save,
)
from tests.helpers.probe import client_hello_arrived
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD

CANCEL_WITHIN = 0.1  # seconds from cancel() to the result


@pytest.fixture(autouse=True)
def shutdown_wakes_nothing(monkeypatch):
    """Windows: shutdown() succeeds, and the blocked recv() or handshake goes on waiting."""
    monkeypatch.setattr(socket.socket, "shutdown", lambda _sock, _how: None)


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s.blocks], ids=str)
def test_cancel_ends_a_stalled_step_at_once(scenario, ca, ca_file, tmp_path):
    run = run_save(scenario, ca, ca_file, tmp_path, cancel_when_stalled=True)
    result = run.outcome.result
    assert (result.phase, result.failure) == (scenario.phase, Failure.CANCELLED), result
    assert run.seconds < CANCEL_WITHIN, f"{run.seconds * 1000:.0f} ms"


def test_cancel_ends_a_wait_for_the_greeting_at_once(silent_server, ca_file):
    settings = settings_for(f"127.0.0.1:{silent_server.port}", ca_file, timeout=30.0)
    greeting = threading.Event()

    def callback(event: object) -> None:
        if isinstance(event, PhaseChange) and event.phase is Phase.GREETING:
            greeting.set()

    probe = SmtpProbe(settings, PASSWORD, None, callback)
    results: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: results.append(probe.run()))
    thread.start()
    assert greeting.wait(5) and silent_server.connected.wait(5)
    pressed = time.monotonic()
    probe.cancel()
    thread.join(5)
    took = time.monotonic() - pressed
    assert not thread.is_alive()
    assert took < CANCEL_WITHIN, f"{took * 1000:.0f} ms"
    assert results[0].cancelled and results[0].phase is Phase.GREETING


def test_the_total_limit_still_ends_a_server_slow_at_every_step(ca_file):
    assert_a_slow_server_ends_within_its_total_budget(ca_file)


def test_detect_cancel_stops_every_port_at_once():
    assert_cancel_stops_every_port_against_silent_servers()


@pytest.fixture
def refuse_then_hang(ca):
    server = RefuseThenHang(leaf_from(ca.issue_cert("127.0.0.1", "localhost")))
    yield server
    server.close()


def test_cancel_ends_the_second_look_at_a_refused_certificate(refuse_then_hang):
    """The handshake of the connection that fetches a refused certificate, stalled."""
    settings = settings_for(f"ssl://127.0.0.1:{refuse_then_hang.port}", "", timeout=30.0)
    probe = SmtpProbe(settings, PASSWORD, None, lambda _event: None)
    results: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: results.append(probe.run()))
    thread.start()
    held = types.SimpleNamespace(accepted=refuse_then_hang.held)
    assert client_hello_arrived(held)  # the second handshake now waits for a ServerHello
    pressed = time.monotonic()
    probe.cancel()
    thread.join(40)
    took = time.monotonic() - pressed
    assert took < CANCEL_WITHIN, f"{took * 1000:.0f} ms"
    assert results[0].failure is Failure.CERTIFICATE  # what was found before Cancel stands

"""Every hostile server of issue 5 against a real Save: in time, bounded, named, nothing saved.

Cancel is pressed at the start of every phase each scenario goes through (the worker waits for
it, so the timing is certain), and again while each stalling server stalls.
"""

from __future__ import annotations

import pytest

from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.smtp.client import MAX_LINE_BYTES, MAX_REPLY_BYTES
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.helpers.hostile_scenarios import (
    SCENARIOS,
    assert_a_slow_server_ends_within_its_total_budget,
    phases_until,
    run_save,
)

# The reply buffer is bounded by MAX_REPLY_BYTES + MAX_LINE_BYTES (smtp_client); the rest of
# the peak is the conversation itself (TLS, the transcript) and the hostile server's own chunk.
MEMORY_BOUND = 1024 * 1024
CANCEL_WITHIN = 0.5


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_the_probe_ends_in_time_with_phase_and_cause_and_saves_nothing(
    scenario, ca, ca_file, tmp_path
):
    run = run_save(scenario, ca, ca_file, tmp_path, measure_memory=True)
    result = run.outcome.result
    assert (result.phase, result.failure) == (scenario.phase, scenario.failure), result
    if scenario.code is not None:
        assert result.code == scenario.code
    assert run.seconds < scenario.timeout + 1.0
    assert run.peak < MEMORY_BOUND, f"{run.peak} bytes"
    assert not run.outcome.saved and not run.saved_anything
    diagnosis = diagnose(result)
    assert diagnosis is not None and diagnosis.title
    errors = [
        e.text
        for e in run.events
        if isinstance(e, TranscriptLine) and e.direction is Direction.ERROR
    ]
    assert errors and errors[-1].startswith(f"{scenario.phase.value.upper()} failed: ")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=str)
def test_cancel_works_at_every_phase(scenario, ca, ca_file, tmp_path):
    for phase in phases_until(scenario):
        run = run_save(scenario, ca, ca_file, tmp_path, cancel_at=phase)
        result = run.outcome.result
        assert (result.phase, result.failure) == (phase, Failure.CANCELLED), result
        assert run.seconds < CANCEL_WITHIN, f"{phase}: {run.seconds:.3f} s"
        assert not run.outcome.saved and not run.saved_anything


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s.blocks], ids=str)
def test_cancel_breaks_a_stalling_server_at_once(scenario, ca, ca_file, tmp_path):
    run = run_save(scenario, ca, ca_file, tmp_path, cancel_when_stalled=True)
    result = run.outcome.result
    assert (result.phase, result.failure) == (scenario.phase, Failure.CANCELLED), result
    assert run.seconds < CANCEL_WITHIN
    assert not run.saved_anything


def test_the_reply_limits_are_documented_numbers():
    assert MAX_LINE_BYTES == 8192 and MAX_REPLY_BYTES == 64 * 1024


def test_a_server_slow_at_every_step_ends_within_its_total_budget(ca_file):
    assert_a_slow_server_ends_within_its_total_budget(ca_file)

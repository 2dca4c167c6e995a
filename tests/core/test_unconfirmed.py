"""A message sent in full and never confirmed: uncertain, never sent again (RFC 1047)."""

from __future__ import annotations

import ssl
import threading

import trustme

from smtpgui.cli.output import format_diagnosis, outcome_json
from smtpgui.core import exit_codes
from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.jobs import Outcome
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, smtp_server


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


def probe(server: str, ca_file: str) -> tuple[ProbeResult, list[object]]:
    settings = settings_for(server, ca_file, timeout=1.0)
    message = build_test_message(
        own_address=settings.recipient, forced_from="", subject="smtpgui test", body="Hi."
    )
    events: list[object] = []
    return SmtpProbe(settings, PASSWORD, message, events.append).run(), events


def data_states(events: list[object]) -> list[PhaseState]:
    return [e.state for e in events if isinstance(e, PhaseChange) and e.phase is Phase.DATA]


def test_silence_after_the_final_dot_is_uncertain_not_failed(ca, ca_file):
    released = threading.Event()
    behaviour = smtp_script(context=server_context(ca), hold={".": released})
    try:
        with HostileServer(behaviour) as server:
            result, events = probe(f"tls://127.0.0.1:{server.port}", ca_file)
    finally:
        released.set()
    assert (result.phase, result.failure) == (Phase.DATA, Failure.UNCONFIRMED)
    assert result.uncertain
    assert data_states(events) == [PhaseState.RUNNING, PhaseState.UNCERTAIN]
    assert exit_codes.exit_code(result) == exit_codes.UNCERTAIN
    found = diagnose(result)
    assert found is not None and found.id == "unconfirmed"
    assert format_diagnosis(found, result).startswith("UNCERTAIN at DATA: The message may have")
    data = outcome_json(Outcome(result), [], exit_codes.exit_code(result))
    assert (data["phase"], data["phase_state"], data["failure"]) == (
        "data",
        "uncertain",
        "unconfirmed",
    )


def test_a_refusal_after_the_final_dot_is_still_a_failure(ca, ca_file):
    behaviour = smtp_script({".": "554 5.6.0 Message content rejected"}, context=server_context(ca))
    with HostileServer(behaviour) as server:
        result, events = probe(f"tls://127.0.0.1:{server.port}", ca_file)
    assert (result.failure, result.code, result.uncertain) == (Failure.REPLY, 554, False)
    assert data_states(events) == [PhaseState.RUNNING, PhaseState.FAILED]
    assert outcome_json(Outcome(result), [], 18)["phase_state"] == "failed"


def test_a_backup_server_never_gets_a_message_the_first_may_have_delivered(ca, ca_file):
    behaviour = smtp_script({".": ""}, context=server_context(ca))  # hang up after the dot
    with HostileServer(behaviour) as first, smtp_server(ca, "starttls") as backup:
        result, events = probe(f"tls://127.0.0.1:{first.port};{backup.server}", ca_file)
        assert backup.handler.envelopes == []
    assert result.uncertain and result.endpoint and result.endpoint.port == first.port
    log = "\n".join(e.text for e in events if isinstance(e, TranscriptLine))
    assert "Trying backup server" not in log


def test_cancel_after_the_final_dot_is_uncertain_too(ca, ca_file):
    dot_arrived, released = threading.Event(), threading.Event()

    def after_the_dot(_line: str) -> str:
        dot_arrived.set()
        released.wait(10)
        return "250 2.0.0 Ok: queued"

    behaviour = smtp_script({".": after_the_dot}, context=server_context(ca))
    with HostileServer(behaviour) as server:
        settings = settings_for(f"tls://127.0.0.1:{server.port}", ca_file, timeout=30.0)
        message = build_test_message(
            own_address=settings.recipient, forced_from="", subject="smtpgui test", body="Hi."
        )
        running = SmtpProbe(settings, PASSWORD, message, lambda event: None)
        results: list[ProbeResult] = []
        thread = threading.Thread(target=lambda: results.append(running.run()))
        thread.start()
        try:
            assert dot_arrived.wait(10)
            running.cancel()  # the Cancel path breaks the socket: the message is out all the same
            thread.join(5)
        finally:
            released.set()
    assert not thread.is_alive()
    assert (results[0].failure, results[0].phase) == (Failure.UNCONFIRMED, Phase.DATA)
    assert exit_codes.exit_code(results[0]) == exit_codes.UNCERTAIN

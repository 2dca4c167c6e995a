"""The probe against real aiosmtpd servers on 127.0.0.1, with real TLS."""

from __future__ import annotations

import base64
import threading
import time

import pytest

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import Security, parse_server
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult
from tests.helpers.probe import client_hello_arrived, client_lines_starting, run, transcript
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, USER, Recorder, StallAfterStarttls, smtp_server

OWN = "admin@example.test"


@pytest.mark.parametrize("fixture", ["starttls_server", "tls_server"])
def test_success_over_tls_delivers_a_real_message(request, fixture, ca_file):
    server = request.getfixturevalue(fixture)
    result, lines, phases = run(settings_for(server.server, ca_file))
    assert result.ok, result
    assert result.tls is not None and result.tls.version.startswith("TLSv1.")
    assert result.auth_mechanism == "PLAIN"
    [envelope] = server.handler.envelopes
    assert envelope.mail_from == OWN and envelope.rcpt_tos == [OWN]
    body = envelope.content.decode()
    for header in ("From: admin@example.test", "To: admin@example.test", "Date: ", "Message-ID: <"):
        assert header in body
    assert result.message_id in body
    passed = [p.phase for p in phases if p.state is PhaseState.PASSED]
    assert passed[-4:] == [Phase.MAIL, Phase.RCPT, Phase.DATA, Phase.QUIT]
    assert [ln.elapsed_ms for ln in lines] == sorted(ln.elapsed_ms for ln in lines)


def test_success_in_plain_without_auth(plain_server, ca_file):
    result, _, phases = run(settings_for(plain_server.server, ca_file, auth=AuthMethod.NONE))
    assert result.ok, result
    assert result.tls is None
    skipped = {p.phase for p in phases if p.state is PhaseState.SKIPPED}
    assert {Phase.TLS, Phase.STARTTLS, Phase.EHLO_TLS, Phase.AUTH} <= skipped
    assert len(plain_server.handler.envelopes) == 1


def test_forced_from_goes_out_from_it_with_reply_to_the_admin(starttls_server, ca_file):
    forced = "Office <office@example.test>"
    result, _, _ = run(settings_for(starttls_server.server, ca_file, from_address=forced))
    assert result.ok, result
    [envelope] = starttls_server.handler.envelopes
    assert envelope.mail_from == "office@example.test"
    body = envelope.content.decode()
    assert "From: Office <office@example.test>" in body
    assert f"Reply-To: {OWN}" in body


@pytest.mark.parametrize("mechanism", [AuthMethod.PLAIN, AuthMethod.LOGIN, AuthMethod.CRAM_MD5])
def test_each_mechanism_logs_in_with_a_non_ascii_password(starttls_server, ca_file, mechanism):
    result, lines, _ = run(settings_for(starttls_server.server, ca_file, auth=mechanism))
    assert result.ok, result
    assert result.auth_mechanism == mechanism.upper()
    assert_no_secret(transcript(lines) + repr(result))


def test_wrong_password_fails_at_auth_with_the_servers_reply(starttls_server, ca_file):
    result, lines, _ = run(settings_for(starttls_server.server, ca_file), password="wrong-one")
    assert not result.ok
    assert (result.phase, result.failure, result.code) == (Phase.AUTH, Failure.REPLY, 535)
    assert result.enhanced == "5.7.8"
    assert starttls_server.handler.envelopes == []
    assert "wrong-one" not in transcript(lines)


def test_sender_rejected_is_reported_at_mail_from(ca, ca_file):
    reply = "553 5.7.1 <office@example.test>: Sender address rejected: not owned by user"
    with smtp_server(ca, "starttls", Recorder(reject_mail=reply)) as server:
        result, _, _ = run(settings_for(server.server, ca_file, from_address="office@example.test"))
    assert (result.phase, result.code, result.enhanced) == (Phase.MAIL, 553, "5.7.1")
    assert "not owned by user" in result.server_text


def test_relay_denied_is_reported_at_rcpt_to(ca, ca_file):
    with smtp_server(ca, "starttls", Recorder(reject_rcpt="554 5.7.1 Relay access denied")) as s:
        result, _, _ = run(settings_for(s.server, ca_file))
    assert (result.phase, result.code, result.enhanced) == (Phase.RCPT, 554, "5.7.1")


def test_starttls_chosen_but_not_offered_is_a_failure_not_a_downgrade(plain_server, ca_file):
    server = f"tls://127.0.0.1:{plain_server.port}"
    result, lines, _ = run(settings_for(server, ca_file))
    assert (result.phase, result.failure) == (Phase.STARTTLS, Failure.NO_STARTTLS)
    assert not client_lines_starting(lines, "AUTH")
    assert plain_server.handler.envelopes == []


def test_no_password_over_an_unencrypted_connection_unless_allowed(ca, ca_file):
    with smtp_server(ca, "plain") as server:  # offers AUTH without TLS
        refused, lines, _ = run(settings_for(server.server, ca_file))
        allowed, _, _ = run(settings_for(server.server, ca_file, allow_insecure_auth=True))
    assert (refused.phase, refused.failure) == (Phase.AUTH, Failure.INSECURE_AUTH)
    assert not client_lines_starting(lines, "AUTH")
    assert allowed.ok, allowed
    assert allowed.auth_mechanism == "CRAM-MD5"  # in the clear: the one that hides the password


def test_untrusted_certificate_fails_at_tls(starttls_server):
    result, _, _ = run(settings_for(starttls_server.server, ""))  # system CAs only
    assert (result.phase, result.failure) == (Phase.STARTTLS, Failure.CERTIFICATE)
    assert "certificate" in result.detail


def test_implicit_tls_against_a_starttls_port_is_a_tls_failure(starttls_server, ca_file):
    result, _, _ = run(settings_for(f"ssl://127.0.0.1:{starttls_server.port}", ca_file))
    assert (result.phase, result.failure) == (Phase.TLS, Failure.TLS)


def test_silent_server_times_out_within_the_limit(silent_server, ca_file):
    settings = settings_for(f"127.0.0.1:{silent_server.port}", ca_file, timeout=1.0)
    started = time.monotonic()
    result, _, _ = run(settings)
    took = time.monotonic() - started
    assert (result.phase, result.failure) == (Phase.GREETING, Failure.TIMEOUT)
    assert 1.0 <= took < 2.5


def test_connection_refused_then_backup_host_succeeds(starttls_server, ca_file):
    from tests.helpers.servers import free_port

    dead = free_port()
    server = f"tls://127.0.0.1:{dead};{starttls_server.server}"
    result, lines, _ = run(settings_for(server, ca_file))
    assert result.ok, result
    assert result.endpoint == parse_server(starttls_server.server)[0]
    assert any("backup" in ln.text for ln in lines)


def test_only_refused_hosts_report_refused(ca_file):
    from tests.helpers.servers import free_port

    result, _, _ = run(settings_for(f"127.0.0.1:{free_port()}", ca_file, auth=AuthMethod.NONE))
    assert (result.phase, result.failure) == (Phase.CONNECT, Failure.REFUSED)


def test_cancel_breaks_a_silent_server_at_once(silent_server, ca_file):
    settings = settings_for(f"127.0.0.1:{silent_server.port}", ca_file, timeout=30.0)
    greeting = threading.Event()
    probe = SmtpProbe(
        settings,
        PASSWORD,
        None,
        lambda e: isinstance(e, PhaseChange) and e.phase is Phase.GREETING and greeting.set(),
    )
    results: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: results.append(probe.run()))
    thread.start()
    assert greeting.wait(5)
    pressed = time.monotonic()
    probe.cancel()
    thread.join(5)
    assert not thread.is_alive()
    assert time.monotonic() - pressed < 0.5
    assert results[0].cancelled and results[0].phase is Phase.GREETING


def test_no_send_stops_after_auth(starttls_server, ca_file):
    result, _, phases = run(settings_for(starttls_server.server, ca_file), send=False)
    assert result.ok
    assert starttls_server.handler.envelopes == []
    assert {p.phase for p in phases if p.state is PhaseState.SKIPPED} >= {Phase.MAIL, Phase.DATA}


def test_security_is_taken_from_the_prefix():
    [endpoint] = parse_server("ssl://smtp.example.com")
    assert (endpoint.security, endpoint.port) == (Security.TLS, 465)


def assert_no_secret(text: str) -> None:
    raw = PASSWORD.encode()
    forms = {
        PASSWORD,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + USER.encode() + b"\0" + raw).decode(),
    }
    for form in forms:
        assert form not in text


def test_a_backup_server_is_tried_after_the_first_one_timed_out(
    silent_server, starttls_server, ca_file
):
    server = f"127.0.0.1:{silent_server.port};{starttls_server.server}"
    result, lines, _ = run(settings_for(server, ca_file, timeout=1.0, allow_insecure_auth=False))
    assert result.ok, result
    assert result.endpoint == parse_server(starttls_server.server)[0]
    assert any("TIMEOUT" in ln.text or "GREETING failed" in ln.text for ln in lines)


def test_cancel_breaks_a_stalled_tls_handshake_at_once(silent_server, ca_file):
    # The silent server accepts TCP and never answers the ClientHello.
    settings = settings_for(f"ssl://127.0.0.1:{silent_server.port}", ca_file, timeout=30.0)
    handshaking = threading.Event()
    probe = SmtpProbe(
        settings,
        PASSWORD,
        None,
        lambda e: (
            isinstance(e, PhaseChange)
            and e.phase is Phase.TLS
            and e.state is PhaseState.RUNNING
            and handshaking.set()
        ),
    )
    results: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: results.append(probe.run()))
    thread.start()
    assert handshaking.wait(5)
    assert client_hello_arrived(silent_server)  # the client now blocks in the handshake
    pressed = time.monotonic()
    probe.cancel()
    thread.join(5)
    assert time.monotonic() - pressed < 0.5
    assert results[0].cancelled and results[0].phase is Phase.TLS


def test_cancel_breaks_a_stalled_starttls_handshake_at_once(ca_file):
    server = StallAfterStarttls()
    try:
        settings = settings_for(f"tls://127.0.0.1:{server.port}", ca_file, timeout=30.0)
        probe = SmtpProbe(settings, PASSWORD, None, lambda e: None)
        results: list[ProbeResult] = []
        thread = threading.Thread(target=lambda: results.append(probe.run()))
        thread.start()
        assert server.hello_seen.wait(5)
        pressed = time.monotonic()
        probe.cancel()
        thread.join(5)
        assert time.monotonic() - pressed < 0.5
        assert results[0].cancelled and results[0].phase is Phase.STARTTLS
    finally:
        server.close()


def test_a_probe_nobody_listens_to_makes_no_event(starttls_server, ca_file, monkeypatch):
    """A script's send without a callback: the conversation is the same, but no transcript line
    or phase event is made (redacting and stamping them was most of a batch's cost)."""
    from smtpgui.core.smtp import steps

    def no_event(*_args: object) -> None:
        raise AssertionError("an event was made with nobody listening")

    monkeypatch.setattr(steps, "TranscriptLine", no_event)
    monkeypatch.setattr(steps, "PhaseChange", no_event)
    message = build_test_message(own_address=OWN, forced_from="", subject="s", body="b")
    settings = settings_for(starttls_server.server, ca_file)
    result = SmtpProbe(settings, PASSWORD, message, None).run()
    assert result.ok, result
    assert result.message_id and len(starttls_server.handler.envelopes) == 1

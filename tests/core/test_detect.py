"""Detect against real servers on 127.0.0.1: three ports at once, nothing but EHLO and STARTTLS."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import trustme

from smtpgui.core.discovery.detect import Detector, PortReport, Suggestion, suggest
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import EndpointError, Security
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction
from tests.helpers.detection import (
    HOST,
    Log,
    assert_cancel_stops_every_port_against_silent_servers,
)
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.listening import stop_listening
from tests.helpers.profiles import settings_at
from tests.helpers.servers import free_port, smtp_server

FORBIDDEN = ("AUTH", "MAIL", "RCPT", "DATA")


def detect(ports, **kwargs) -> tuple[tuple[PortReport, ...], Log]:
    log = Log()
    reports = Detector(HOST, ports=ports, callback=log, **kwargs).run()
    return reports, log


# -- the three ports ------------------------------------------------------------------------------


def test_three_ports_report_extensions_before_and_after_starttls(ca, ca_file):
    with (
        smtp_server(ca, "tls") as tls,
        smtp_server(ca, "starttls") as submission,
        smtp_server(ca, "starttls") as relay,
    ):
        ports = [
            (tls.port, Security.TLS),
            (submission.port, Security.STARTTLS),
            (relay.port, Security.STARTTLS),
        ]
        reports, log = detect(ports, ca_file=ca_file, timeout=5.0)
        envelopes = tls.handler.envelopes + submission.handler.envelopes
    implicit, starttls, _ = reports
    assert [r.port for r in reports] == [p for p, _ in ports]
    assert all(r.reachable and r.certificate_ok is True for r in reports), reports
    assert all(r.tls_version.startswith("TLSv1.") for r in reports)

    assert implicit.security is Security.TLS
    assert {"PLAIN", "LOGIN"} <= set(implicit.auth_before)
    assert implicit.extensions_after == () and implicit.auth_after == ()
    assert any(ext.startswith("SIZE ") for ext in implicit.extensions_before)
    assert implicit.size_limit is not None

    # aiosmtpd with auth_require_tls hides AUTH until STARTTLS (RFC 4954 §4 lets it).
    assert starttls.security is Security.STARTTLS
    assert "STARTTLS" in starttls.extensions_before and starttls.auth_before == ()
    assert {"PLAIN", "LOGIN", "CRAM-MD5"} <= set(starttls.auth_after)
    assert "STARTTLS" not in starttls.extensions_after
    assert "8BITMIME" in starttls.extensions_after
    assert starttls.auth == starttls.auth_after

    assert suggest(reports) == Suggestion(
        Security.TLS, tls.port, AuthMethod.PLAIN, suggest(reports).reason
    )
    assert "implicit TLS" in suggest(reports).reason
    assert not set(log.client_commands()) & set(FORBIDDEN)
    assert set(log.client_commands()) <= {"EHLO", "STARTTLS", "QUIT"}
    assert envelopes == []


def test_a_port_without_starttls_is_reported_plain_and_suggested_last(ca, ca_file):
    with smtp_server(ca, "plain") as plain, smtp_server(ca, "plain", auth=False) as relay:
        ports = [(plain.port, Security.STARTTLS), (relay.port, Security.STARTTLS)]
        reports, _ = detect(ports, ca_file=ca_file, timeout=5.0)
    with_auth, without = reports
    assert with_auth.reachable and with_auth.security is Security.NONE
    assert with_auth.certificate_ok is None and with_auth.tls_version == ""
    assert with_auth.extensions_after == () and with_auth.auth == with_auth.auth_before
    suggestion = suggest(reports)
    assert suggestion is not None
    # In the clear, the mechanism that does not reveal the password.
    assert (suggestion.security, suggestion.auth) == (Security.NONE, AuthMethod.CRAM_MD5)
    assert "No port answered with encryption" in suggestion.reason
    assert without.auth == ()
    assert suggest([without]).auth is AuthMethod.NONE


# -- ports that do not answer ---------------------------------------------------------------------


def test_refused_and_silent_ports_are_unreachable_within_the_limit(silent_server):
    ports = [
        (free_port(), Security.STARTTLS),
        (silent_server.port, Security.STARTTLS),
        (silent_server.port, Security.TLS),
    ]
    started = time.monotonic()
    reports, log = detect(ports, timeout=1.0)
    took = time.monotonic() - started
    refused, silent, silent_tls = reports
    assert not any(r.reachable for r in reports)
    assert (refused.phase, refused.failure) == (Phase.CONNECT, Failure.REFUSED)
    assert "refused" in refused.failure_text
    assert (silent.phase, silent.failure) == (Phase.GREETING, Failure.TIMEOUT)
    assert (silent_tls.phase, silent_tls.failure) == (Phase.TLS, Failure.TIMEOUT)
    assert "timed out" in silent.failure_text
    assert 1.0 <= took < 2.0  # the timeouts ran side by side, not one after another
    assert suggest(reports) is None
    assert any(ln.direction is Direction.ERROR for ln in log.lines[refused.port])


def test_implicit_tls_on_a_starttls_port_is_a_tls_error(starttls_server, ca_file):
    reports, _ = detect([(starttls_server.port, Security.TLS)], ca_file=ca_file, timeout=5.0)
    assert (reports[0].phase, reports[0].failure) == (Phase.TLS, Failure.TLS)
    assert "STARTTLS" in reports[0].failure_text


# -- certificates ---------------------------------------------------------------------------------


def test_an_untrusted_certificate_still_reports_the_port_and_loses_to_a_trusted_one(ca, ca_file):
    stranger = trustme.CA()  # not in ca_file: the certificate cannot be verified
    with smtp_server(stranger, "tls") as untrusted, smtp_server(ca, "starttls") as trusted:
        ports = [(untrusted.port, Security.TLS), (trusted.port, Security.STARTTLS)]
        reports, log = detect(ports, ca_file=ca_file, timeout=5.0)
    bad, good = reports
    assert bad.reachable and bad.certificate_ok is False
    assert "unable to get local issuer certificate" in bad.certificate_error
    assert bad.failure is None and {"PLAIN", "LOGIN"} <= set(bad.auth_before)
    assert bad.tls_version.startswith("TLSv1.")
    assert good.reachable and good.certificate_ok is True

    suggestion = suggest(reports)
    assert suggestion is not None
    assert (suggestion.security, suggestion.port) == (Security.STARTTLS, trusted.port)
    assert not set(log.client_commands()) & set(FORBIDDEN)


def test_without_a_ca_file_every_certificate_fails_but_tls_is_still_suggested(ca):
    with smtp_server(ca, "tls") as tls, smtp_server(ca, "starttls") as starttls:
        ports = [(starttls.port, Security.STARTTLS), (tls.port, Security.TLS)]
        reports, log = detect(ports, timeout=5.0)  # system CAs only
    assert all(r.reachable and r.certificate_ok is False for r in reports)
    assert reports[0].auth_after and reports[0].auth_before == ()
    suggestion = suggest(reports)
    assert suggestion is not None
    assert (suggestion.security, suggestion.port) == (Security.TLS, tls.port)
    assert "certificate is not trusted" in suggestion.reason
    assert not set(log.client_commands()) & set(FORBIDDEN)


# -- parallel and cancellable ---------------------------------------------------------------------


class SlowGreetingServer:
    """A minimal SMTP server that waits `delay` seconds before its 220 (a busy provider)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.sock = socket.create_server((HOST, 0))
        self.port = self.sock.getsockname()[1]
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            time.sleep(self.delay)  # the server is slow, not the test
            conn.sendall(b"220 slow.test ESMTP\r\n")
            for line in conn.makefile("rb"):
                command = line[:4].upper()
                if command == b"EHLO":
                    conn.sendall(b"250-slow.test\r\n250-SIZE 1000000\r\n250 PIPELINING\r\n")
                elif command == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"502 5.5.1 not here\r\n")

    def close(self) -> None:
        stop_listening(self.sock, self._accepter)


@pytest.fixture
def slow_servers() -> Iterator[list[SlowGreetingServer]]:
    servers = [SlowGreetingServer(0.3) for _ in range(3)]
    yield servers
    for server in servers:
        server.close()


def test_ports_are_probed_in_parallel(slow_servers):
    ports = [(server.port, Security.STARTTLS) for server in slow_servers]
    started = time.monotonic()
    reports, _ = detect(ports, timeout=5.0)
    took_ms = (time.monotonic() - started) * 1000
    slowest = max(r.elapsed_ms for r in reports)
    print(f"parallel: total {took_ms:.0f} ms, slowest port {slowest} ms")
    assert all(r.reachable and r.security is Security.NONE for r in reports), reports
    assert reports[0].extensions_before == ("SIZE 1000000", "PIPELINING")
    assert reports[0].size_limit == 1_000_000
    assert slowest >= 300
    assert took_ms < 1.2 * slowest


def test_cancel_stops_every_port_against_silent_servers():
    assert_cancel_stops_every_port_against_silent_servers()


def test_cancel_before_run_returns_at_once(silent_server):
    detector = Detector(HOST, ports=[(silent_server.port, Security.STARTTLS)], timeout=30.0)
    detector.cancel()
    started = time.monotonic()
    [report] = detector.run()
    assert time.monotonic() - started < 0.5
    assert report.failure is Failure.CANCELLED
    with pytest.raises(RuntimeError):
        detector.run()


# -- the host and the suggestion alone ------------------------------------------------------------


def test_the_host_may_be_typed_as_in_the_server_field():
    Detector("ssl://smtp.example.com:465")  # the prefix and port are what Detect finds out
    with pytest.raises(EndpointError):
        Detector("smtp.example.com;backup.example.com")
    with pytest.raises(EndpointError):
        Detector("not a host")


def report(port: int, security: Security, **changes: object) -> PortReport:
    values: dict[str, object] = dict(reachable=True, auth_before=("LOGIN", "PLAIN"))
    if security is not Security.NONE:
        values["certificate_ok"] = True
    values.update(changes)
    return PortReport(port, security, **values)  # type: ignore[arg-type]


def test_suggestion_follows_rfc_8314_order():
    tls, submission = report(465, Security.TLS), report(587, Security.STARTTLS)
    relay, plain = report(25, Security.STARTTLS), report(25, Security.NONE)
    assert suggest([plain, relay, submission, tls]).port == 465
    assert suggest([plain, relay, submission]).port == 587
    assert suggest([plain, relay]).security is Security.STARTTLS
    assert suggest([plain]).security is Security.NONE
    assert suggest([report(465, Security.TLS, reachable=False), plain]).port == 25
    assert suggest([]) is None


def test_suggestion_never_prefers_an_untrusted_certificate():
    untrusted = report(465, Security.TLS, certificate_ok=False, certificate_error="self-signed")
    relay = report(25, Security.STARTTLS)
    plain = report(25, Security.NONE)
    assert suggest([untrusted, relay]).security is Security.STARTTLS
    # Untrusted TLS still beats no encryption at all; the reason says what to do.
    chosen = suggest([untrusted, plain])
    assert chosen.security is Security.TLS and "self-signed" in chosen.reason


def test_suggested_login_is_the_strongest_offered_after_tls():
    offered = ("CRAM-MD5", "LOGIN", "PLAIN")
    assert suggest([report(465, Security.TLS, auth_before=offered)]).auth is AuthMethod.PLAIN
    assert suggest([report(465, Security.TLS, auth_before=("CRAM-MD5", "LOGIN"))]).auth == "login"
    starttls = report(587, Security.STARTTLS, auth_before=(), auth_after=("XOAUTH2",))
    assert suggest([starttls]).auth is AuthMethod.AUTO
    relay = suggest([report(587, Security.STARTTLS, auth_before=(), auth_after=())])
    assert relay.auth is AuthMethod.NONE and "no login" in relay.reason


# -- Detect and the Test agree: one conversation, one EHLO/HELO rule -----------------------------


@pytest.mark.parametrize(
    "ehlo_reply",
    [
        "451 4.3.0 Temporary failure, try again later",
        "421 4.7.0 Too many connections, closing",  # smtp_script hangs up after a 421
    ],
)
def test_detect_and_the_test_agree_on_a_server_whose_ehlo_answers_4xx(ehlo_reply):
    # RFC 5321 §3.2: HELO is for a server without ESMTP, which answers EHLO with 5xx. A 4xx is
    # the server's own temporary refusal: HELO would only hide it (Detect used to try HELO on
    # any non-250 and called such a port reachable, while the Test failed at EHLO).
    with HostileServer(smtp_script({"EHLO": ehlo_reply})) as server:
        (report,), _ = detect([(server.port, Security.NONE)], timeout=5.0)
        settings = settings_at(f"127.0.0.1:{server.port}", auth=AuthMethod.NONE)
        result = SmtpProbe(settings, "", None, lambda event: None).run()
    code = int(ehlo_reply[:3])
    assert (result.phase, result.failure, result.code) == (Phase.EHLO, Failure.REPLY, code)
    assert not report.reachable
    assert (report.phase, report.failure) == (result.phase, result.failure)
    assert ehlo_reply[4:] in report.failure_text


def test_detect_falls_back_to_helo_where_the_test_does():
    with HostileServer(smtp_script({"EHLO": "502 5.5.2 Command not recognized"})) as server:
        (report,), log = detect([(server.port, Security.NONE)], timeout=5.0)
        settings = settings_at(f"127.0.0.1:{server.port}", auth=AuthMethod.NONE)
        result = SmtpProbe(settings, "", None, lambda event: None).run()
    assert result.ok and report.reachable
    assert log.client_commands() == ["EHLO", "HELO", "QUIT"]

"""SmtpProbe: the whole SMTP conversation of a test, phase by phase, cancellable at any moment."""

from __future__ import annotations

import contextlib
import dataclasses
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from smtpgui.core.connection import Interrupter, Resolver
from smtpgui.core.endpoint import Endpoint, Security
from smtpgui.core.failures import abort_text, classify, expect
from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.login import log_in
from smtpgui.core.message import TestMessage
from smtpgui.core.provider_hints import login_notice
from smtpgui.core.result import (
    CertificateInfo,
    Failure,
    Phase,
    PhaseChange,
    PhaseState,
    ProbeFailed,
    ProbeResult,
    TlsInfo,
    enhanced_code,
)
from smtpgui.core.settings import AuthMethod, Settings, TrustMode
from smtpgui.core.smtp_client import TracingSMTP
from smtpgui.core.tls import INSECURE_NOTICE, Fetch, examine, fetch_certificate, make_context
from smtpgui.core.transaction import transact
from smtpgui.core.transcript import Direction, Redactor, TranscriptLine
from smtpgui.core.watchdog import Watchdog

Event = TranscriptLine | PhaseChange
Callback = Callable[[Event], None]

# Failures in these phases are about reaching one host: a backup host may still work.
# A server slow at every step must not stretch one test to minutes (coreBOS's page hung that
# way): each server gets this many step time limits in all.
STEP_LIMITS_PER_SERVER = 3

_CONNECTION_PHASES = frozenset({Phase.DNS, Phase.CONNECT, Phase.TLS, Phase.GREETING, Phase.EHLO})


@dataclass
class _State:
    phase: Phase = Phase.DNS
    endpoint: Endpoint | None = None
    tls: TlsInfo | None = None
    certificate: CertificateInfo | None = None
    verified: bool = False
    mechanism: str = ""
    capabilities: tuple[str, ...] = ()


class SmtpProbe:
    """Runs one test against the settings' servers; `cancel()` may be called from any thread.

    Every event (TranscriptLine, PhaseChange) goes to `callback` on the calling thread, already
    redacted. `message=None` stops after AUTH (nothing is sent).
    """

    def __init__(
        self,
        settings: Settings,
        password: str,
        message: TestMessage | None,
        callback: Callback,
        resolver: Resolver | None = None,
    ) -> None:
        self._settings = settings
        self._resolver = resolver
        self._password = password
        self._message = message
        self._callback = callback
        self._redactor = Redactor([password], settings.username)
        self._interrupter = Interrupter()
        self._watchdog = Watchdog()
        self._abort_reason: Failure | None = None
        self._whole_timed_out = False  # the TIMEOUT came from the server's total budget
        self._server_deadline = 0.0
        self._cancelled = False
        self._lock = threading.Lock()
        self._start = time.monotonic()
        self._state = _State()

    # -- public -------------------------------------------------------------------------------

    @property
    def budget(self) -> float:
        """Seconds one server may take in all (the backup servers each get their own)."""
        return STEP_LIMITS_PER_SERVER * self._settings.timeout

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
        self._abort(Failure.CANCELLED, self._interrupter)

    def run(self) -> ProbeResult:
        self._start = time.monotonic()
        if self._settings.trust is TrustMode.INSECURE:
            self._log(Direction.TLS, INSECURE_NOTICE)
        notice = login_notice(self._settings)
        if notice is not None:
            self._log(Direction.INFO, notice)
        try:
            return self._run_endpoints()
        finally:
            self._watchdog.stop()
            self._interrupter.close()

    # -- the conversation ---------------------------------------------------------------------

    def _run_endpoints(self) -> ProbeResult:
        endpoints = self._settings.endpoints
        result = ProbeResult(ok=False)
        for index, endpoint in enumerate(endpoints):
            if index:
                self._log(
                    Direction.INFO,
                    Text(
                        "Probe",
                        QT_TRANSLATE_NOOP("Probe", "Trying backup server {endpoint}"),
                        endpoint=str(endpoint),
                    ),
                )
            result = self._run_one(endpoint)
            last = index == len(endpoints) - 1
            if result.ok or last or result.cancelled or result.phase not in _CONNECTION_PHASES:
                return result
        return result

    def _run_one(self, endpoint: Endpoint) -> ProbeResult:
        self._state = _State(endpoint=endpoint)
        # A fresh interrupter per server: a timeout fires it for good, and a backup server
        # must start unbroken. Cancel, though, holds for every server.
        with self._lock:
            self._interrupter.close()
            self._interrupter = Interrupter()
            self._abort_reason = Failure.CANCELLED if self._cancelled else None
            self._whole_timed_out = False
        self._server_deadline = time.monotonic() + self.budget
        if self._abort_reason is not None:
            self._interrupter.interrupt()
        client = TracingSMTP(
            report=self._log,
            redactor=self._redactor,
            interrupter=self._interrupter,
            timeout=self._settings.timeout,
        )
        try:
            self._converse(client, endpoint)
        except Exception as exc:  # every failure becomes a result, never a crash
            with contextlib.suppress(Exception):
                client.close()  # before the second look at a refused certificate
            return self._show_refused_certificate(endpoint, self._failed(exc), exc)
        finally:
            with contextlib.suppress(Exception):
                client.close()
            self._interrupter.watch(None)
        return self._result(ok=True)

    def _converse(self, client: TracingSMTP, endpoint: Endpoint) -> None:
        self._log(
            Direction.INFO,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "Connecting to {endpoint} (time limit {seconds} s per step, {total} s in all)",
                ),
                endpoint=str(endpoint),
                seconds=f"{self._settings.timeout:g}",
                total=f"{self.budget:g}",
            ),
        )
        client.attach(self._open(endpoint), endpoint.ascii_host)
        with self._phase(Phase.GREETING):
            expect(*client.getreply(), 220)
        self._ehlo(client, Phase.EHLO)
        self._starttls(client, endpoint)
        self._state.capabilities = tuple(sorted(client.esmtp_features))
        self._authenticate(client)
        self._send(client)
        with self._phase(Phase.QUIT), contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()

    def _open(self, endpoint: Endpoint) -> socket.socket:
        """DNS, TCP and, for ssl://, the TLS handshake."""
        host, timeout = endpoint.ascii_host, self._settings.timeout
        with self._phase(Phase.DNS):
            addresses = self._interrupter.resolve(host, endpoint.port, timeout, self._resolver)
        with self._phase(Phase.CONNECT):
            sock = self._connect_any(addresses, timeout)
            self._log(
                Direction.INFO,
                Text("Probe", QT_TRANSLATE_NOOP("Probe", "Connected to {peer}"), peer=_peer(sock)),
            )
        if endpoint.security is not Security.TLS:
            self._skip(Phase.TLS)
            return sock
        with self._phase(Phase.TLS):
            tls_sock = self._interrupter.handshake(self._tls_context(), sock, host)
            self._record_tls(tls_sock)
        return tls_sock

    def _connect_any(self, addresses: list[tuple], timeout: float) -> socket.socket:  # type: ignore[type-arg]
        error: OSError | None = None
        for address in addresses:
            try:
                return self._interrupter.connect(address, timeout)
            except OSError as exc:
                error = exc
                self._log(Direction.INFO, f"{address[4][0]}: {exc.strerror or exc}")
        assert error is not None
        raise error

    def _ehlo(self, client: TracingSMTP, phase: Phase) -> None:
        with self._phase(phase):
            code, text = client.ehlo()
            # RFC 5321 §3.2: fall back to HELO for servers without ESMTP, which answer EHLO with
            # 500/502. Not after a 4yz: a 421 means the server is closing (§3.8), and HELO
            # would only hide its reason behind a hang-up.
            if 500 <= code < 600:
                code, text = client.helo()
            expect(code, text, 250)

    def _starttls(self, client: TracingSMTP, endpoint: Endpoint) -> None:
        if endpoint.security is not Security.STARTTLS:
            self._skip(Phase.STARTTLS, Phase.EHLO_TLS)
            return
        with self._phase(Phase.STARTTLS):
            if not client.has_extn("starttls"):
                raise ProbeFailed(
                    Failure.NO_STARTTLS,
                    Text(
                        "Probe",
                        QT_TRANSLATE_NOOP(
                            "Probe", "The server does not offer STARTTLS on this port."
                        ),
                    ),
                )
            code, text = client.starttls_with(self._tls_context())
            expect(code, text, 220)
            self._record_tls(client.sock)
        # RFC 3207 §4.2: the client must discard what it learned before TLS and ask again.
        self._ehlo(client, Phase.EHLO_TLS)

    def _authenticate(self, client: TracingSMTP) -> None:
        if self._settings.auth is AuthMethod.NONE:
            self._skip(Phase.AUTH)
            return
        with self._phase(Phase.AUTH):
            self._state.mechanism = log_in(client, self._settings, self._password)

    def _send(self, client: TracingSMTP) -> None:
        message = self._message
        if message is None:
            self._skip(Phase.MAIL, Phase.RCPT, Phase.DATA)
            return
        transact(client, message, self._phase, self._log)
        self._log(
            Direction.INFO,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "Test message accepted: {message_id}"),
                message_id=message.message_id,
            ),
        )

    # -- TLS ------------------------------------------------------------------------------------

    def _tls_context(self) -> ssl.SSLContext:
        return make_context(self._settings.trust, self._settings.ca_file)

    def _record_tls(self, sock: socket.socket) -> None:
        if not isinstance(sock, ssl.SSLSocket):
            return
        seen = examine(sock, self._settings.trust, self._settings.pinned_sha256)
        self._state.tls, self._state.certificate = seen.tls, seen.certificate
        self._state.verified = seen.verified
        for line in seen.lines:
            self._log(Direction.TLS, line)
        if seen.refusal is not None:
            raise seen.refusal

    def _show_refused_certificate(
        self, endpoint: Endpoint, result: ProbeResult, exc: Exception
    ) -> ProbeResult:
        """After the verifying handshake refused the certificate, fetch it to show it."""
        if not isinstance(exc, ssl.SSLCertVerificationError) or self._abort_reason is not None:
            return result
        # The failed step's watchdog is gone: Cancel still breaks this server's interrupter, and
        # the fetch's own time limit breaks it without turning the failure into a timeout.
        how = Fetch(self._settings.timeout, self._resolver, self._log, self._redactor)
        certificate = fetch_certificate(endpoint, self._interrupter, how)
        return dataclasses.replace(result, certificate=certificate)

    # -- phases, timeouts, events ---------------------------------------------------------------

    @contextlib.contextmanager
    def _phase(self, phase: Phase) -> Iterator[None]:
        self._interrupter.check()
        self._state.phase = phase
        started = self._now()
        self._emit(PhaseChange(phase, PhaseState.RUNNING, started))
        # The socket time limit covers one read; this covers the whole step (a server that
        # drips one byte a second would otherwise never time out).
        interrupter = self._interrupter
        step = self._settings.timeout + 0.5
        left = self._server_deadline - time.monotonic()
        whole = left < step  # this step ends when the server's whole budget does
        self._watchdog.arm(
            max(0.0, min(step, left)), lambda: self._abort(Failure.TIMEOUT, interrupter, whole)
        )
        try:
            yield
            # A step that "passed" on a broken socket (a partial line read after Cancel or the
            # deadline shut it down) passed nothing.
            self._interrupter.check()
        except BaseException:
            self._emit(PhaseChange(phase, PhaseState.FAILED, self._now(), self._now() - started))
            raise
        finally:
            self._watchdog.disarm()
        self._emit(PhaseChange(phase, PhaseState.PASSED, self._now(), self._now() - started))

    def _skip(self, *phases: Phase) -> None:
        for phase in phases:
            self._emit(PhaseChange(phase, PhaseState.SKIPPED, self._now()))

    def _abort(self, reason: Failure, interrupter: Interrupter, whole: bool = False) -> None:
        """Break the connection `interrupter` guards, if it is still the current one."""
        with self._lock:
            if interrupter is not self._interrupter:
                return  # a late watchdog of a server already given up
            if self._abort_reason is None:
                self._abort_reason = reason
                self._whole_timed_out = whole
        interrupter.interrupt()

    def _log(self, direction: Direction, text: str) -> None:
        self._emit(TranscriptLine(direction, self._redactor.redact(text), self._now()))

    def _emit(self, event: Event) -> None:
        self._callback(event)

    def _now(self) -> int:
        return int((time.monotonic() - self._start) * 1000)

    # -- results --------------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> ProbeResult:
        if self._abort_reason is not None:  # Cancel or the step deadline broke the socket
            reason = self._abort_reason
            failed = ProbeFailed(
                reason,
                abort_text(
                    reason, self._settings.timeout, self.budget if self._whole_timed_out else 0
                ),
            )
        else:
            failed = classify(exc)
        detail = self._redactor.redact(failed.detail)
        self._log(
            Direction.ERROR,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "{phase} failed: {detail}"),
                phase=self._state.phase.value.upper(),
                detail=detail,
            ),
        )
        return self._result(
            ok=False,
            failure=failed.failure,
            detail=detail,
            code=failed.code,
            text=self._redactor.redact(failed.text),
        )

    def _result(
        self,
        *,
        ok: bool,
        failure: Failure | None = None,
        detail: str = "",
        code: int | None = None,
        text: str = "",
    ) -> ProbeResult:
        state = self._state
        message_id = self._message.message_id if ok and self._message else ""
        return ProbeResult(
            ok=ok,
            phase=None if ok else state.phase,
            failure=failure,
            code=code,
            enhanced=enhanced_code(text),
            server_text=text,
            detail=detail,
            endpoint=str(state.endpoint or ""),
            tls=state.tls,
            certificate=state.certificate,
            verified=state.verified,
            capabilities=state.capabilities,
            auth_mechanism=state.mechanism,
            elapsed_ms=self._now(),
            message_id=message_id,
        )


def _peer(sock: socket.socket) -> str:
    try:
        host, port = sock.getpeername()[:2]
    except OSError:
        return "?"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

"""SmtpProbe: the whole SMTP conversation of a test, phase by phase, cancellable at any moment."""

from __future__ import annotations

import contextlib
import dataclasses
import smtplib
import ssl
from collections.abc import Sequence

from smtpgui.core.profile.settings import AuthMethod, Settings, TrustMode
from smtpgui.core.providers.hints import login_notice
from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.connection import Resolver
from smtpgui.core.smtp.endpoint import MAX_SERVERS, Endpoint, Security
from smtpgui.core.smtp.login import log_in
from smtpgui.core.smtp.message import TestMessage
from smtpgui.core.smtp.opening import greet, hello, open_socket, start_tls
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Findings, ProbeResult
from smtpgui.core.smtp.steps import Callback, Event, Steps
from smtpgui.core.smtp.tls import (
    INSECURE_NOTICE,
    Fetch,
    examine,
    fetch_certificate,
    incomplete_chain,
    make_context,
)
from smtpgui.core.smtp.transaction import transact
from smtpgui.core.smtp.transcript import Direction, Redactor
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.text.printable import printable

__all__ = ["STEP_LIMITS_PER_SERVER", "Callback", "Event", "SmtpProbe"]

# Failures in these phases are about reaching one host: a backup host may still work. Any later
# failure is given as it is; above all a message sent but never confirmed, which the first
# server may have delivered, never goes to a backup server (RFC 1047).
# A server slow at every step must not stretch one test to minutes (coreBOS's page hung that
# way): each server gets this many step time limits in all.
STEP_LIMITS_PER_SERVER = 3
# ... and all the servers of one test this many in all: backups share what the main one left
# (a healthy backup needs well under one step limit for its whole conversation).
STEP_LIMITS_PER_RUN = 4

_CONNECTION_PHASES = frozenset({Phase.DNS, Phase.CONNECT, Phase.TLS, Phase.GREETING, Phase.EHLO})


class SmtpProbe:
    """Runs one test against the settings' servers; `cancel()` may be called from any thread.

    Every event (TranscriptLine, PhaseChange) goes to `callback` on the calling thread, already
    redacted; with no callback none is made. `message=None` stops after AUTH (nothing is sent).
    """

    def __init__(
        self,
        settings: Settings,
        password: str,
        message: TestMessage | None,
        callback: Callback | None,
        resolver: Resolver | None = None,
        redactor: Redactor | None = None,
    ) -> None:
        self._settings = settings
        self._resolver = resolver
        self._password = password
        self._message = message
        # The run's one redactor (JobRunner's knows every secret of the run: the password,
        # the tokens and the client secret); this probe's password is always among them.
        self._redactor = (redactor or Redactor()).including([password], settings.username)
        self._steps = Steps(callback, self._redactor, settings.timeout, self.budget)
        self._state = Findings()
        self._keep_open = False  # open_session(): stop after AUTH and keep the connection
        self._held: TracingSMTP | None = None

    # -- public -------------------------------------------------------------------------------

    @property
    def budget(self) -> float:
        """Seconds one server may take in all (the backup servers each get their own)."""
        return STEP_LIMITS_PER_SERVER * self._settings.timeout

    @property
    def run_budget(self) -> float:
        """Seconds the whole test may take, backup servers included."""
        return STEP_LIMITS_PER_RUN * self._settings.timeout

    def cancel(self) -> None:
        self._steps.cancel()

    def run(self) -> ProbeResult:
        self._steps.start_clock(self.run_budget)
        self._log_notices()
        try:
            return self._run_endpoints()
        finally:
            self._steps.close()

    # -- a session for a batch (core/smtp/batch.py) -----------------------------------------------

    def open_session(self) -> tuple[ProbeResult, TracingSMTP | None]:
        """Connect, secure and log in as run() does, and keep the connection open.

        The steps (backup servers, time limits, Cancel) are run()'s; the client is None when
        the result failed. Call close_session() when the batch is done.
        """
        self._keep_open, self._held = True, None
        self._steps.start_clock(self.run_budget)
        self._log_notices()
        result = self._run_endpoints()
        return result, self._held if result.ok else None

    def send_in_session(self, client: TracingSMTP, message: TestMessage) -> ProbeResult:
        """MAIL, RCPT and DATA for one message on an open session, with a fresh time budget."""
        self._message = message
        self._steps.renew_budget()
        client.final_dot_sent = False
        try:
            self._send(client)
        except Exception as exc:  # a failure becomes the message's result, never a crash
            return self._failed(exc)
        return self._state.passed(self._steps.now(), message.message_id)

    def close_session(self, client: TracingSMTP | None) -> None:
        """QUIT (best effort) and stop the time limits."""
        if client is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
            with contextlib.suppress(Exception):
                client.close()
        self._steps.close()

    def _log_notices(self) -> None:
        if self._settings.trust is TrustMode.INSECURE:
            self._steps.log(Direction.TLS, INSECURE_NOTICE)
        notice = login_notice(self._settings)
        if notice is not None:
            self._steps.log(Direction.INFO, notice)

    # -- the conversation ---------------------------------------------------------------------

    def _run_endpoints(self) -> ProbeResult:
        endpoints = self._settings.endpoints[:MAX_SERVERS]
        result = ProbeResult(ok=False)
        for index, endpoint in enumerate(endpoints):
            if index and self._steps.run_time_left() <= 0:
                self._log_cut_off(endpoints[index:])
                return result
            if index:
                self._steps.log(
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

    def _log_cut_off(self, untried: Sequence[Endpoint]) -> None:
        self._steps.log(
            Direction.ERROR,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "The whole test may take {total} s and that time is used up: not tried "
                    "{servers}.",
                ),
                total=f"{self.run_budget:g}",
                servers=", ".join(str(e) for e in untried),
            ),
        )

    def _run_one(self, endpoint: Endpoint) -> ProbeResult:
        self._state = Findings(endpoint=endpoint)
        self._steps.next_server()
        client = TracingSMTP(
            report=self._steps.log if self._steps.listening else None,
            redactor=self._redactor,
            interrupter=self._steps.interrupter,
            timeout=self._settings.timeout,
        )
        try:
            self._converse(client, endpoint)
        except Exception as exc:  # every failure becomes a result, never a crash
            with contextlib.suppress(Exception):
                client.close()  # before the second look at a refused certificate
            return self._show_refused_certificate(endpoint, self._failed(exc), exc)
        finally:
            if client is not self._held:
                with contextlib.suppress(Exception):
                    client.close()
                self._steps.interrupter.watch(None)
        message_id = self._message.message_id if self._message else ""
        return self._state.passed(self._steps.now(), message_id)

    def _failed(self, exc: BaseException) -> ProbeResult:
        """Log why the conversation ended with `exc` in the current step; the failed result."""
        steps = self._steps
        result = self._state.failed(steps.phase, steps.now(), steps.failure_of(exc), self._redactor)
        steps.log(
            Direction.ERROR,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "{phase} failed: {detail}"),
                phase=steps.phase.value.upper(),
                detail=result.detail,
            ),
        )
        return result

    def _converse(self, client: TracingSMTP, endpoint: Endpoint) -> None:
        self._log_connecting(endpoint)
        sock = open_socket(
            self._steps,
            endpoint,
            self._settings.timeout,
            self._resolver,
            self._tls_context,
            self._record_tls,
        )
        client.attach(sock, endpoint.ascii_host)
        greet(self._steps, client)
        hello(self._steps, client, Phase.EHLO)
        if endpoint.security is Security.STARTTLS:
            start_tls(self._steps, client, self._tls_context, self._record_tls)
        else:
            self._steps.skip(Phase.STARTTLS, Phase.EHLO_TLS)
        # Written out once here (a peer's control characters), not for every message's result.
        features = client.esmtp_features
        self._state.capabilities = tuple(printable(c) for c in sorted(features))
        self._state.auth_offered = tuple(
            printable(m) for m in features.get("auth", "").upper().split()
        )
        self._authenticate(client)
        if self._keep_open:  # open_session(): the batch sends through this connection
            self._held = client
            return
        self._send(client)
        with self._steps.step(Phase.QUIT), contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()

    def _log_connecting(self, endpoint: Endpoint) -> None:
        self._steps.log(
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

    def _authenticate(self, client: TracingSMTP) -> None:
        if self._settings.auth is AuthMethod.NONE:
            self._steps.skip(Phase.AUTH)
            return
        with self._steps.step(Phase.AUTH):
            self._state.mechanism = log_in(client, self._settings, self._password)

    def _send(self, client: TracingSMTP) -> None:
        message = self._message
        if message is None:
            self._steps.skip(Phase.MAIL, Phase.RCPT, Phase.DATA)
            return
        transact(client, message, self._steps.step, self._steps.log)
        if self._steps.listening:  # a batch's script: no line to make
            self._steps.log(
                Direction.INFO,
                Text(
                    "Probe",
                    QT_TRANSLATE_NOOP("Probe", "Test message accepted: {message_id}"),
                    message_id=message.message_id,
                ),
            )

    # -- TLS ------------------------------------------------------------------------------------

    def _tls_context(self) -> ssl.SSLContext:
        return make_context(self._settings.trust, self._settings.ca_file, self._steps.log)

    def _record_tls(self, sock: ssl.SSLSocket) -> None:
        seen = examine(sock, self._settings.trust, self._settings.pinned_sha256)
        self._state.tls, self._state.certificate = seen.tls, seen.certificate
        self._state.verified = seen.verified
        for line in seen.lines:
            self._steps.log(Direction.TLS, line)
        if seen.refusal is not None:
            raise seen.refusal

    def _show_refused_certificate(
        self, endpoint: Endpoint, result: ProbeResult, exc: Exception
    ) -> ProbeResult:
        """After the verifying handshake refused the certificate, fetch it to show it."""
        if not isinstance(exc, ssl.SSLCertVerificationError) or self._steps.aborted:
            return result
        # The failed step's watchdog is gone: Cancel still breaks this server's interrupter, and
        # the fetch's own time limit breaks it without turning the failure into a timeout.
        how = Fetch(self._settings.timeout, self._resolver, self._steps.log, self._redactor)
        certificate = fetch_certificate(endpoint, self._steps.interrupter, how)
        missing = incomplete_chain(exc, certificate, endpoint, self._steps.interrupter, how)
        if missing is None:
            return dataclasses.replace(result, certificate=certificate)
        finding = printable(missing.with_values(self._redactor.redact))  # a peer's names
        self._steps.log(Direction.INFO, finding)
        # OpenSSL's reason stays first: the finding explains it, it does not replace it.
        both = QT_TRANSLATE_NOOP("Probe", "{refusal} {finding}")
        detail = Text("Probe", both, refusal=result.detail, finding=finding)
        return dataclasses.replace(result, certificate=certificate, detail=detail)

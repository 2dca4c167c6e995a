"""One port of a detection: connect, (TLS), greeting, EHLO, STARTTLS, EHLO, QUIT; never a login."""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.connection import Interrupter, Resolver
from smtpgui.core.smtp.endpoint import Endpoint, Security
from smtpgui.core.smtp.failures import abort_text, classify, expect
from smtpgui.core.smtp.result import Failure, Phase, ProbeFailed
from smtpgui.core.smtp.tls import make_context
from smtpgui.core.smtp.transcript import Direction, Redactor
from smtpgui.core.text.printable import printable

Log = Callable[[Direction, str], None]


@dataclass(frozen=True)
class PortReport:
    """What one port answered.

    `security` is what was used: a STARTTLS port whose server does not offer STARTTLS is
    reported as `Security.NONE`. `reachable` means the whole conversation went through, so the
    port can be used with `security`; otherwise `phase`, `failure` and `failure_text` say where
    and why it stopped. `certificate_ok` is None when no certificate was checked. The
    `*_before` lists come from the first EHLO (already encrypted on an implicit TLS port), the
    `*_after` lists from the EHLO after STARTTLS (empty when there was no STARTTLS).
    """

    port: int
    security: Security
    reachable: bool
    phase: Phase | None = None
    failure: Failure | None = None
    failure_text: str = ""
    greeting: str = ""
    tls_version: str = ""
    tls_cipher: str = ""
    certificate_ok: bool | None = None
    certificate_error: str = ""
    extensions_before: tuple[str, ...] = ()
    extensions_after: tuple[str, ...] = ()
    auth_before: tuple[str, ...] = ()
    auth_after: tuple[str, ...] = ()
    elapsed_ms: int = 0

    @property
    def encrypted(self) -> bool:
        return self.reachable and self.security is not Security.NONE

    @property
    def extensions(self) -> tuple[str, ...]:
        """The extensions valid for the rest of the session (RFC 3207 §4.2: after STARTTLS)."""
        return (
            self.extensions_after if self.security is Security.STARTTLS else self.extensions_before
        )

    @property
    def auth(self) -> tuple[str, ...]:
        """The AUTH mechanisms a login on this port would choose from."""
        return self.auth_after if self.security is Security.STARTTLS else self.auth_before

    @property
    def size_limit(self) -> int | None:
        """The SIZE extension's value in bytes (RFC 1870); None if absent or 0 (no limit)."""
        for extension in self.extensions:
            name, _, value = extension.partition(" ")
            if name == "SIZE" and value.isdecimal() and int(value):
                return int(value)
        return None


class PortProbe:
    """Runs the conversation on one port; `cancel()` may be called from any thread."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        ca_file: str,
        timeout: float,
        resolver: Resolver | None,
        log: Log,
    ) -> None:
        self._endpoint = endpoint
        self._ca_file = ca_file
        self._timeout = timeout
        self._resolver = resolver
        self._log = log
        self._interrupter = Interrupter()
        self._lock = threading.Lock()
        self._abort_reason: Failure | None = None
        self._phase = Phase.DNS
        self._report = PortReport(endpoint.port, endpoint.security, reachable=False)

    def cancel(self) -> None:
        self._abort(Failure.CANCELLED)

    def run(self) -> PortReport:
        started = time.monotonic()
        try:
            self._converse_trusting_or_not()
            report = replace(self._report, reachable=True)
        except Exception as exc:  # every failure becomes a report, never a crash
            report = self._failed(exc)
        finally:
            self._interrupter.close()
        return replace(report, elapsed_ms=int((time.monotonic() - started) * 1000))

    # -- the conversation ---------------------------------------------------------------------

    def _converse_trusting_or_not(self) -> None:
        try:
            self._converse(verify=True)
        except ssl.SSLCertVerificationError as exc:
            why = exc.verify_message or str(exc)
            self._note(certificate_ok=False, certificate_error=why)
            self._log(Direction.ERROR, f"The server's certificate is not trusted: {why}")
            # Detection never sends a credential, so looking again without verification
            # harms nothing and still tells the admin what the port offers.
            self._log(Direction.INFO, "Connecting again without verification to see the rest")
            self._note(extensions_before=(), auth_before=(), extensions_after=(), auth_after=())
            self._converse(verify=False)

    def _converse(self, *, verify: bool) -> None:
        client = TracingSMTP(
            report=self._log,
            redactor=Redactor(),
            interrupter=self._interrupter,
            timeout=self._timeout,
        )
        try:
            client.attach(self._open(verify), self._endpoint.ascii_host)
            with self._step(Phase.GREETING):
                code, text = client.getreply()
                expect(code, text, 220)
            self._note(greeting=printable(text.decode("utf-8", "replace")))
            extensions, auth = self._ehlo(client, Phase.EHLO)
            self._note(extensions_before=extensions, auth_before=auth)
            if self._endpoint.security is Security.STARTTLS:
                self._starttls(client, verify)
            with self._step(Phase.QUIT), contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        finally:
            with contextlib.suppress(Exception):
                client.close()
            self._interrupter.watch(None)

    def _open(self, verify: bool) -> socket.socket:
        endpoint = self._endpoint
        self._log(Direction.INFO, f"Connecting to {endpoint} (time limit {self._timeout:g} s)")
        with self._step(Phase.DNS):
            addresses = self._interrupter.resolve(
                endpoint.ascii_host, endpoint.port, self._timeout, self._resolver
            )
        with self._step(Phase.CONNECT):
            sock = self._connect_any(addresses)
        if endpoint.security is not Security.TLS:
            return sock
        with self._step(Phase.TLS):
            return self._handshake(sock, verify)

    def _connect_any(self, addresses: list[tuple]) -> socket.socket:  # type: ignore[type-arg]
        error: OSError | None = None
        for address in addresses:
            try:
                sock = self._interrupter.connect(address, self._timeout)
            except OSError as exc:
                error = exc
                self._log(Direction.INFO, f"{address[4][0]}: {exc.strerror or exc}")
                continue
            self._log(Direction.INFO, f"Connected to {address[4][0]} port {self._endpoint.port}")
            return sock
        assert error is not None
        raise error

    def _ehlo(self, client: TracingSMTP, phase: Phase) -> tuple[tuple[str, ...], tuple[str, ...]]:
        with self._step(phase):
            code, text = client.ehlo()
            if code != 250:  # RFC 5321 §3.2: fall back to HELO for servers without ESMTP
                code, text = client.helo()
            expect(code, text, 250)
        return extension_list(client.esmtp_features), mechanism_list(client.esmtp_features)

    def _starttls(self, client: TracingSMTP, verify: bool) -> None:
        if not client.has_extn("starttls"):
            # Port 25 often has no STARTTLS; what it offers in the clear is still worth knowing.
            self._log(Direction.INFO, "STARTTLS is not offered here: going on unencrypted")
            self._note(security=Security.NONE)
            return
        with self._step(Phase.STARTTLS):
            expect(*client.docmd("STARTTLS"), 220)
            client.sock = self._handshake(client.sock, verify)
            # RFC 3207 §4.2: forget everything learned before TLS, including unread bytes
            # (a reply injected after "220" must not be taken as sent over TLS).
            client.file = None
            client.helo_resp = client.ehlo_resp = None
            client.esmtp_features = {}
            client.does_esmtp = False
        extensions, auth = self._ehlo(client, Phase.EHLO_TLS)
        self._note(extensions_after=extensions, auth_after=auth)

    # -- TLS ------------------------------------------------------------------------------------

    def _handshake(self, sock: socket.socket, verify: bool) -> ssl.SSLSocket:
        context = make_context(ca_file=self._ca_file)
        if not verify:
            context.check_hostname = False  # must come first: CERT_NONE is refused while on
            context.verify_mode = ssl.CERT_NONE
        # wrap_socket() detaches `sock`, so shutting `sock` down would no longer break the
        # handshake: watch the new socket first, then shake hands.
        tls = context.wrap_socket(
            sock, server_hostname=self._endpoint.ascii_host, do_handshake_on_connect=False
        )
        try:
            self._interrupter.complete_handshake(tls)
        except BaseException:
            tls.close()
            raise
        cipher = tls.cipher()
        self._note(tls_version=tls.version() or "", tls_cipher=cipher[0] if cipher else "")
        if verify:
            self._note(certificate_ok=True)
        trust = "verified" if verify else "NOT verified"
        report = self._report
        self._log(Direction.TLS, f"{report.tls_version} {report.tls_cipher}; certificate {trust}")
        return tls

    # -- steps, time limits, results ------------------------------------------------------------

    @contextlib.contextmanager
    def _step(self, phase: Phase) -> Iterator[None]:
        self._interrupter.check()
        self._phase = phase
        # The socket time limit covers one read; this covers the whole step (a server that
        # drips one byte a second would otherwise never time out).
        watchdog = threading.Timer(self._timeout + 0.5, self._abort, (Failure.TIMEOUT,))
        watchdog.daemon = True
        watchdog.start()
        try:
            yield
        finally:
            watchdog.cancel()
        self._interrupter.check()

    def _abort(self, reason: Failure) -> None:
        with self._lock:
            if self._abort_reason is None:
                self._abort_reason = reason
        self._interrupter.interrupt()

    def _note(self, **changes: object) -> None:
        self._report = replace(self._report, **changes)  # type: ignore[arg-type]

    def _failed(self, exc: BaseException) -> PortReport:
        reason = self._abort_reason
        if reason is not None:  # Cancel or the step deadline broke the socket
            failed = ProbeFailed(reason, abort_text(reason, self._timeout))
        else:
            failed = classify(exc)
        self._log(Direction.ERROR, f"{self._phase.value.upper()} failed: {failed.detail}")
        return replace(
            self._report,
            reachable=False,
            phase=self._phase,
            failure=failed.failure,
            failure_text=failed.detail,
        )


def extension_list(features: dict[str, str]) -> tuple[str, ...]:
    """EHLO keywords in the server's order, upper-case, with their parameters ("SIZE 35882577")."""
    return tuple(
        " ".join([name.upper(), *(params.upper() if name == "auth" else params).split()])
        for name, params in features.items()
    )


def mechanism_list(features: dict[str, str]) -> tuple[str, ...]:
    """The AUTH mechanisms, upper-case, once each (smtplib merges "AUTH x" and "AUTH=x" lines)."""
    return tuple(dict.fromkeys(features.get("auth", "").upper().split()))

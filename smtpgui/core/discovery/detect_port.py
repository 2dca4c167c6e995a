"""One port of a detection: connect, (TLS), greeting, EHLO, STARTTLS, EHLO, QUIT; never a login."""

from __future__ import annotations

import contextlib
import math
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.connection import Resolver
from smtpgui.core.smtp.endpoint import Endpoint, Security
from smtpgui.core.smtp.opening import SeenTls, TlsContext, greet, hello, open_socket, start_tls
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.steps import Event, Steps
from smtpgui.core.smtp.tls import make_context
from smtpgui.core.smtp.transcript import Direction, Redactor, TranscriptLine

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
    """Runs the conversation on one port; `cancel()` may be called from any thread.

    The steps (connect, TLS, greeting, EHLO or HELO, STARTTLS) are the Test's own
    (smtp/opening.py) under the Test's time limits (smtp/steps.py): Detect and the Test
    cannot disagree about what a server answered.
    """

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
        # Each step has the Test's time limit; a port has no total budget of its own (all
        # ports run at once, and Cancel stops them).
        self._steps = Steps(self._transcript, Redactor(), timeout, budget=math.inf)
        self._report = PortReport(endpoint.port, endpoint.security, reachable=False)

    def cancel(self) -> None:
        self._steps.cancel()

    def run(self) -> PortReport:
        started = time.monotonic()
        try:
            self._converse_trusting_or_not()
            report = replace(self._report, reachable=True)
        except Exception as exc:  # every failure becomes a report, never a crash
            report = self._failed(exc)
        finally:
            self._steps.close()
        return replace(report, elapsed_ms=int((time.monotonic() - started) * 1000))

    def _transcript(self, event: Event) -> None:
        if isinstance(event, TranscriptLine):  # Detect shows no steps list
            self._log(event.direction, event.text)

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
        steps, endpoint = self._steps, self._endpoint
        steps.next_server()  # a fresh connection to break (the second look's too)
        self._log(Direction.INFO, f"Connecting to {endpoint} (time limit {self._timeout:g} s)")
        client = TracingSMTP(
            report=steps.log,
            redactor=Redactor(),
            interrupter=steps.interrupter,
            timeout=self._timeout,
        )
        context, seen = partial(self._context, verify), partial(self._seen_tls, verify)
        try:
            sock = open_socket(steps, endpoint, self._timeout, self._resolver, context, seen)
            client.attach(sock, endpoint.ascii_host)
            greet(steps, client)
            hello(steps, client, Phase.EHLO)
            extensions, auth = _offered(client)
            self._note(extensions_before=extensions, auth_before=auth)
            if endpoint.security is Security.STARTTLS:
                self._starttls(client, context, seen)
            with steps.step(Phase.QUIT), contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        finally:
            with contextlib.suppress(Exception):
                client.close()
            steps.interrupter.watch(None)

    def _starttls(self, client: TracingSMTP, context: TlsContext, seen: SeenTls) -> None:
        if not client.has_extn("starttls"):
            # Port 25 often has no STARTTLS; what it offers in the clear is still worth knowing.
            self._log(Direction.INFO, "STARTTLS is not offered here: going on unencrypted")
            self._note(security=Security.NONE)
            return
        start_tls(self._steps, client, context, seen)
        extensions, auth = _offered(client)
        self._note(extensions_after=extensions, auth_after=auth)

    # -- TLS ------------------------------------------------------------------------------------

    def _context(self, verify: bool) -> ssl.SSLContext:
        context = make_context(ca_file=self._ca_file)
        if not verify:
            context.check_hostname = False  # must come first: CERT_NONE is refused while on
            context.verify_mode = ssl.CERT_NONE
        return context

    def _seen_tls(self, verify: bool, tls: ssl.SSLSocket) -> None:
        cipher = tls.cipher()
        self._note(tls_version=tls.version() or "", tls_cipher=cipher[0] if cipher else "")
        if verify:
            self._note(certificate_ok=True)
        trust = "verified" if verify else "NOT verified"
        report = self._report
        self._log(Direction.TLS, f"{report.tls_version} {report.tls_cipher}; certificate {trust}")

    # -- results --------------------------------------------------------------------------------

    def _note(self, **changes: object) -> None:
        self._report = replace(self._report, **changes)  # type: ignore[arg-type]

    def _failed(self, exc: BaseException) -> PortReport:
        failed = self._steps.failure_of(exc)  # also Cancel, or a step's time limit
        phase = self._steps.phase
        self._log(Direction.ERROR, f"{phase.value.upper()} failed: {failed.detail}")
        return replace(
            self._report,
            reachable=False,
            phase=phase,
            failure=failed.failure,
            failure_text=failed.detail,
        )


def _offered(client: TracingSMTP) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The extensions and the AUTH mechanisms of the EHLO just answered."""
    return extension_list(client.esmtp_features), mechanism_list(client.esmtp_features)


def extension_list(features: dict[str, str]) -> tuple[str, ...]:
    """EHLO keywords in the server's order, upper-case, with their parameters ("SIZE 35882577")."""
    return tuple(
        " ".join([name.upper(), *(params.upper() if name == "auth" else params).split()])
        for name, params in features.items()
    )


def mechanism_list(features: dict[str, str]) -> tuple[str, ...]:
    """The AUTH mechanisms, upper-case, once each (smtplib merges "AUTH x" and "AUTH=x" lines)."""
    return tuple(dict.fromkeys(features.get("auth", "").upper().split()))

"""What a probe reports at the end: one ProbeResult, made from what the conversation with the
server found (Findings), and why it failed (Failure). The phase changes it reports while it runs
are in smtpgui.core.smtp.phases."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from smtpgui.core.smtp.certificate import CertificateInfo
from smtpgui.core.smtp.endpoint import Endpoint
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.transcript import Redactor
from smtpgui.core.text.printable import printable


class Failure(enum.StrEnum):
    """Why a probe did not succeed, as far as the client can tell."""

    DNS = "dns"  # the host name does not resolve
    REFUSED = "refused"  # nothing listens on that port
    UNREACHABLE = "unreachable"  # no route / network down
    TIMEOUT = "timeout"  # no answer within the time limit
    CLOSED = "closed"  # the server hung up
    CANCELLED = "cancelled"  # the admin pressed Cancel
    TLS = "tls"  # the TLS handshake failed (not the certificate)
    CERTIFICATE = "certificate"  # the server's certificate is not trusted
    CA_FILE = "ca-file"  # the custom CA file cannot be loaded
    NO_STARTTLS = "no-starttls"  # STARTTLS chosen but not offered
    INSECURE_AUTH = "insecure-auth"  # login refused by us: the connection is not encrypted
    NO_AUTH = "no-auth"  # the server offers no login on this connection
    MECHANISM = "mechanism"  # the chosen login method is not among those the server offers
    SMTPUTF8 = "smtputf8"  # an address needs SMTPUTF8 (RFC 6531), which the server lacks
    SIGN_IN = "sign-in"  # no OAuth2 access token: the refresh failed or there was no sign-in
    NO_PASSWORD = "no-password"  # none stored for this user and these servers (or no keyring)
    REPLY = "reply"  # the server answered with an error code
    PROTOCOL = "protocol"  # the server's answer is not SMTP
    NETWORK = "network"  # another socket error
    UNCONFIRMED = "unconfirmed"  # the message was sent, then no answer: it may be delivered


class ProbeFailed(Exception):
    """Ends the conversation at the current phase."""

    def __init__(
        self, failure: Failure, detail: str = "", code: int | None = None, text: str = ""
    ) -> None:
        super().__init__(detail)
        self.failure, self.detail, self.code, self.text = failure, detail, code, text


@dataclass(frozen=True)
class TlsInfo:
    """The negotiated TLS session and the server certificate's key facts."""

    version: str
    cipher: str
    subject: str = ""
    issuer: str = ""
    not_after: str = ""
    fingerprint_sha256: str = ""


@dataclass(frozen=True)
class ProbeResult:
    """The outcome of one probe. `phase` is the failed phase (None on success).

    `endpoint` is the server this result is about: the one that passed, or the last one tried.

    `certificate` is the server's certificate after any TLS handshake, also when it was refused
    (then it was fetched over a second connection that never logs in). `verified` is True when
    the certificate was checked and accepted: by CA and host name, or by its pinned fingerprint.
    """

    ok: bool
    phase: Phase | None = None
    failure: Failure | None = None
    code: int | None = None
    enhanced: str = ""
    server_text: str = ""
    detail: str = ""
    endpoint: Endpoint | None = None  # the server tested (None: the test reached none)
    tls: TlsInfo | None = None
    certificate: CertificateInfo | None = None
    verified: bool = False
    capabilities: tuple[str, ...] = ()
    auth_mechanism: str = ""
    elapsed_ms: int = 0
    message_id: str = ""
    auth_offered: tuple[str, ...] = ()  # the AUTH mechanisms of the last EHLO, upper case

    @property
    def cancelled(self) -> bool:
        return self.failure is Failure.CANCELLED

    @property
    def uncertain(self) -> bool:
        """The whole message was sent and never confirmed: it may have been delivered."""
        return self.failure is Failure.UNCONFIRMED

    @property
    def reply(self) -> str:
        """The server's reply as it would appear in a transcript, e.g. `535 5.7.8 Bad login`."""
        if self.code is None:
            return ""
        return f"{self.code} {self.server_text}".strip()


_ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})\b")


def enhanced_code(text: str) -> str:
    """The RFC 3463 enhanced status code at the start of a reply text, or ''."""
    match = _ENHANCED.match(text)
    return match.group(1) if match else ""


# How much of a server's text a result keeps (cut after redaction): the start of what a
# server that does not speak SMTP sent, or the whole of an ordinary reply.
_SHOWN_CHARS = {Failure.PROTOCOL: 80}
MAX_SHOWN_CHARS = 4000


@dataclass
class Findings:
    """What the conversation with one server has shown so far, and the ProbeResult made of it."""

    endpoint: Endpoint | None = None
    tls: TlsInfo | None = None
    certificate: CertificateInfo | None = None
    verified: bool = False
    mechanism: str = ""
    capabilities: tuple[str, ...] = ()
    auth_offered: tuple[str, ...] = ()  # the AUTH mechanisms of the last EHLO

    def passed(self, elapsed_ms: int, message_id: str = "") -> ProbeResult:
        return self._result(ok=True, elapsed_ms=elapsed_ms, message_id=message_id)

    def failed(
        self, phase: Phase, elapsed_ms: int, failed: ProbeFailed, redactor: Redactor
    ) -> ProbeResult:
        """The conversation ended in `phase`; the server's words are redacted, then cut."""
        # The server's words leave the core here: its control characters written out.
        shown = _SHOWN_CHARS.get(failed.failure, MAX_SHOWN_CHARS)
        return self._result(
            ok=False,
            phase=phase,
            failure=failed.failure,
            detail=printable(redactor.redact(failed.detail)),
            code=failed.code,
            text=printable(redactor.clip(failed.text, shown)),
            elapsed_ms=elapsed_ms,
        )

    def _result(
        self,
        *,
        ok: bool,
        elapsed_ms: int,
        phase: Phase | None = None,
        failure: Failure | None = None,
        detail: str = "",
        code: int | None = None,
        text: str = "",
        message_id: str = "",
    ) -> ProbeResult:
        return ProbeResult(
            ok=ok,
            phase=phase,
            failure=failure,
            code=code,
            enhanced=enhanced_code(text),
            server_text=text,
            detail=detail,
            endpoint=self.endpoint,
            tls=self.tls,
            certificate=self.certificate,
            verified=self.verified,
            capabilities=self.capabilities,  # written out when recorded (probe.py)
            auth_offered=self.auth_offered,
            auth_mechanism=self.mechanism,
            elapsed_ms=elapsed_ms,
            message_id=message_id,
        )

"""TLS for the probe: a context per trust choice, what the handshake showed, why it failed,
and a second look at a certificate the verifying handshake refused."""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import ssl
import threading
from dataclasses import dataclass

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.certificate import (
    CertificateInfo,
    describe,
    display_name,
    fingerprint,
    format_fingerprint,
    parse_certificate,
    verified_certificate,
)
from smtpgui.core.smtp.client import Report, TracingSMTP
from smtpgui.core.smtp.connection import Interrupter, Resolver
from smtpgui.core.smtp.endpoint import Endpoint, Security
from smtpgui.core.smtp.result import Failure, ProbeFailed, TlsInfo
from smtpgui.core.smtp.tls_chain import sent_certificates
from smtpgui.core.smtp.transcript import Direction, Redactor
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

INSECURE_NOTICE = Text(
    "Probe", QT_TRANSLATE_NOOP("Probe", "Certificate NOT verified (verification turned off)")
)


def make_context(
    trust: TrustMode = TrustMode.SYSTEM, ca_file: str = "", report: Report | None = None
) -> ssl.SSLContext:
    """The context for a trust choice.

    SYSTEM and CA_FILE verify the certificate and the host name (smtplib alone does neither):
    SYSTEM with the operating system's own verifier (see trust_store), CA_FILE with only that
    file's CAs: the admin chose to trust a company CA for this server, not to add it to
    everything else. PINNED and INSECURE verify nothing in the handshake; a pinned certificate
    is compared with its fingerprint afterwards (`examine`). `report` is told which format the
    CA file was read in.
    """
    if trust in (TrustMode.PINNED, TrustMode.INSECURE):
        return unverified_context()
    if trust is TrustMode.CA_FILE and not ca_file:
        raise ProbeFailed(
            Failure.CA_FILE,
            Text("Probe", QT_TRANSLATE_NOOP("Probe", "No CA certificate file is chosen.")),
        )
    if not ca_file:
        from smtpgui.core.smtp.trust_store import system_context

        return system_context()
    try:
        context, kind = ca_file_context(ca_file)
    except (OSError, ssl.SSLError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or str(exc)
        raise ProbeFailed(
            Failure.CA_FILE,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe", "The CA certificate file {path} cannot be used ({reason})."
                ),
                path=ca_file,
                reason=str(reason),
            ),
        ) from None
    if report is not None:
        report(Direction.TLS, _ca_file_note(ca_file, kind, context))
    return context


# A bundle of every public CA is about 250 KiB; a file past this is not a CA file.
MAX_CA_FILE_BYTES = 16 * 1024 * 1024


def ca_file_context(path: str) -> tuple[ssl.SSLContext, str]:
    """A context that trusts only the CAs in `path`, and the format it was in: "PEM" or "DER".

    Windows exports certificates as DER `.cer` files by default (binary, no "-----BEGIN"); a
    PEM file may hold many certificates, a DER file holds one (or several, back to back).
    """
    with open(path, "rb") as file:
        # Sized first: read(limit) would allocate the whole limit for every small file.
        if os.fstat(file.fileno()).st_size > MAX_CA_FILE_BYTES:
            raise ValueError("it is far too large for a CA certificate file")
        data = file.read()
    if b"-----BEGIN" in data:
        return ssl.create_default_context(cafile=path), "PEM"
    try:
        return ssl.create_default_context(cadata=data), "DER"
    except ssl.SSLError:
        raise ValueError("it holds no certificate, neither PEM nor DER") from None


def _ca_file_note(path: str, kind: str, context: ssl.SSLContext) -> Text:
    return Text(
        "Probe",
        QT_TRANSLATE_NOOP("Probe", "CA file {path} read as {format}: {count} certificate(s)"),
        path=path,
        format=kind,
        count=str(context.cert_store_stats()["x509"]),
    )


def unverified_context() -> ssl.SSLContext:
    """Accepts any certificate; still the client defaults for protocol versions and ciphers."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # must come first: CERT_NONE is refused while it is on
    context.verify_mode = ssl.CERT_NONE
    return context


@dataclass(frozen=True)
class Handshake:
    """What one TLS handshake showed, and whether the trust choice accepts it.

    `refusal` is set when the certificate is not the pinned one: the caller records the rest
    first, so the result still shows the certificate it refused.
    """

    tls: TlsInfo
    certificate: CertificateInfo | None
    verified: bool
    lines: tuple[str, ...]
    refusal: ProbeFailed | None = None


def examine(sock: ssl.SSLSocket, trust: TrustMode, pinned_sha256: str = "") -> Handshake:
    """The session and certificate of a finished handshake, judged by the trust choice."""
    der = sock.getpeercert(binary_form=True) or b""
    # A verified handshake already decoded the certificate: no cryptography import (issue 20).
    certificate = verified_certificate(der, sock.getpeercert() or {}) or _parse(der)
    info = tls_info(sock, certificate, der)
    refusal = None
    if trust is TrustMode.PINNED and info.fingerprint_sha256 != pinned_sha256:
        pinned = format_fingerprint(pinned_sha256) or "nothing"
        got = format_fingerprint(info.fingerprint_sha256) or "no certificate"
        refusal = ProbeFailed(
            Failure.CERTIFICATE,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe", "The server's certificate changed: pinned {pinned}, got {got}"
                ),
                pinned=pinned,
                got=got,
            ),
        )
    verdicts = {
        TrustMode.PINNED: QT_TRANSLATE_NOOP("Probe", "NOT the pinned certificate")
        if refusal
        else QT_TRANSLATE_NOOP("Probe", "pinned fingerprint matches"),
        TrustMode.INSECURE: QT_TRANSLATE_NOOP("Probe", "NOT verified: verification turned off"),
    }
    verdict = Text("Probe", verdicts.get(trust, QT_TRANSLATE_NOOP("Probe", "verified")))
    lines: list[str] = [
        Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "{version} {cipher}; certificate for {subject} issued by {issuer} ({verdict})",
            ),
            version=info.version,
            cipher=info.cipher,
            subject=info.subject,
            issuer=info.issuer,
            verdict=verdict,
        )
    ]
    if certificate is not None:
        lines.append(describe(certificate))
    verified = trust is not TrustMode.INSECURE and refusal is None
    return Handshake(info, certificate, verified, tuple(lines), refusal)


def tls_info(sock: ssl.SSLSocket, certificate: CertificateInfo | None, der: bytes) -> TlsInfo:
    cipher = sock.cipher()
    return TlsInfo(
        version=sock.version() or "",
        cipher=cipher[0] if cipher else "",
        subject=display_name(certificate.subject) if certificate else "",
        issuer=display_name(certificate.issuer) if certificate else "",
        not_after=f"{certificate.not_after:%Y-%m-%d %H:%M} UTC" if certificate else "",
        fingerprint_sha256=fingerprint(der) if der else "",
    )


def _parse(der: bytes) -> CertificateInfo | None:
    if not der:
        return None
    try:
        return parse_certificate(der)
    except ValueError:  # a certificate cryptography cannot read must not fail the test
        return None


def classify_tls_error(exc: ssl.SSLError | ssl.CertificateError) -> ProbeFailed:
    if isinstance(exc, ssl.SSLCertVerificationError):
        # truststore's own errors may lack verify_message (Windows: "Peer sent no certificates").
        message = getattr(exc, "verify_message", None) or str(exc)
        why = message.rstrip(".")  # OpenSSL sometimes ends with "."
        return ProbeFailed(
            Failure.CERTIFICATE,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "The server's certificate is not trusted: {reason}."),
                reason=why,
            ),
        )
    reason = getattr(exc, "reason", None) or str(exc)
    if reason == "WRONG_VERSION_NUMBER":
        return ProbeFailed(
            Failure.TLS,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "The server did not answer in TLS (wrong version number): "
                    "this port probably expects STARTTLS or no encryption.",
                ),
            ),
        )
    return ProbeFailed(
        Failure.TLS,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP("Probe", "The TLS handshake failed ({reason})."),
            reason=str(reason),
        ),
    )


# -- a second look at a refused certificate ----------------------------------------------------


@dataclass(frozen=True)
class Fetch:
    """How to reach the server again: the probe's own time limit, resolver and transcript."""

    timeout: float
    resolver: Resolver | None
    report: Report
    redactor: Redactor


def fetch_certificate(
    endpoint: Endpoint, interrupter: Interrupter, how: Fetch
) -> CertificateInfo | None:
    """The certificate the server presents, over a new connection that verifies nothing.

    Used after the verifying handshake refused it, so the admin still sees what was refused.
    It never logs in: greeting, EHLO and STARTTLS (or, for implicit TLS, nothing) before the
    handshake, then it hangs up. The whole of it gets one time limit; `interrupter` breaks it.
    Never raises: the certificate, or why there is none, goes to the transcript.
    """
    how.report(
        Direction.INFO,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe", "Connecting again to show the certificate (not checked, no login)"
            ),
        ),
    )
    deadline = threading.Timer(how.timeout, interrupter.interrupt)
    deadline.daemon = True
    deadline.start()
    try:
        certificate = _parse(_fetch_der(endpoint, interrupter, how))
    except Exception as exc:  # an extra: whatever goes wrong, the first failure stands
        why = (
            Text("Probe", QT_TRANSLATE_NOOP("Probe", "stopped (time limit or Cancel)"))
            if interrupter.fired
            else _reason(exc)
        )
        how.report(
            Direction.INFO,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "The certificate could not be fetched: {why}"),
                why=why,
            ),
        )
        return None
    finally:
        deadline.cancel()
        interrupter.watch(None)
    if certificate is not None:
        how.report(Direction.TLS, describe(certificate))
    return certificate


def _fetch_der(endpoint: Endpoint, interrupter: Interrupter, how: Fetch) -> bytes:
    sock = _connect(endpoint, interrupter, how)
    with contextlib.closing(sock):
        if endpoint.security is not Security.TLS:
            return _starttls_der(sock, endpoint, interrupter, how)
        tls_sock = interrupter.handshake(unverified_context(), sock, endpoint.ascii_host)
        with tls_sock:
            return tls_sock.getpeercert(binary_form=True) or b""


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ProbeFailed):
        return exc.detail
    if isinstance(exc, ssl.SSLError):
        return getattr(exc, "reason", None) or str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _connect(endpoint: Endpoint, interrupter: Interrupter, how: Fetch) -> socket.socket:
    host = endpoint.ascii_host
    addresses = interrupter.resolve(host, endpoint.port, how.timeout, how.resolver)
    error: OSError | None = None
    for address in addresses:
        try:
            return interrupter.connect(address, how.timeout)
        except OSError as exc:
            error = exc
    raise error or OSError("no address")


def _greeted_client(
    sock: socket.socket, endpoint: Endpoint, interrupter: Interrupter, how: Fetch
) -> TracingSMTP:
    """An SMTP client on `sock` past the greeting and EHLO, ready for STARTTLS."""
    client = TracingSMTP(
        report=how.report, redactor=how.redactor, interrupter=interrupter, timeout=how.timeout
    )
    client.attach(sock, endpoint.ascii_host)
    _require(*client.getreply(), 220)
    if client.ehlo()[0] != 250:  # RFC 5321 §3.2: HELO for servers without ESMTP
        _require(*client.helo(), 250)
    return client


def _starttls_der(
    sock: socket.socket, endpoint: Endpoint, interrupter: Interrupter, how: Fetch
) -> bytes:
    client = _greeted_client(sock, endpoint, interrupter, how)
    try:
        _require(*client.starttls_with(unverified_context()), 220)
        assert isinstance(client.sock, ssl.SSLSocket)
        der = client.sock.getpeercert(binary_form=True) or b""
        with contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()  # RFC 5321 §4.1.1.10: end the session properly
        return der
    finally:
        with contextlib.suppress(OSError):
            client.close()


def _require(code: int, _text: bytes, expected: int) -> None:
    if code != expected:
        raise ProbeFailed(Failure.REPLY, f"the server answered {code}", code)


# -- a chain without its intermediate certificate ----------------------------------------------

_ISSUER_NOT_FOUND = 20  # X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY


def incomplete_chain(
    exc: ssl.SSLCertVerificationError,
    certificate: CertificateInfo | None,
    endpoint: Endpoint,
    interrupter: Interrupter,
    how: Fetch,
) -> Text | None:
    """Why the certificate was refused when the server sent it without its issuer's; else None.

    OpenSSL says "unable to get local issuer certificate" both for an authority nobody trusts
    and for a server that leaves out its intermediate certificate. Only the second sends one
    certificate alone that is not self-signed, so count them over one more connection.
    """
    # truststore's errors (the OS verifier) carry no OpenSSL verify code.
    code = getattr(exc, "verify_code", None)
    if code != _ISSUER_NOT_FOUND or certificate is None or certificate.self_signed:
        return None
    if count_certificates(endpoint, interrupter, how) != 1:
        return None
    return _issuer_missing(certificate)


def _issuer_missing(certificate: CertificateInfo) -> Text:
    issuer = display_name(certificate.issuer)
    if not certificate.ca_issuers:
        return Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "The server sent only its own certificate, not that of its issuer “{issuer}”.",
            ),
            issuer=issuer,
        )
    return Text(
        "Probe",
        QT_TRANSLATE_NOOP(
            "Probe",
            "The server sent only its own certificate, not that of its issuer “{issuer}”. "
            "The issuer's certificate is published at {url} (smtpgui does not fetch it).",
        ),
        issuer=issuer,
        url=certificate.ca_issuers[0],
    )


def count_certificates(endpoint: Endpoint, interrupter: Interrupter, how: Fetch) -> int | None:
    """How many certificates the server sends (tls_chain.sent_certificates), over a new
    connection that verifies nothing and never logs in; None when it cannot tell. Never raises.
    """
    how.report(Direction.INFO, _probe_text(_COUNTING))
    deadline = threading.Timer(how.timeout, interrupter.interrupt)
    deadline.daemon = True
    deadline.start()
    try:
        count = _count_over(_connect(endpoint, interrupter, how), endpoint, interrupter, how)
    except Exception as exc:  # an extra, like the second look: the first failure stands
        how.report(Direction.INFO, _probe_text(_NOT_COUNTED, why=_reason(exc)))
        return None
    finally:
        deadline.cancel()
        interrupter.watch(None)
    if count is not None:
        how.report(Direction.INFO, _probe_text(_COUNTED, count=str(count)))
    return count


def _count_over(
    sock: socket.socket, endpoint: Endpoint, interrupter: Interrupter, how: Fetch
) -> int | None:
    with contextlib.closing(sock):
        if endpoint.security is not Security.TLS:
            client = _greeted_client(sock, endpoint, interrupter, how)
            _require(*client.docmd("STARTTLS"), 220)
        return sent_certificates(sock, endpoint.ascii_host)


_COUNTING = QT_TRANSLATE_NOOP(
    "Probe", "Connecting again to count the certificates the server sends (no login)"
)
_NOT_COUNTED = QT_TRANSLATE_NOOP("Probe", "The certificates could not be counted: {why}")
_COUNTED = QT_TRANSLATE_NOOP("Probe", "The server sends {count} certificate(s)")


def _probe_text(template: str, **values: str) -> Text:
    return Text("Probe", template, **values)

"""TLS for the probe: a verifying context, what the handshake gave, and why it failed."""

from __future__ import annotations

import hashlib
import ssl

from smtpgui.core.result import Failure, ProbeFailed, TlsInfo


def make_context(ca_file: str = "") -> ssl.SSLContext:
    """A context that verifies the certificate and the host name (smtplib alone does neither).

    With `ca_file`, only that file's CAs are trusted: the admin chose to trust a company CA for
    this server, not to add it to everything else.
    """
    try:
        return ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or str(exc)
        raise ProbeFailed(
            Failure.CA_FILE, f"The CA certificate file {ca_file} cannot be used ({reason})."
        ) from None


def tls_info(sock: ssl.SSLSocket) -> TlsInfo:
    cipher = sock.cipher()
    cert = sock.getpeercert() or {}
    der = sock.getpeercert(binary_form=True) or b""
    return TlsInfo(
        version=sock.version() or "",
        cipher=cipher[0] if cipher else "",
        subject=_name(cert.get("subject", ())),
        issuer=_name(cert.get("issuer", ())),
        not_after=str(cert.get("notAfter", "")),
        fingerprint_sha256=hashlib.sha256(der).hexdigest() if der else "",
    )


def _name(rdns: tuple) -> str:  # type: ignore[type-arg]
    # getpeercert() gives ((("commonName", "x"),), (("organizationName", "y"),), ...)
    parts = {key: value for rdn in rdns for key, value in rdn}
    return parts.get("commonName") or parts.get("organizationName") or ""


def classify_tls_error(exc: ssl.SSLError | ssl.CertificateError) -> ProbeFailed:
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = exc.verify_message or str(exc)
        return ProbeFailed(Failure.CERTIFICATE, f"The server's certificate is not trusted: {why}.")
    reason = getattr(exc, "reason", None) or str(exc)
    if reason == "WRONG_VERSION_NUMBER":
        return ProbeFailed(
            Failure.TLS,
            "The server did not answer in TLS (wrong version number): "
            "this port probably expects STARTTLS or no encryption.",
        )
    return ProbeFailed(Failure.TLS, f"The TLS handshake failed ({reason}).")

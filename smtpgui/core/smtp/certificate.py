"""The server certificate: read from its DER form, fingerprinted, told in one line; and
whether a pinned fingerprint or a CA file can be used.

cryptography is imported inside the functions: it costs start-up time and is only needed once a
server has answered in TLS.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from typing import TYPE_CHECKING

from smtpgui.core.smtp.result import CertificateInfo
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from cryptography import x509

_SEPARATORS = re.compile(r"[\s:]+")
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


def fingerprint(der: bytes) -> str:
    """SHA-256 of the DER form, 64 lowercase hex digits (what the pin is compared with)."""
    import hashlib  # (lazy: loading OpenSSL's libcrypto costs start-up time and memory)

    return hashlib.sha256(der).hexdigest()


def normalise_fingerprint(text: str) -> str | None:
    """`text` as 64 lowercase hex digits, or None if it is not a SHA-256 fingerprint.

    Accepts what browsers and `openssl x509 -fingerprint -sha256` show: upper case, colons,
    spaces.
    """
    digits = _SEPARATORS.sub("", text).lower()
    return digits if _SHA256_HEX.match(digits) else None


def fingerprint_error(text: str) -> Text | None:
    """Why `text` cannot be a pinned fingerprint, or None when it can."""
    if normalise_fingerprint(text) is None:
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings",
                "Enter the certificate's SHA-256 fingerprint: 64 hexadecimal digits "
                "(colons and spaces are fine).",
            ),
        )
    return None


def ca_file_error(path: str, *, check_files: bool = True) -> Text | None:
    """Why `path` cannot be the CA file to trust; `check_files=False` checks only that it is set."""
    if not path:
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings",
                "Choose the CA certificate file (PEM or DER) that signed the server's certificate.",
            ),
        )
    if not check_files:
        return None
    if not os.path.isfile(path):
        return Text(
            "Settings", QT_TRANSLATE_NOOP("Settings", "There is no file {path}."), path=path
        )
    if not os.access(path, os.R_OK):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP("Settings", "The file {path} cannot be read (no permission)."),
            path=path,
        )
    return None


def format_fingerprint(digits: str) -> str:
    """`AB:CD:…`, the way `openssl x509 -fingerprint -sha256` and browsers show it."""
    return ":".join(digits[i : i + 2] for i in range(0, len(digits), 2)).upper()


def parse_certificate(der: bytes) -> CertificateInfo:
    """The facts of a DER certificate; ValueError for bytes that are not one."""
    from cryptography import x509

    cert = x509.load_der_x509_certificate(der)
    return CertificateInfo(
        subject=cert.subject.rfc4514_string(),
        alt_names=_alt_names(cert),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=fingerprint(der),
        self_signed=_self_signed(cert),
        ca_issuers=_ca_issuers(cert),
    )


def _ca_issuers(cert: x509.Certificate) -> tuple[str, ...]:
    """The leaf's caIssuers URLs (Authority Information Access), to show, never to fetch."""
    from cryptography import x509
    from cryptography.x509.oid import AuthorityInformationAccessOID

    try:
        access = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except (x509.ExtensionNotFound, ValueError):
        return ()
    return tuple(
        str(item.access_location.value)
        for item in access
        if item.access_method == AuthorityInformationAccessOID.CA_ISSUERS
        and isinstance(item.access_location, x509.UniformResourceIdentifier)
    )


def display_name(rfc4514: str) -> str:
    """The CN (else the O) of an RFC 4514 name, for one-line summaries; else the whole name."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    try:
        name = x509.Name.from_rfc4514_string(rfc4514)
    except ValueError:
        return rfc4514
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        attributes = name.get_attributes_for_oid(oid)
        if attributes:
            return str(attributes[0].value)
    return rfc4514


def describe(info: CertificateInfo) -> str:
    """One transcript line: who, for which names, by whom, how long, and the fingerprint."""
    values = {
        "subject": info.subject,
        "issuer": info.issuer,
        "start": _when(info.not_before),
        "end": _when(info.not_after),
        "fingerprint": format_fingerprint(info.fingerprint_sha256),
    }
    names = ", ".join(info.alt_names)
    if info.self_signed:
        return Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "Certificate {subject} (names: {names}), issued by {issuer} (self-signed), "
                "valid {start} to {end}, SHA-256 {fingerprint}",
            ),
            names=names or Text("Probe", QT_TRANSLATE_NOOP("Probe", "none")),
            **values,
        )
    return Text(
        "Probe",
        QT_TRANSLATE_NOOP(
            "Probe",
            "Certificate {subject} (names: {names}), issued by {issuer}, "
            "valid {start} to {end}, SHA-256 {fingerprint}",
        ),
        names=names or Text("Probe", QT_TRANSLATE_NOOP("Probe", "none")),
        **values,
    )


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _alt_names(cert: x509.Certificate) -> tuple[str, ...]:
    from cryptography import x509

    try:
        extension = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return ()
    names = extension.value
    addresses = [str(ip) for ip in names.get_values_for_type(x509.IPAddress)]
    return (*names.get_values_for_type(x509.DNSName), *addresses)


def _self_signed(cert: x509.Certificate) -> bool:
    # RFC 5280 §3.2: self-signed means self-issued (subject = issuer) *and* verifiable with the
    # certificate's own key; equal names alone are not enough (a CA's key rollover certificate).
    from cryptography.exceptions import InvalidSignature

    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True

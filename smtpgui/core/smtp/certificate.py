"""The server certificate: read from its DER form, fingerprinted, told in one line; and
whether a pinned fingerprint or a CA file can be used.

cryptography costs about 45 ms to import, more than the rest of a test's SMTP conversation on a
fast network (issue 20). A certificate the TLS handshake verified is read from what the ssl module
already decoded (`getpeercert()`), which gives the same facts; cryptography is imported, inside
the functions, only for a certificate ssl did not decode (not verified, pinned, or a name it
cannot spell the way cryptography does) and for the self-signature check.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class CertificateInfo:
    """The server certificate as an admin compares it with what the provider says.

    `subject` and `issuer` are RFC 4514 strings (`CN=smtp.example.com,O=Example`); `alt_names`
    are the DNS names and IP addresses of the subjectAltName extension, which is what a client
    matches the host name against (RFC 6125 §6.4.4); the dates are timezone-aware UTC;
    `fingerprint_sha256` is 64 lowercase hex digits of the SHA-256 of the DER form.
    """

    subject: str
    alt_names: tuple[str, ...]
    issuer: str
    not_before: datetime
    not_after: datetime
    fingerprint_sha256: str
    self_signed: bool
    # Where the issuer's certificate is published (Authority Information Access, RFC 5280
    # §4.2.2.1): shown to the admin, never fetched.
    ca_issuers: tuple[str, ...] = ()


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


# RFC 4514 §3 short names, as cryptography writes them; other attributes by their dotted OID.
# Keyed by OpenSSL's long names, which is how ssl's getpeercert() names them.
_ATTRIBUTE_NAMES = {
    "commonName": "CN",
    "localityName": "L",
    "stateOrProvinceName": "ST",
    "organizationName": "O",
    "organizationalUnitName": "OU",
    "countryName": "C",
    "streetAddress": "STREET",
    "domainComponent": "DC",
    "userId": "UID",
    "emailAddress": "1.2.840.113549.1.9.1",
    "serialNumber": "2.5.4.5",
    "surname": "2.5.4.4",
    "givenName": "2.5.4.42",
    "title": "2.5.4.12",
    "postalCode": "2.5.4.17",
    "businessCategory": "2.5.4.15",
    "organizationIdentifier": "2.5.4.97",
    "jurisdictionLocalityName": "1.3.6.1.4.1.311.60.2.1.1",
    "jurisdictionStateOrProvinceName": "1.3.6.1.4.1.311.60.2.1.2",
    "jurisdictionCountryName": "1.3.6.1.4.1.311.60.2.1.3",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ESCAPED = str.maketrans({c: "\\" + c for c in '\\"+,;<>'} | {"\0": "\\00"})


def verified_certificate(der: bytes, peer: dict[str, Any]) -> CertificateInfo | None:
    """The facts of a verified certificate from ssl's decoded form; None where only
    cryptography can tell them (nothing decoded, an unusual name, or subject = issuer, where
    RFC 5280 §3.2 needs the signature checked)."""
    try:
        subject, issuer = _rfc4514(peer["subject"]), _rfc4514(peer["issuer"])
        not_before, not_after = _asn1_time(peer["notBefore"]), _asn1_time(peer["notAfter"])
        alt_names = _peer_alt_names(peer.get("subjectAltName", ()))
    except (KeyError, ValueError, TypeError):
        return None
    if subject == issuer:
        return None
    return CertificateInfo(
        subject=subject,
        alt_names=alt_names,
        issuer=issuer,
        not_before=not_before,
        not_after=not_after,
        fingerprint_sha256=fingerprint(der),
        self_signed=False,  # subject and issuer differ: not self-issued
        ca_issuers=tuple(peer.get("caIssuers", ())),
    )


def _rfc4514(name: tuple[tuple[tuple[str, str], ...], ...]) -> str:
    """An RFC 4514 string, most specific RDN first, escaped as cryptography escapes it."""
    return ",".join(
        "+".join(f"{_ATTRIBUTE_NAMES[kind]}={_escape(value)}" for kind, value in rdn)
        for rdn in reversed(name)
    )


def _escape(value: str) -> str:
    if not value:
        return ""
    escaped = value.translate(_ESCAPED)  # RFC 4514 §2.4
    if escaped[0] == "#" or (escaped[0] == " " and len(escaped) > 1):
        escaped = "\\" + escaped
    if escaped[-1] == " ":
        escaped = escaped[:-1] + "\\ "
    return escaped


def _asn1_time(text: str) -> datetime:
    """OpenSSL's `Jan  1 00:00:00 2030 GMT`, without the locale's month names."""
    month, day, clock, year, zone = text.split()
    if zone != "GMT":
        raise ValueError(text)
    hours, minutes, seconds = (int(part) for part in clock.split(":"))
    return datetime(int(year), _MONTHS.index(month) + 1, int(day), hours, minutes, seconds, 0, UTC)


def _peer_alt_names(entries: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """DNS names, then IP addresses, as cryptography lists them (IPv6 compressed)."""
    dns = [value for kind, value in entries if kind == "DNS"]
    ips = [str(ipaddress.ip_address(value)) for kind, value in entries if kind == "IP Address"]
    return (*dns, *ips)


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
    # The string lists the most specific RDN first; the certificate's own order is the reverse,
    # and its first CN is the one shown (as cryptography's get_attributes_for_oid finds it).
    attributes = list(reversed(_attributes(rfc4514)))
    for wanted in (("CN", "2.5.4.3"), ("O", "2.5.4.10")):
        for kind, value in attributes:
            if kind.upper() in wanted and not value.startswith("#"):
                return _unescape(value)
    return rfc4514


_HEX = frozenset("0123456789abcdefABCDEF")


def _attributes(rfc4514: str) -> list[tuple[str, str]]:
    """The `type=value` pairs of an RFC 4514 string, values still escaped (one pass, so a
    hostile certificate's name cannot make it slow)."""
    pairs: list[tuple[str, str]] = []
    start = i = 0
    while i <= len(rfc4514):
        if i == len(rfc4514) or rfc4514[i] in ",+":
            kind, equals, value = rfc4514[start:i].partition("=")
            if equals:
                pairs.append((kind.strip(), value))
            start = i + 1
        i += 2 if i < len(rfc4514) and rfc4514[i] == "\\" else 1
    return pairs


def _unescape(value: str) -> str:
    """RFC 4514 §2.4: `\\,` is `,`; `\\C3\\A9` are the UTF-8 bytes of `é`."""
    out = bytearray()
    i = 0
    while i < len(value):
        pair = value[i + 1 : i + 3]
        if value[i] == "\\" and len(pair) == 2 and set(pair) <= _HEX:
            out += bytes.fromhex(pair)
            i += 3
        elif value[i] == "\\" and pair:
            out += pair[0].encode()
            i += 2
        else:
            out += value[i].encode()
            i += 1
    return out.decode("utf-8", "replace")


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

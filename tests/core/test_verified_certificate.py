"""Issue 20: a verified certificate is read from what ssl already decoded, without importing
cryptography, and the facts are the same as cryptography's to the character."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID

from smtpgui.core.smtp.certificate import display_name, parse_certificate, verified_certificate
from tests.helpers.servers import PASSWORD, USER

ROOT = Path(__file__).resolve().parents[2]

KEY = ec.generate_private_key(ec.SECP256R1())
ISSUER = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ES"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ejemplo Certificación, S.L."),
        x509.NameAttribute(NameOID.COMMON_NAME, "Ejemplo CA 2"),
    ]
)
SUBJECTS = {
    "plain": [x509.NameAttribute(NameOID.COMMON_NAME, "smtp.example.com")],
    "escaped": [
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, 'Smith, "Jones" + <Co>; \\ '),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "#1 desk"),
        x509.NameAttribute(NameOID.COMMON_NAME, " mail.example.com"),
    ],
    "unicode": [
        x509.NameAttribute(NameOID.LOCALITY_NAME, "Málaga"),
        x509.NameAttribute(NameOID.COMMON_NAME, "correo.ejemplo.es"),
    ],
    "ev": [
        x509.NameAttribute(NameOID.BUSINESS_CATEGORY, "Private Organization"),
        x509.NameAttribute(NameOID.JURISDICTION_COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, "5157550"),
        x509.NameAttribute(NameOID.STREET_ADDRESS, "1 Main St"),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, "it@example.com"),
        x509.NameAttribute(NameOID.DOMAIN_COMPONENT, "example"),
        x509.NameAttribute(NameOID.COMMON_NAME, "smtp.example.com"),
    ],
}


def certificate(subject: x509.Name, issuer: x509.Name = ISSUER) -> bytes:
    names = [x509.DNSName("smtp.example.com"), x509.DNSName("*.example.com")]
    names += [x509.IPAddress(ipaddress.ip_address(a)) for a in ("192.0.2.7", "2001:db8::25")]
    access = x509.AccessDescription(
        AuthorityInformationAccessOID.CA_ISSUERS,
        x509.UniformResourceIdentifier("http://ca.example.com/ca2.crt"),
    )
    built = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(KEY.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC))
        .not_valid_after(datetime.datetime(2027, 2, 3, 4, 5, 6, tzinfo=datetime.UTC))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.AuthorityInformationAccess([access]), critical=False)
        .sign(KEY, hashes.SHA256())
    )
    return built.public_bytes(serialization.Encoding.DER)


def decoded_by_ssl(der: bytes, tmp_path) -> dict:
    """What getpeercert() returns for a verified certificate: CPython's own decoder, as its
    test suite reads a certificate from a file."""
    pem = tmp_path / "cert.pem"
    pem.write_text(ssl.DER_cert_to_PEM_cert(der))
    return ssl._ssl._test_decode_cert(str(pem))


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_the_facts_are_those_cryptography_reads(kind, tmp_path):
    der = certificate(x509.Name(SUBJECTS[kind]))
    fast = verified_certificate(der, decoded_by_ssl(der, tmp_path))
    assert fast == parse_certificate(der)
    assert fast.ca_issuers == ("http://ca.example.com/ca2.crt",)
    assert fast.alt_names[-1] == "2001:db8::25"


def reference_display_name(rfc4514: str) -> str:
    """display_name as it was, on cryptography's parser."""
    name = x509.Name.from_rfc4514_string(rfc4514)
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        found = name.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return rfc4514


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_the_short_name_is_the_one_cryptography_finds(kind):
    rfc4514 = x509.Name(SUBJECTS[kind]).rfc4514_string()
    assert display_name(rfc4514) == reference_display_name(rfc4514)


def test_the_short_name_falls_back_to_the_organisation_then_the_whole_name():
    assert display_name(ISSUER.rfc4514_string()) == "Ejemplo CA 2"
    assert display_name("O=Ejemplo\\, S.L.,C=ES") == "Ejemplo, S.L."
    assert display_name("O=Caf\\C3\\A9") == "Café"
    assert display_name("C=ES") == "C=ES"
    assert display_name("") == ""
    assert display_name("CN=x\\") == "CN=x\\"  # a lone escape at the end: not a name


def test_a_self_issued_certificate_is_left_to_cryptography(tmp_path):
    # RFC 5280 §3.2: subject = issuer is self-issued; self-signed needs the signature checked.
    der = certificate(ISSUER, ISSUER)
    assert verified_certificate(der, decoded_by_ssl(der, tmp_path)) is None
    assert parse_certificate(der).self_signed


def test_nothing_decoded_is_left_to_cryptography():
    der = certificate(x509.Name(SUBJECTS["plain"]))
    assert verified_certificate(der, {}) is None


def test_an_attribute_ssl_names_that_we_do_not_spell_is_left_to_cryptography(tmp_path):
    der = certificate(x509.Name([x509.NameAttribute(NameOID.PSEUDONYM, "x")]))
    assert verified_certificate(der, decoded_by_ssl(der, tmp_path)) is None


def test_a_verified_test_never_imports_cryptography(starttls_server, ca_file):
    # Only smtpgui in the child: the test servers' own modules (trustme) import cryptography.
    code = f"""
import sys
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.probe import SmtpProbe
settings = Settings(endpoints=parse_server({starttls_server.server!r}), auth=AuthMethod.AUTO,
                    username={USER!r}, recipient={USER!r}, ca_file={ca_file!r}, timeout=5.0)
result = SmtpProbe(settings, {PASSWORD!r}, None, lambda event: None).run()
assert result.ok, result
assert result.certificate is not None and result.certificate.alt_names, result.certificate
assert "cryptography" not in sys.modules, "cryptography was imported"
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=ROOT)

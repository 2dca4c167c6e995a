"""A CA file in DER, as Windows exports a `.cer` by default, is trusted like a PEM one."""

from __future__ import annotations

import ssl

import pytest

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.result import Failure
from tests.helpers.probe import run, transcript
from tests.helpers.profiles import settings_at as settings_for


@pytest.fixture
def der_ca_file(ca, tmp_path) -> str:
    path = tmp_path / "company-root.cer"
    path.write_bytes(ssl.PEM_cert_to_DER_cert(ca.cert_pem.bytes().decode()))
    return str(path)


def test_a_der_ca_file_is_trusted_and_the_transcript_says_der(starttls_server, der_ca_file):
    settings = settings_for(starttls_server.server, der_ca_file, trust=TrustMode.CA_FILE)
    result, lines, _ = run(settings)
    assert result.ok and result.verified, result
    assert f"CA file {der_ca_file} read as DER: 1 certificate(s)" in transcript(lines)


def test_a_pem_ca_file_says_pem(starttls_server, ca_file):
    result, lines, _ = run(settings_for(starttls_server.server, ca_file, trust=TrustMode.CA_FILE))
    assert result.ok and result.verified
    assert f"CA file {ca_file} read as PEM" in transcript(lines)


def test_a_der_ca_file_of_another_ca_is_not_trusted(tls_server, tmp_path):
    import trustme

    path = tmp_path / "other.cer"
    path.write_bytes(ssl.PEM_cert_to_DER_cert(trustme.CA().cert_pem.bytes().decode()))
    result, _, _ = run(settings_for(tls_server.server, str(path), trust=TrustMode.CA_FILE))
    assert result.failure is Failure.CERTIFICATE


def test_a_file_that_is_neither_says_so(tls_server, tmp_path):
    path = tmp_path / "notes.cer"
    path.write_bytes(b"\x00\x01 this is not a certificate")
    result, _, _ = run(settings_for(tls_server.server, str(path), trust=TrustMode.CA_FILE))
    assert result.failure is Failure.CA_FILE
    assert "neither PEM nor DER" in result.detail

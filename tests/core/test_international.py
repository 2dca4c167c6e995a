"""International addresses against real servers: A-labels for domains, SMTPUTF8 only if offered."""

from __future__ import annotations

import pytest

from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.jobs import Job, JobRunner
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.envelope import ascii_address, envelope_for
from smtpgui.core.smtp.message import TestMessage, build_test_message
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers.servers import PASSWORD, USER, smtp_server


def test_send(server: str, ca_file: str, recipient: str, from_address: str = ""):
    settings = Settings(
        endpoints=parse_server(server),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient=recipient,
        from_address=from_address,
        ca_file=ca_file,
        timeout=5.0,
    )
    lines: list[str] = []
    job = Job(settings, PASSWORD, save=False, subject="Prueba", body="¿Funciona?")

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    outcome = JobRunner(job, collect, SettingsStore(), SecretStore()).run()
    return outcome.result, "\n".join(lines)


test_send.__test__ = False  # a helper, despite its name


def test_an_international_domain_goes_out_in_a_labels_without_smtputf8(ca, ca_file):
    with smtp_server(ca, "starttls", enable_SMTPUTF8=False) as server:
        result, log = test_send(server.server, ca_file, "admin@correo.españa.es")
        [envelope] = server.handler.envelopes
    assert result.ok, result
    assert envelope.mail_from == "admin@correo.xn--espaa-rta.es"
    assert envelope.rcpt_tos == ["admin@correo.xn--espaa-rta.es"]
    assert b"To: admin@correo.xn--espaa-rta.es" in envelope.original_content
    assert "SMTPUTF8" not in log.upper()


def test_a_non_ascii_local_part_uses_smtputf8_when_offered(ca, ca_file):
    with smtp_server(ca, "starttls", enable_SMTPUTF8=True) as server:
        result, log = test_send(server.server, ca_file, "josé@correo.españa.es", "Büro <büro@x.es>")
        [envelope] = server.handler.envelopes
    assert result.ok, result
    assert "mail FROM:<büro@x.es> SMTPUTF8" in log
    assert envelope.mail_from == "büro@x.es"
    assert envelope.rcpt_tos == ["josé@correo.xn--espaa-rta.es"]
    headers = envelope.original_content.split(b"\r\n\r\n")[0].decode("utf-8")
    assert "From: Büro <büro@x.es>" in headers
    assert "Reply-To: josé@correo.xn--espaa-rta.es" in headers


def test_a_non_ascii_local_part_without_smtputf8_is_a_clear_failure(ca, ca_file):
    # aiosmtpd's Controller offers SMTPUTF8 unless told not to.
    with smtp_server(ca, "starttls", enable_SMTPUTF8=False) as server:
        result, log = test_send(server.server, ca_file, "josé@example.com")
        assert server.handler.envelopes == []
    assert (result.phase, result.failure, result.code) == (Phase.MAIL, Failure.SMTPUTF8, None)
    assert "SMTPUTF8" in result.detail and "josé@example.com" in result.detail
    assert "(é)" in result.detail  # which characters the server cannot take
    assert "mail FROM" not in log  # nothing was sent that the server could not take
    assert "Unicode" not in log + result.detail
    diagnosis = diagnose(result)
    assert diagnosis is not None and diagnosis.id == "no-smtputf8"
    assert "SMTPUTF8" in diagnosis.explanation and "read the server's answer" not in str(diagnosis)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a@b.example", "a@b.example"),
        ("a@correo.españa.es", "a@correo.xn--espaa-rta.es"),
        ("José <jose@bücher.de>", "José <jose@xn--bcher-kva.de>"),
        ("josé@bücher.de", "josé@xn--bcher-kva.de"),
        ("a@" + "ü" * 70 + ".de", "a@" + "ü" * 70 + ".de"),  # no A-label form: left alone
        ("no address", "no address"),
    ],
)
def test_ascii_address(text, expected):
    assert ascii_address(text) == expected


def test_a_message_built_with_an_idn_domain_still_gets_a_clear_answer():
    message = build_test_message(
        own_address="admin@correo.españa.es", forced_from="", subject="s", body="b"
    )
    with pytest.raises(Exception) as error:
        envelope_for(message, smtputf8_offered=False)
    assert "SMTPUTF8" in str(error.value)
    assert envelope_for(message, smtputf8_offered=True).smtputf8


def _message_with(header_to: str) -> TestMessage:
    message = build_test_message(own_address="a@example.com", forced_from="", subject="s", body="b")
    message.message.replace_header("To", header_to)
    return message


def test_a_non_ascii_address_only_in_a_header_needs_smtputf8():
    # The envelope is ASCII; the To header's address is not: it can only go with SMTPUTF8.
    message = _message_with("Büro <büro@example.com>")
    with pytest.raises(ProbeFailed) as refused:
        envelope_for(message, smtputf8_offered=False)
    assert refused.value.failure is Failure.SMTPUTF8 and "büro@example.com" in str(refused.value)
    assert envelope_for(message, smtputf8_offered=True).smtputf8


def test_a_non_ascii_name_with_an_ascii_address_needs_no_smtputf8():
    # RFC 2047 encodes the name; the header's decoded text is not ASCII, its address is.
    envelope = envelope_for(_message_with("Büro <buero@example.com>"), smtputf8_offered=False)
    assert not envelope.smtputf8
    assert b"=?utf-8?" in envelope.data.lower()

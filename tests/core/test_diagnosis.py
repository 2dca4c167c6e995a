"""Diagnoses for failures produced for real against loopback servers (never a faked result)."""

from __future__ import annotations

import pytest

from smtpgui.core.catalogue import RULES
from smtpgui.core.diagnosis import diagnose
from smtpgui.core.result import ProbeResult
from tests.core.test_probe import run, settings_for
from tests.servers import Recorder, free_port, smtp_server


def diagnosis_id(result: ProbeResult) -> str:
    found = diagnose(result)
    assert (found is not None and found.title and found.steps) or found.id == "cancelled"
    assert "{" not in found.title + found.explanation + "".join(found.steps)
    return found.id


def test_success_has_no_diagnosis(starttls_server, ca_file):
    result, _, _ = run(settings_for(starttls_server.server, ca_file))
    assert diagnose(result) is None


def test_wrong_password(starttls_server, ca_file):
    result, _, _ = run(settings_for(starttls_server.server, ca_file), password="nope")
    assert diagnosis_id(result) == "auth-failed"
    assert "535" in diagnose(result).explanation


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            "553 5.7.1 <office@example.test>: Sender address rejected: not owned by user",
            "sender-denied",
        ),
        (
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
            "sender-denied",
        ),
        ("550 5.1.8 Bad sender address", "sender-refused"),
        ("452 4.3.1 Insufficient system storage", "temporary"),
    ],
)
def test_mail_from_rejections(ca, ca_file, reply, expected):
    with smtp_server(ca, "starttls", Recorder(reject_mail=reply)) as server:
        result, _, _ = run(settings_for(server.server, ca_file, from_address="office@example.test"))
    assert diagnosis_id(result) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("554 5.7.1 <x@elsewhere.test>: Relay access denied", "relay-denied"),
        ("550 5.1.1 User unknown", "recipient-refused"),
    ],
)
def test_rcpt_rejections(ca, ca_file, reply, expected):
    with smtp_server(ca, "starttls", Recorder(reject_rcpt=reply)) as server:
        result, _, _ = run(settings_for(server.server, ca_file))
    assert diagnosis_id(result) == expected


def test_refused_and_timeout_and_certificate(starttls_server, silent_server, ca_file):
    refused, _, _ = run(settings_for(f"127.0.0.1:{free_port()}", ca_file))
    silent, _, _ = run(settings_for(f"127.0.0.1:{silent_server.port}", ca_file, timeout=1.0))
    untrusted, _, _ = run(settings_for(starttls_server.server, ""))
    assert [diagnosis_id(r) for r in (refused, silent, untrusted)] == [
        "refused",
        "timeout",
        "certificate",
    ]


def test_every_rule_has_a_title_and_the_catch_all_is_last():
    assert all(rule.title for rule in RULES)
    last = RULES[-1]
    assert (last.failures, last.phases, last.codes, last.text) == (
        frozenset(),
        frozenset(),
        frozenset(),
        "",
    )
    assert len({rule.id for rule in RULES}) == len(RULES)

"""Redaction: the password and its base64 forms never survive, whatever surrounds them."""

from __future__ import annotations

import base64

import pytest

from smtpgui.core.smtp.transcript import REDACTED, Redactor

USER, PASSWORD = "alice@example.com", "correct horse ñ"
NUL = b"\0"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.mark.parametrize(
    "line",
    [
        "AUTH PLAIN " + b64(NUL + USER.encode() + NUL + PASSWORD.encode()),
        "AUTH PLAIN " + b64(USER.encode() + NUL + USER.encode() + NUL + PASSWORD.encode()),
        b64(PASSWORD.encode()),
        f"535 5.7.8 Invalid password {PASSWORD}",
        f"payload {b64(b'xx' + PASSWORD.encode() + b'yy')}",
    ],
)
def test_secret_forms_are_redacted(line):
    redacted = Redactor([PASSWORD], USER).auth_command(line)
    assert PASSWORD not in redacted
    assert b64(PASSWORD.encode()) not in redacted
    assert REDACTED in redacted


def test_ordinary_lines_are_left_alone():
    line = "250-AUTH PLAIN LOGIN CRAM-MD5"
    assert Redactor([PASSWORD], USER).redact(line) == line

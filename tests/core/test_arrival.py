"""Proof of arrival against a real Dovecot on 127.0.0.1: Inbox, Junk, never, IDLE, delete."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from smtpgui.core.deliverability.arrival import (
    ArrivalError,
    ImapAccount,
    wait_for_arrival,
)
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers import imap_server
from tests.helpers.imap_server import PASSWORD, USER, Dovecot, dovecot

pytestmark = pytest.mark.skipif(
    not imap_server.available(), reason="Dovecot is not installed (apt-get install dovecot-imapd)"
)

RESULTS = (
    "Authentication-Results: mx.example.test;\r\n"
    " spf=pass smtp.mailfrom=office.test;\r\n"
    " dkim=fail header.d=office.test;\r\n"
    " dmarc=fail (p=quarantine) header.from=office.test\r\n"
)


def message(message_id: str, extra: str = RESULTS) -> bytes:
    return (
        f"{extra}From: invoices@office.test\r\nTo: {USER}\r\nSubject: smtpgui test\r\n"
        f"Message-ID: {message_id}\r\n\r\nHello.\r\n"
    ).encode()


@pytest.fixture(scope="module")
def imap() -> Iterator[Dovecot]:
    with dovecot() as server:
        yield server


def account(imap: Dovecot, secret: str = PASSWORD) -> ImapAccount:
    return ImapAccount(
        "127.0.0.1", imap.port, Security.NONE, USER, secret, allow_insecure_auth=True
    )


def test_a_message_in_the_inbox_with_the_receiving_server_s_verdicts(imap: Dovecot) -> None:
    imap.deliver("INBOX", message("<inbox-1@smtpgui.test>"))
    lines: list[TranscriptLine] = []
    arrival = wait_for_arrival(account(imap), "<inbox-1@smtpgui.test>", limit=5, log=lines.append)
    assert (arrival.arrived, arrival.folder, arrival.junk) == (True, "INBOX", False)
    assert dict(arrival.results) == {"spf": "pass", "dkim": "fail", "dmarc": "fail"}
    assert arrival.authentication_results.startswith("mx.example.test; spf=pass")
    transcript = "\n".join(line.text for line in lines)
    assert "AUTHENTICATE PLAIN [redacted]" in transcript
    assert PASSWORD not in transcript and "pässw0rd" not in transcript


def test_a_message_in_junk(imap: Dovecot) -> None:
    imap.deliver("Junk", message("<junk-1@smtpgui.test>"))
    arrival = wait_for_arrival(account(imap), "<junk-1@smtpgui.test>", limit=5)
    assert (arrival.arrived, arrival.folder, arrival.junk) == (True, "Junk", True)


def test_a_message_that_never_arrives_ends_at_the_limit(imap: Dovecot) -> None:
    started = time.monotonic()
    arrival = wait_for_arrival(account(imap), "<never@smtpgui.test>", limit=1.0, poll=0.3)
    assert not arrival.arrived and arrival.folder == ""
    assert 1.0 <= time.monotonic() - started < 4


def test_idle_wakes_the_wait_when_the_message_lands(imap: Dovecot) -> None:
    late = threading.Timer(0.5, imap.deliver, ("INBOX", message("<late@smtpgui.test>")))
    late.start()
    started = time.monotonic()
    arrival = wait_for_arrival(account(imap), "<late@smtpgui.test>", limit=20, poll=10)
    late.join()
    assert arrival.arrived
    assert time.monotonic() - started < 5  # IDLE, not the 10 s poll


def test_only_reads_unless_asked_to_delete(imap: Dovecot) -> None:
    imap.deliver("INBOX", message("<keep@smtpgui.test>"))
    imap.deliver("INBOX", message("<other@smtpgui.test>"))
    kept = wait_for_arrival(account(imap), "<keep@smtpgui.test>", limit=5)
    assert kept.arrived and not kept.deleted
    assert wait_for_arrival(account(imap), "<keep@smtpgui.test>", limit=5).arrived
    gone = wait_for_arrival(account(imap), "<keep@smtpgui.test>", limit=5, delete=True)
    assert gone.deleted
    assert not wait_for_arrival(account(imap), "<keep@smtpgui.test>", limit=0.5, poll=0.2).arrived
    assert wait_for_arrival(account(imap), "<other@smtpgui.test>", limit=5).arrived


def test_a_wrong_password_is_a_sentence_without_the_password(imap: Dovecot) -> None:
    with pytest.raises(ArrivalError) as raised:
        wait_for_arrival(account(imap, "wrong-secret"), "<x@smtpgui.test>", limit=1)
    assert "could not be read" in str(raised.value)
    assert "wrong-secret" not in str(raised.value)


def test_no_login_in_the_clear_unless_allowed(imap: Dovecot) -> None:
    plain = ImapAccount("127.0.0.1", imap.port, Security.NONE, USER, PASSWORD)
    with pytest.raises(ArrivalError, match="without encryption"):
        wait_for_arrival(plain, "<x@smtpgui.test>", limit=1)

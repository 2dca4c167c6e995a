"""Test, then proof of arrival: a real SMTP server hands the message to a real Dovecot."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import trustme

from smtpgui.core.deliverability.model import ArrivalCheck
from smtpgui.core.jobs import Job, JobRunner, Outcome
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import Security, parse_server
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers import imap_server
from tests.helpers.imap_server import Delivering, Dovecot, dovecot
from tests.helpers.servers import PASSWORD, USER, RunningServer, smtp_server

pytestmark = pytest.mark.skipif(
    not imap_server.available(), reason="Dovecot is not installed (apt-get install dovecot-imapd)"
)


@pytest.fixture(scope="module")
def imap() -> Iterator[Dovecot]:
    with dovecot() as server:
        yield server


def test_and_prove(ca: trustme.CA, ca_file: str, imap: Dovecot, folder: str) -> tuple[Outcome, str]:
    handler = Delivering(imap=imap, folder=folder)
    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=1.5)
    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    with smtp_server(ca, "starttls", handler) as server:
        outcome = JobRunner(Job(_settings(server, ca_file), PASSWORD, False, "s", "b",
                                arrival=check), collect).run()  # fmt: skip
    return outcome, "\n".join(lines)


test_and_prove.__test__ = False  # a helper, despite its name


def _settings(server: RunningServer, ca_file: str) -> Settings:
    return Settings(
        endpoints=parse_server(server.server),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient="admin@office.test",
        ca_file=ca_file,
        allow_insecure_auth=True,  # the Dovecot of the tests has no TLS (loopback only)
        timeout=5.0,
    )


@pytest.mark.parametrize(
    ("folder", "verdict", "where"),
    [
        ("INBOX", "arrival-inbox", "INBOX"),
        ("Junk", "arrival-junk", "Junk"),
        ("", "arrival-never", ""),
    ],
)
def test_the_mailbox_says_where_the_test_message_went(
    ca: trustme.CA, ca_file: str, imap: Dovecot, folder: str, verdict: str, where: str
) -> None:
    outcome, transcript = test_and_prove(ca, ca_file, imap, folder)
    assert outcome.result.ok
    assert outcome.arrival is not None and outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == verdict
    assert outcome.arrival.folder == where
    if where:
        assert dict(outcome.arrival.results) == {"spf": "fail", "dmarc": "fail"}
        assert "spf=fail" in outcome.arrival_finding.explanation
    assert "AUTHENTICATE PLAIN [redacted]" in transcript
    assert PASSWORD not in transcript


def test_the_mailbox_lines_go_on_from_the_smtp_lines_clock(
    ca: trustme.CA, ca_file: str, imap: Dovecot
) -> None:
    lines: list[TranscriptLine] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event)

    check = ArrivalCheck(f"127.0.0.1:{imap.port}", Security.NONE, limit=1.5)
    with smtp_server(ca, "starttls", Delivering(imap=imap, folder="INBOX")) as server:
        job = Job(_settings(server, ca_file), PASSWORD, False, "s", "b", arrival=check)
        assert JobRunner(job, collect).run().arrival is not None
    first_imap = next(i for i, line in enumerate(lines) if line.text.startswith("IMAP:"))
    assert first_imap > 0  # SMTP lines came first
    elapsed = [line.elapsed_ms for line in lines]
    assert elapsed == sorted(elapsed)  # one clock: the IMAP lines do not restart at 0
    assert elapsed[first_imap] >= elapsed[first_imap - 1]


def test_an_unreadable_mailbox_never_fails_the_test(ca: trustme.CA, ca_file: str) -> None:
    check = ArrivalCheck("127.0.0.1:1", Security.NONE, limit=1)
    with smtp_server(ca, "starttls") as server:
        job = Job(_settings(server, ca_file), PASSWORD, False, "s", "b", arrival=check)
        outcome = JobRunner(job, lambda _e: None).run()
    assert outcome.result.ok
    assert outcome.arrival is None
    assert outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == "arrival-unreadable"


def test_a_mailbox_login_of_its_own_is_used_for_imap_and_hidden(
    ca: trustme.CA, ca_file: str, imap: Dovecot
) -> None:
    """The SMTP login (smtp-user) cannot read the Dovecot; the mailbox's own, typed for this
    check, can, and neither password reaches the transcript."""
    handler = Delivering(users={"smtp-user": "smtp-pässword"}, imap=imap, folder="INBOX")
    check = ArrivalCheck(
        f"127.0.0.1:{imap.port}", Security.NONE, username=USER, limit=3, password=PASSWORD
    )
    lines: list[str] = []

    def collect(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    with smtp_server(ca, "starttls", handler) as server:
        settings = replace(_settings(server, ca_file), username="smtp-user")
        job = Job(settings, "smtp-pässword", False, "s", "b", arrival=check)
        outcome = JobRunner(job, collect).run()
    assert outcome.result.ok
    assert outcome.arrival_finding is not None
    assert outcome.arrival_finding.verdict == "arrival-inbox"
    transcript = "\n".join(lines)
    assert "smtp-pässword" not in transcript and PASSWORD not in transcript
    assert "AUTHENTICATE PLAIN [redacted]" in transcript

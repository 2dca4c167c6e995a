"""The domain check beside a real test: on the worker, after a pass only, never changing it."""

from __future__ import annotations

import socket
import time

import pytest

from smtpgui.core.deliverability.model import Record, Status
from smtpgui.core.jobs import Job, JobRunner, Outcome
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.dns_server import dns_server
from tests.helpers.servers import PASSWORD, USER, RunningServer

OFFICE_ZONE = {
    ("office.test", "TXT"): ['"v=spf1 ip4:127.0.0.1 -all"'],
    ("_dmarc.office.test", "TXT"): ['"v=DMARC1; p=reject"'],
}


def run(server: RunningServer, ca_file: str, password: str = PASSWORD, **job: object) -> Outcome:
    settings = Settings(
        endpoints=parse_server(server.server),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient="admin@office.test",
        from_address="invoices@office.test",
        ca_file=ca_file,
        timeout=5.0,
    )
    return JobRunner(Job(settings, password, False, "s", "b", **job), lambda _e: None).run()


def test_a_passed_test_carries_the_domain_check_of_the_from_domain(
    starttls_server: RunningServer, ca_file: str
) -> None:
    with dns_server(OFFICE_ZONE) as dns:
        outcome = run(starttls_server, ca_file, dns_server=dns.address)
    assert outcome.result.ok
    report = outcome.deliverability
    assert report is not None
    assert report.domain == "office.test"  # the forced From, not the admin's own address
    verdicts = {f.record: f.verdict for f in report.findings}
    # The SMTP server is 127.0.0.1, the office's own: SPF allows it by address.
    assert verdicts[Record.SPF] == "spf-good"
    assert verdicts[Record.DMARC] == "dmarc-good"


def test_a_failed_test_has_no_domain_check(starttls_server: RunningServer, ca_file: str) -> None:
    outcome = run(starttls_server, ca_file, password="wrong")
    assert not outcome.result.ok
    assert outcome.deliverability is None


def test_the_domain_check_can_be_turned_off(starttls_server: RunningServer, ca_file: str) -> None:
    assert run(starttls_server, ca_file, domain_check=False).deliverability is None


def test_bad_dns_news_never_fails_a_passed_test(
    starttls_server: RunningServer, ca_file: str
) -> None:
    # A domain with no record at all (the session's empty DNS server) is a PROBLEM verdict...
    outcome = run(starttls_server, ca_file)
    assert outcome.result.ok
    assert outcome.deliverability is not None
    assert outcome.deliverability.status is Status.PROBLEM


def test_a_dns_server_that_never_answers_delays_the_result_by_one_time_limit(
    starttls_server: RunningServer, ca_file: str
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        started = time.monotonic()
        outcome = run(starttls_server, ca_file, dns_server=f"127.0.0.1:{silent.getsockname()[1]}")
        took = time.monotonic() - started
    assert outcome.result.ok
    report = outcome.deliverability
    assert report is not None
    assert {f.verdict for f in report.findings} == {"dns-failed"}
    # The SMTP server's address (127.0.0.1) needs no DNS; SPF's two questions wait a third of
    # the time limit each, and the rest is skipped.
    assert took < 5.0


@pytest.mark.parametrize("sender", ["", "not-an-address"])
def test_no_usable_from_address_means_no_check_and_a_reason(
    starttls_server: RunningServer, ca_file: str, sender: str
) -> None:
    settings = Settings(
        endpoints=parse_server(starttls_server.server),
        username=USER,
        from_address=sender,
        ca_file=ca_file,
        timeout=5.0,
    )
    job = Job(settings, PASSWORD, False, "s", "b", send=False)
    outcome = JobRunner(job, lambda _e: None).run()
    assert outcome.result.ok
    assert outcome.deliverability is None
    assert bool(outcome.deliverability_note) == bool(sender)

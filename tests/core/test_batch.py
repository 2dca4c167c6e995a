"""Issue 20: a batch through one session; RSET after a refusal, a new connection after a 421 or
a hang-up, never a message sent twice, and pacing by the provider's published rate."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.batch import Batch, MessageReport, Outcome, Pacer, published_rate
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.transcript import TranscriptLine
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import SHUTDOWN, smtp_script
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, RefuseOne, smtp_server


def messages(count: int) -> list[tuple[int, object]]:
    return [
        (
            i,
            build_test_message(
                own_address=f"clerk{i}@example.test",
                forced_from="",
                subject=f"Invoice {i}",
                body="Here it is.",
            ),
        )
        for i in range(count)
    ]


def send(
    server: str, ca_file: str, count: int, **changes: object
) -> tuple[list[MessageReport], list[str]]:
    lines: list[str] = []

    def keep(event: object) -> None:
        if isinstance(event, TranscriptLine):
            lines.append(event.text)

    settings = settings_for(server, ca_file, **changes)
    batch = Batch(settings, PASSWORD, keep, Pacer(None))
    return list(batch.send_all(messages(count))), lines  # type: ignore[arg-type]


def nth(n: int, reply: str, otherwise: str) -> Callable[[str], str]:
    """A reply that is `reply` the n-th time the step comes (over every connection)."""
    counter = itertools.count(1)
    return lambda _line: reply if next(counter) == n else otherwise


def test_five_messages_cost_one_login(starttls_server, ca_file):
    reports, lines = send(starttls_server.server, ca_file, 5)
    assert [r.outcome for r in reports] == [Outcome.ACCEPTED] * 5
    assert len(starttls_server.handler.envelopes) == 5
    assert sum(line.startswith("AUTH ") for line in lines) == 1
    assert sum(line == "STARTTLS" for line in lines) == 1


def test_a_refused_message_is_reset_and_the_session_goes_on(ca, ca_file):
    with smtp_server(ca, handler=RefuseOne()) as server:
        reports, lines = send(server.server, ca_file, 3)
    assert [r.outcome for r in reports] == [Outcome.ACCEPTED, Outcome.REFUSED, Outcome.ACCEPTED]
    assert reports[1].result.code == 550
    assert reports[1].diagnosis is not None and reports[1].diagnosis.title
    assert "rset" in lines  # smtplib writes its commands in lower case
    assert sum(line.startswith("AUTH ") for line in lines) == 1
    assert len(server.handler.envelopes) == 2


def test_421_mid_batch_reconnects_and_loses_nothing(ca_file):
    seen: list[str] = []
    script = smtp_script({"MAIL": nth(3, SHUTDOWN, "250 2.1.0 Ok")}, seen=seen)
    with HostileServer(script) as server:
        reports, _lines = send(f"127.0.0.1:{server.port}", ca_file, 5, auth=AuthMethod.NONE)
    assert [r.outcome for r in reports] == [Outcome.ACCEPTED] * 5
    assert seen.count("DATA") == 5  # five messages handed over, none twice
    assert sum(line.upper().startswith("EHLO") for line in seen) == 2  # one new connection


def test_a_hang_up_after_the_final_dot_is_uncertain_and_never_resent(ca_file):
    seen: list[str] = []
    script = smtp_script({".": nth(2, "", "250 2.0.0 Ok: queued")}, seen=seen)
    with HostileServer(script) as server:
        reports, _lines = send(f"127.0.0.1:{server.port}", ca_file, 3, auth=AuthMethod.NONE)
    assert [r.outcome for r in reports] == [Outcome.ACCEPTED, Outcome.UNCERTAIN, Outcome.ACCEPTED]
    senders = [line for line in seen if line.startswith("MAIL FROM")]
    assert senders == [f"MAIL FROM:<clerk{i}@example.test>" for i in range(3)]  # once each


def test_a_server_that_stays_down_leaves_the_rest_not_sent(ca_file):
    with HostileServer(
        smtp_script(
            {
                "MAIL": nth(1, SHUTDOWN, "250 Ok"),
                "greeting": nth(2, "554 5.3.2 Go away", "220 smtp.test ESMTP"),
            }
        )
    ) as server:
        reports, _lines = send(f"127.0.0.1:{server.port}", ca_file, 3, auth=AuthMethod.NONE)
    assert [r.outcome for r in reports] == [Outcome.NOT_SENT] * 3
    assert reports[2].result.code == 554


def test_pacing_waits_the_published_interval():
    now = [0.0]
    waits: list[float] = []
    pacer = Pacer(30, clock=lambda: now[0])

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        now[0] += seconds
        return False

    pacer.wait = wait
    for _ in range(4):
        pacer.wait_turn()
        now[0] += 0.5  # the message itself took half a second
    assert waits == [1.5, 1.5, 1.5]


def test_microsoft_365_publishes_30_a_minute():
    settings = settings_for("tls://smtp.office365.com:587", "")
    assert published_rate(settings) == 30
    assert published_rate(settings_for("tls://smtp.example.test", "")) is None
    assert parse_server("tls://smtp.office365.com")  # the catalogue's host, as typed


def test_a_server_that_hung_up_between_messages_gets_the_next_one_on_a_new_connection(ca_file):
    """An idle timeout: the next MAIL finds the connection gone. Nothing of that message was
    taken, so it goes again; the others are not repeated."""
    seen: list[str] = []
    script = smtp_script({"MAIL": nth(2, "", "250 2.1.0 Ok")}, seen=seen)
    with HostileServer(script) as server:
        reports, _lines = send(f"127.0.0.1:{server.port}", ca_file, 3, auth=AuthMethod.NONE)
    assert [r.outcome for r in reports] == [Outcome.ACCEPTED] * 3
    senders = [line for line in seen if line.startswith("MAIL FROM")]
    assert senders == [f"MAIL FROM:<clerk{i}@example.test>" for i in (0, 1, 1, 2)]


def test_no_reply_to_the_final_dot_within_the_time_limit_is_uncertain(ca_file):
    never = threading.Event()
    ends = itertools.count(1)

    def end_of_data(_line: str) -> str:
        if next(ends) == 1:
            never.wait(5)  # the first message's end is never answered in time
        return "250 2.0.0 Ok: queued"

    seen: list[str] = []
    script = smtp_script({".": end_of_data}, seen=seen)
    with HostileServer(script) as server:
        try:
            reports, _ = send(
                f"127.0.0.1:{server.port}", ca_file, 2, auth=AuthMethod.NONE, timeout=1.0
            )
        finally:
            never.set()  # the server thread ends before the server is closed
    assert [r.outcome for r in reports] == [Outcome.UNCERTAIN, Outcome.ACCEPTED]
    assert [line for line in seen if line.startswith("MAIL FROM")] == [
        "MAIL FROM:<clerk0@example.test>",
        "MAIL FROM:<clerk1@example.test>",
    ]

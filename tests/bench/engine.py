"""Engine overhead: SmtpProbe against a minimal smtplib script, and round trips at 50 ms.

The minimum for connect, STARTTLS, AUTH and one message, counted in waits for the server
(TCP's own handshake is not counted: the proxy that adds the delay accepts at once):

    greeting 1, EHLO 1, STARTTLS 1, TLS 1.3 handshake 1 (TLS 1.2: 2), EHLO again 1
    (RFC 3207 §4.2), AUTH PLAIN with its initial response 1 (RFC 4954 §4), MAIL 1, RCPT 1,
    DATA 1 (354), end of data 1, QUIT 1                                            = 11

With PIPELINING (RFC 2920 §3.1) MAIL, RCPT and DATA go in one group and wait once: 9. (The
end of data may also carry QUIT, the last command of a group: 8. RFC 3030's BDAT would fold
the message into the MAIL/RCPT group too.)
"""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable

from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.message import TestMessage, build_test_message
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.bench.account import OWN, PASSWORD, USER
from tests.bench.remote import ServerSpec, server_process
from tests.bench.table import Row, ratios, sample

LATENCY = 0.050
MINIMUM = 11
MINIMUM_PIPELINED = 9


def message() -> TestMessage:
    return build_test_message(
        own_address=OWN, forced_from="", subject="smtpgui bench", body="A benchmark message."
    )


def with_smtpgui(port: int, ca_file: str) -> tuple[float, int, frozenset[str]]:
    """(seconds, replies counted in the transcript, capabilities after STARTTLS)."""
    settings = Settings(
        endpoints=parse_server(f"tls://127.0.0.1:{port}"),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient=OWN,
        ca_file=ca_file,
        timeout=10.0,
    )
    lines: list[object] = []
    started = time.perf_counter()
    result = SmtpProbe(settings, PASSWORD, message(), lines.append).run()
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise RuntimeError(f"the probe failed: {result.detail}")
    return elapsed, _replies(lines), frozenset(result.capabilities)


def with_smtplib(port: int, ca_file: str) -> float:
    """The same steps as the shortest smtplib script that verifies the certificate."""
    started = time.perf_counter()
    mail = message()
    client = smtplib.SMTP("127.0.0.1", port, local_hostname="localhost", timeout=10)
    client.ehlo()
    client.starttls(context=ssl.create_default_context(cafile=ca_file))
    client.ehlo()
    client.login(USER, PASSWORD)
    client.sendmail(mail.envelope_from, list(mail.recipients), mail.as_bytes())
    client.quit()
    return time.perf_counter() - started


def _replies(events: list[object]) -> int:
    """Server replies: their last lines ("250 OK", not "250-SIZE ...")."""
    return sum(
        1
        for event in events
        if isinstance(event, TranscriptLine)
        and event.direction is Direction.SERVER
        and event.text[3:4] != "-"
    )


def interleaved(
    first: Callable[[], float], second: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """Alternate who goes first, so that neither always meets a server just woken up."""
    a: list[float] = []
    b: list[float] = []
    for index in range(runs):
        if index % 2:
            b.append(second())
            a.append(first())
        else:
            a.append(first())
            b.append(second())
    return a, b


def measure(runs: int, latency_runs: int) -> list[Row]:
    specs = [ServerSpec()]
    for pipelining in (False, True):  # each behind a proxy without, then with the delay
        specs += [ServerSpec(latency=d, pipelining=pipelining) for d in (0.0, LATENCY)]
    with server_process(*specs) as servers:
        ca = servers.ca_file

        def ours(port: int) -> Callable[[], float]:
            return lambda: with_smtpgui(port, ca)[0]

        def plain(port: int) -> Callable[[], float]:
            return lambda: with_smtplib(port, ca)

        direct, *proxied = servers.ports
        interleaved(ours(direct), plain(direct), 3)  # warm-up: imports, first handshakes
        rows = [_overhead_row(*interleaved(ours(direct), plain(direct), runs))]
        for base, slow in (proxied[0:2], proxied[2:4]):
            _, replies, capabilities = with_smtpgui(slow, ca)
            ours_trips = _trips(ours(base), ours(slow), latency_runs)
            plain_trips = _trips(plain(base), plain(slow), latency_runs)
            rows.append(_trips_row(ours_trips, plain_trips, "pipelining" in capabilities, replies))
    return rows


def _trips(base: Callable[[], float], slow: Callable[[], float], runs: int) -> list[float]:
    """Waits for the server: (time with the delay - median time without it) / the delay."""
    fast_times, slow_times = interleaved(base, slow, runs)
    floor = sample(fast_times).median
    return [(elapsed - floor) / LATENCY for elapsed in slow_times]


def _overhead_row(probe: list[float], script: list[float]) -> Row:
    ratio = ratios(probe, script)
    return Row(
        "Engine: STARTTLS + AUTH + send on loopback (SmtpProbe vs plain smtplib)",
        sample(probe).show(digits=1),
        f"{sample(script).show(digits=1)} smtplib",
        ratio.show("x", 1, 2),
        "≤ 1.1x",
        ratio.median <= 1.1,
    )


def _trips_row(ours: list[float], theirs: list[float], offered: bool, replies: int) -> Row:
    mine, plain = sample(ours), sample(theirs)
    minimum = MINIMUM_PIPELINED if offered else MINIMUM
    return Row(
        f"Round trips at +{LATENCY * 1000:.0f} ms per server reply, PIPELINING offered: "
        f"{'yes' if offered else 'no'} (smtpgui read {replies} SMTP replies + TLS)",
        mine.show("", 1, 1),
        f"{plain.show('', 1, 1)} smtplib",
        f"minimum {minimum}",
        f"= {minimum}",
        round(mine.median) <= minimum,
    )

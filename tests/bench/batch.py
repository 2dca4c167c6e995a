"""A batch of 100 messages: smtpgui's one session against a persistent smtplib loop (the floor)
and against 100 separate tests (what 100 send_message() calls cost: a handshake each).

On loopback the difference is CPU: the transcript, redaction and deadlines per message. At
+50 ms per reply it is round trips: smtplib's loop waits 4 per message (MAIL, RCPT, DATA, the
end of data); smtpgui with PIPELINING offered waits 2 (RFC 2920: MAIL, RCPT and DATA in one
group, then the end of data).
"""

from __future__ import annotations

import smtplib
import ssl
import time

from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.batch import Batch, Pacer
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.probe import Callback, SmtpProbe
from tests.bench.account import OWN, PASSWORD, USER
from tests.bench.engine import message
from tests.bench.remote import ServerSpec, server_process
from tests.bench.table import Row, ratios, sample

COUNT = 100
LATENCY = 0.050


def settings_for(port: int, ca_file: str) -> Settings:
    return Settings(
        endpoints=parse_server(f"tls://127.0.0.1:{port}"),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient=OWN,
        ca_file=ca_file,
        timeout=10.0,
    )


def with_batch(port: int, ca_file: str, callback: Callback | None = None) -> float:
    """send_messages() as a script calls it: no callback, so no transcript is made (like
    smtplib's loop); with `callback`, every line and phase is made and handed over."""
    mails = [(i, message()) for i in range(COUNT)]
    started = time.perf_counter()
    batch = Batch(settings_for(port, ca_file), PASSWORD, callback, Pacer(None))
    reports = list(batch.send_all(mails))
    elapsed = time.perf_counter() - started
    if not all(r.result.ok for r in reports):
        raise RuntimeError("the batch failed")
    return elapsed


def with_separate_tests(port: int, ca_file: str) -> float:
    mails = [message() for _ in range(COUNT)]
    settings = settings_for(port, ca_file)
    started = time.perf_counter()
    for mail in mails:
        if not SmtpProbe(settings, PASSWORD, mail, _ignore).run().ok:
            raise RuntimeError("a test failed")
    return time.perf_counter() - started


def with_smtplib_loop(port: int, ca_file: str) -> float:
    mails = [message() for _ in range(COUNT)]
    started = time.perf_counter()
    client = smtplib.SMTP("127.0.0.1", port, local_hostname="localhost", timeout=10)
    client.ehlo()
    client.starttls(context=ssl.create_default_context(cafile=ca_file))
    client.ehlo()
    client.login(USER, PASSWORD)
    for mail in mails:
        client.sendmail(mail.envelope_from, list(mail.recipients), mail.as_bytes())
    client.quit()
    return time.perf_counter() - started


def _ignore(_event: object) -> None:
    pass


def measure(runs: int, latency_runs: int) -> list[Row]:
    specs = (ServerSpec(), ServerSpec(latency=LATENCY, pipelining=True))
    with server_process(*specs) as servers:
        loopback, slow = servers.ports
        ca = servers.ca_file
        return [
            *_rows(loopback, ca, "loopback", runs, listened=True),
            *_rows(
                slow, ca, f"+{LATENCY * 1000:.0f} ms per reply, PIPELINING offered", latency_runs
            ),
        ]


def _rows(port: int, ca: str, label: str, count: int, listened: bool = False) -> list[Row]:
    """The batch against both floors; `listened`: also with a callback taking every line (what
    the live transcript of the CLI and the window costs)."""
    ours, loop, heard = [], [], []
    for _ in range(count):  # interleaved: a busy moment hits each alike
        ours.append(with_batch(port, ca))
        loop.append(with_smtplib_loop(port, ca))
        if listened:
            heard.append(with_batch(port, ca, _ignore))
    separate = [with_separate_tests(port, ca) for _ in range(count)]
    rows = [
        _row(label, ours, loop, "persistent smtplib loop", 1.1),
        _row(label, ours, separate, f"{COUNT} separate send_message()", None),
    ]
    if listened:
        whom = "persistent smtplib loop"
        rows.append(_row(f"{label}, every line to a callback", heard, loop, whom, None))
    return rows


def _row(
    label: str, ours: list[float], theirs: list[float], whom: str, target: float | None
) -> Row:
    ratio = ratios(ours, theirs)
    return Row(
        f"Batch of {COUNT} messages, one session ({label}) vs {whom}",
        sample(ours).show(digits=0),
        f"{sample(theirs).show(digits=0)} {whom}",
        ratio.show("x", 1, 2),
        f"≤ {target}x" if target else "–",
        ratio.median <= target if target else None,
    )

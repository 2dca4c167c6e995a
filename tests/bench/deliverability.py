"""What the domain check adds to a passed test: JobRunner with and without it, side by side.

The DNS server (tests/helpers/dns_server.py, records of a Microsoft 365 office that is all
good) runs on 127.0.0.1 in this process; the SMTP servers in the bench's server process. On
loopback everything answers at once; behind 50 ms per SMTP reply and 20 ms per DNS answer the
check (about 12 DNS questions, one after the other) runs while the SMTP test waits for its
server.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from smtpgui.core.jobs import Job, JobRunner
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.endpoint import parse_server
from tests.bench.account import OWN, PASSWORD, USER
from tests.bench.engine import interleaved
from tests.bench.remote import ServerSpec, server_process
from tests.bench.table import Row, sample
from tests.helpers.dns_server import dns_server

SMTP_LATENCY = 0.050
DNS_LATENCY = 0.020
ZONE = {
    ("office.test", "TXT"): ['"v=spf1 ip4:127.0.0.1 -all"'],
    ("_dmarc.office.test", "TXT"): ['"v=DMARC1; p=reject"'],
}


CHECK_ALONE: list[float] = []  # what the domain check itself took, per run (seconds)


def one_test(port: int, ca_file: str, dns: str, domain_check: bool) -> float:
    settings = Settings(
        endpoints=parse_server(f"tls://127.0.0.1:{port}"),
        auth=AuthMethod.AUTO,
        username=USER,
        recipient=OWN,
        from_address="invoices@office.test",
        ca_file=ca_file,
        timeout=10.0,
    )
    job = Job(settings, PASSWORD, False, "bench", "b", domain_check=domain_check, dns_server=dns)
    started = time.perf_counter()
    outcome = JobRunner(job, lambda _e: None).run()
    elapsed = time.perf_counter() - started
    if not outcome.result.ok or (domain_check and outcome.deliverability is None):
        raise RuntimeError(
            f"the test failed: {outcome.result.detail} {outcome.deliverability_note}"
        )
    if outcome.deliverability is not None:
        CHECK_ALONE.append(outcome.deliverability.elapsed_ms / 1000)
    return elapsed


def measure(runs: int) -> list[Row]:
    rows = [_import_row()]
    with server_process(ServerSpec(), ServerSpec(latency=SMTP_LATENCY)) as servers:
        for port, delay in zip(servers.ports, (0.0, DNS_LATENCY), strict=True):
            with dns_server(ZONE, delay) as dns:

                def run(
                    check: bool, port: int = port, dns: str = dns.address
                ) -> Callable[[], float]:
                    return lambda: one_test(port, servers.ca_file, dns, check)

                interleaved(run(True), run(False), 2)  # warm-up: imports, first handshakes
                CHECK_ALONE.clear()
                rows.append(_added_row(*interleaved(run(True), run(False), runs), delay))
    return rows


def _added_row(checked: list[float], plain: list[float], delay: float) -> Row:
    added = [a - b for a, b in zip(checked, plain, strict=True)]
    where = (
        "loopback SMTP and DNS"
        if not delay
        else f"{SMTP_LATENCY * 1000:.0f} ms per SMTP reply, {delay * 1000:.0f} ms per DNS answer"
    )
    limit = 0.050 if not delay else 0.100
    return Row(
        f"Domain check: time it adds to a passed test ({where})",
        f"+{sample(added).show()}",
        f"{sample(plain).show()} test without it; the check alone {sample(CHECK_ALONE).show()}",
        f"{sample(checked).show()} with it",
        f"≤ +{limit * 1000:.0f} ms",
        sample(added).median <= limit,
    )


def _import_row() -> Row:
    """checkdmarc loads on the worker at the first check of a process; dnspython is there."""
    code = (
        "import time, dns.resolver; t = time.perf_counter(); "
        "import checkdmarc.spf, checkdmarc.dmarc; print(time.perf_counter() - t)"
    )
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return Row(
        "Domain check: loading checkdmarc (first check of a process, on the worker)",
        sample(times).show(),
        "dnspython already loaded",
        "once per process",
        "off the GUI thread",
        None,
    )

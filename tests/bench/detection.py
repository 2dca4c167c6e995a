"""Detect: three ports probed at once against each probed alone, every greeting 300 ms late."""

from __future__ import annotations

import time
from collections.abc import Sequence

from smtpgui.core.discovery.detect import Detector
from smtpgui.core.smtp.endpoint import Security
from tests.bench.remote import ServerSpec, server_process
from tests.bench.table import Row, ratios, sample

GREETING_DELAY = 0.3
TARGET = 1.2


def detect(ports: Sequence[tuple[int, Security]], ca_file: str) -> float:
    started = time.perf_counter()
    reports = Detector("127.0.0.1", ca_file=ca_file, timeout=5.0, ports=ports).run()
    elapsed = time.perf_counter() - started
    if len(reports) != len(ports) or not all(report.reachable for report in reports):
        raise RuntimeError(f"Detect did not reach every port: {reports}")
    return elapsed


def measure(runs: int) -> list[Row]:
    specs = (
        ServerSpec(mode="tls", greeting_delay=GREETING_DELAY),
        ServerSpec(mode="starttls", greeting_delay=GREETING_DELAY),
        ServerSpec(mode="starttls", greeting_delay=GREETING_DELAY),
    )
    with server_process(*specs) as servers:
        security = (Security.TLS, Security.STARTTLS, Security.STARTTLS)
        ports = tuple(zip(servers.ports, security, strict=True))
        detect(ports, servers.ca_file)  # warm-up
        together, slowest, summed = [], [], []
        for _ in range(runs):
            together.append(detect(ports, servers.ca_file))
            alone = [detect([port], servers.ca_file) for port in ports]
            slowest.append(max(alone))
            summed.append(sum(alone))
    ratio = ratios(together, slowest)
    return [
        Row(
            f"Detect: 3 ports at once, greetings {GREETING_DELAY * 1000:.0f} ms late "
            f"(vs the slowest single port; the sum of the three: {sample(summed).show()})",
            sample(together).show(),
            f"{sample(slowest).show()} slowest alone",
            ratio.show("x", 1, 2),
            f"≤ {TARGET}x slowest",
            ratio.median <= TARGET,
        )
    ]

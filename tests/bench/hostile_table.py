"""Print issue 5's table: hostile scenario -> outcome -> time to fail -> memory peak.

    python -m tests.bench.hostile_table

Each scenario runs a real Save against its server on 127.0.0.1 (tests/hostile_scenarios.py);
the peak is tracemalloc's for the whole process while it runs (the client, and the hostile
server thread with its send buffer). Cancel is timed at every phase the scenario goes through.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import trustme

from smtpgui.core.result import Failure
from tests.hostile_scenarios import SCENARIOS, phases_until, run_save


def main() -> None:
    ca = trustme.CA()
    with tempfile.TemporaryDirectory() as tmp:
        ca_file = str(Path(tmp) / "ca.pem")
        ca.cert_pem.write_to_path(ca_file)
        print("| scenario | outcome | time to fail | time limit | memory peak | slowest Cancel |")
        print("|---|---|---|---|---|---|")
        for index, scenario in enumerate(SCENARIOS):
            folder = Path(tmp) / str(index)
            run = run_save(scenario, ca, ca_file, folder, measure_memory=True)
            result = run.outcome.result
            cancels = []
            for phase in phases_until(scenario):
                cancelled = run_save(scenario, ca, ca_file, folder, cancel_at=phase)
                assert cancelled.outcome.result.failure is Failure.CANCELLED
                cancels.append((cancelled.seconds, phase))
            slowest, where = max(cancels)
            code = f" {result.code}" if result.code else ""
            outcome = f"{result.phase} / {result.failure}{code}; saved: {run.saved_anything}"
            print(
                f"| {scenario.name} | {outcome} | {run.seconds:.2f} s | {scenario.timeout:g} s "
                f"| {run.peak / 1024:.0f} KiB | {slowest * 1000:.1f} ms ({where}, "
                f"{len(cancels)} phases) |"
            )


if __name__ == "__main__":
    main()

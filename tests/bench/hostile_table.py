"""Print issue 5's table: hostile scenario -> outcome -> time to fail -> memory peak; and
issue 14's rows: the OAuth2 loopback listener, a device flow's numbers, silent backups.

    python -m tests.bench.hostile_table

Each scenario runs a real Save against its server on 127.0.0.1 (tests/helpers/hostile_scenarios.py);
the peak is tracemalloc's for the whole process while it runs (the client, and the hostile
server thread with its send buffer). Cancel is timed at every phase the scenario goes through.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import trustme

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.result import Failure
from tests.helpers.hostile_scenarios import SCENARIOS, phases_until, run_save


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


def issue_14() -> None:
    """Issue 14's rows: the loopback listener, a device flow's numbers, silent backups."""
    from smtpgui.core.oauth.device import sign_in_with_code
    from smtpgui.core.oauth.tokens import TokenEndpoint
    from smtpgui.core.profile.settings import Settings
    from smtpgui.core.smtp.probe import SmtpProbe
    from tests.helpers.hostile import HostileServer
    from tests.helpers.hostile_smtp import silent
    from tests.helpers.oauth_server import CLIENT_ID, authorization_server
    from tests.helpers.sign_in import cancel_time

    print("\n| issue 14 input | how it ends | time |")
    print("|---|---|---|")
    with authorization_server() as auth:
        took, error = cancel_time(auth)
        print(
            "| sign-in, silent + half-sent client, Cancel "
            f"| {type(error).__name__} | {took * 1000:.0f} ms |"
        )
        took, error = cancel_time(auth, timeout=1.0)
        print(
            f"| same, 1 s limit | {type(error).__name__} "
            f"| {(took - 1.0) * 1000:.0f} ms after the limit |"
        )
        answer = {**auth.device(), "interval": 0, "expires_in": 1e308}
        auth.device = lambda: answer  # type: ignore[method-assign]
        auth.device_answers = ["authorization_pending"] * 2
        started = time.monotonic()
        sign_in_with_code(auth.provider.for_tenant(""), TokenEndpoint(CLIENT_ID), lambda _c: None)
        took = time.monotonic() - started
        print(
            "| device flow, interval 0, expires_in 1e308 "
            f"| signed in after {auth.device_polls} polls | {took:.2f} s |"
        )
    servers = [HostileServer(silent()) for _ in range(5)]
    field = ";".join(f"127.0.0.1:{s.port}" for s in servers)
    settings = Settings(
        endpoints=parse_server(field), auth=AuthMethod.NONE, recipient="a@b.example", timeout=1.0
    )
    lines: list[str] = []
    started = time.monotonic()
    result = SmtpProbe(settings, "", None, lambda e: lines.append(getattr(e, "text", ""))).run()
    took = time.monotonic() - started
    cut = sum("not tried" in line for line in lines)
    print(
        f"| 5 silent servers, 1 s limit | {result.phase} / {result.failure}; "
        f"cut-off noted: {bool(cut)} | {took:.2f} s |"
    )
    for server in servers:
        server.close()


if __name__ == "__main__":
    main()
    issue_14()

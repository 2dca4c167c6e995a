"""`smtpgui check` as a whole process against swaks, the admin's usual command-line peer.

Both connect to the same loopback server, STARTTLS with the certificate verified, AUTH PLAIN,
one message, QUIT; the time is the process's, from spawn to exit. Without swaks on PATH the
row says so instead of a number (CI installs it: .ci/run).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.account import OWN, PASSWORD, USER
from tests.bench.remote import ServerSpec, server_process
from tests.bench.table import Row, ratios, sample

LABEL = "`smtpgui check` as a whole process, STARTTLS + AUTH + send on loopback, vs swaks"


def smtpgui_command(port: int, ca_file: str) -> list[str]:
    return [
        *(sys.executable, "-m", "smtpgui", "check", "--server", f"tls://127.0.0.1:{port}"),
        *("--user", USER, "--to", OWN, "--ca-file", ca_file, "--password-stdin"),
        # Like for like: swaks checks no SPF/DKIM/DMARC; the domain check has its own row.
        "--no-domain-check",
    ]


def swaks_command(swaks: str, port: int, ca_file: str) -> list[str]:
    # The bench's throw-away password on argv: swaks has no other way short of a prompt.
    return [
        *(swaks, "--server", f"127.0.0.1:{port}", "--tls", "--tls-verify"),
        *("--tls-ca-path", ca_file, "--auth", "PLAIN", "--auth-user", USER),
        *("--auth-password", PASSWORD, "--from", OWN, "--to", OWN, "--silent", "2"),
    ]


def timed(command: list[str], stdin: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stdout}{done.stderr}")
    return elapsed


def measure(runs: int) -> list[Row]:
    swaks = shutil.which("swaks")
    with server_process(ServerSpec()) as servers:
        port, ca = servers.ports[0], servers.ca_file
        ours = smtpgui_command(port, ca)
        timed(ours, PASSWORD + "\n")  # warm-up: bytecode caches, the server's first handshake
        if swaks is None:
            mine = sample(timed(ours, PASSWORD + "\n") for _ in range(runs))
            return [
                Row(LABEL, mine.show(), "swaks is not installed: no reference", "–", "≤ 1.0x", None)
            ]
        theirs_command = swaks_command(swaks, port, ca)
        timed(theirs_command, "")
        mine_runs, theirs_runs = [], []
        for _ in range(runs):  # side by side, so drift cancels out
            mine_runs.append(timed(ours, PASSWORD + "\n"))
            theirs_runs.append(timed(theirs_command, ""))
    ratio = ratios(mine_runs, theirs_runs)
    return [
        Row(
            LABEL,
            sample(mine_runs).show(),
            f"{sample(theirs_runs).show()} swaks",
            ratio.show("x", 1, 2),
            "≤ 1.0x",
            ratio.median <= 1.0,
        )
    ]

"""`smtpgui check` as a whole process against swaks, the admin's usual command-line peer.

Both connect to the same loopback server, STARTTLS with the certificate verified, AUTH PLAIN,
one message, QUIT; the time is the process's, from spawn to exit. Without swaks on PATH the
row says so instead of a number (CI installs it: .ci/run).

A second row measures Python's own floor for the same work: the shortest smtplib script that
does it (no transcript, no options, no settings), run the same way. The Python processes run
with bytecode caching as an installed app has it (startup.child_environment): with
PYTHONDONTWRITEBYTECODE=1, as on the bench machines, every run compiled smtpgui's modules from
source, a third of the time measured before (issue 20).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.account import OWN, PASSWORD, USER
from tests.bench.remote import ServerSpec, server_process
from tests.bench.startup import child_environment
from tests.bench.table import Row, ratios, sample

LABEL = "`smtpgui check` as a whole process, STARTTLS + AUTH + send on loopback, vs swaks"
FLOOR_LABEL = "`smtpgui check` as a whole process, vs the shortest smtplib script doing the same"
# Python's floor: the same conversation, nothing else. The password comes on stdin, as ours.
FLOOR_SCRIPT = """
import smtplib, ssl, sys
port, ca, user, to = sys.argv[1:5]
password = sys.stdin.readline().rstrip("\\n")
client = smtplib.SMTP("127.0.0.1", int(port), local_hostname="localhost", timeout=10)
client.ehlo()
client.starttls(context=ssl.create_default_context(cafile=ca))
client.ehlo()
client.login(user, password)
mail = f"From: {to}\\r\\nTo: {to}\\r\\nSubject: test\\r\\n\\r\\nA test.\\r\\n"
client.sendmail(to, [to], mail.encode())
client.quit()
"""


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


def floor_command(port: int, ca_file: str) -> list[str]:
    return [sys.executable, "-c", FLOOR_SCRIPT, str(port), ca_file, USER, OWN]


def timed(command: list[str], stdin: str, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stdout}{done.stderr}")
    return elapsed


def measure(runs: int) -> list[Row]:
    swaks = shutil.which("swaks")
    with server_process(ServerSpec()) as servers, tempfile.TemporaryDirectory() as config:
        env = child_environment(config)
        port, ca = servers.ports[0], servers.ca_file
        kinds = {
            "smtpgui": (smtpgui_command(port, ca), PASSWORD + "\n", env),
            "floor": (floor_command(port, ca), PASSWORD + "\n", env),
        }
        if swaks is not None:
            kinds["swaks"] = (swaks_command(swaks, port, ca), "", None)
        for command, stdin, environment in kinds.values():
            timed(command, stdin, environment)  # warm-up: bytecode caches, the server's TLS
        found: dict[str, list[float]] = {name: [] for name in kinds}
        for _ in range(runs):  # side by side, so drift cancels out
            for name, (command, stdin, environment) in kinds.items():
                found[name].append(timed(command, stdin, environment))
    return [
        _swaks_row(found),
        _row(FLOOR_LABEL, found["smtpgui"], found["floor"], "smtplib script"),
    ]


def _swaks_row(found: dict[str, list[float]]) -> Row:
    if "swaks" not in found:
        mine = sample(found["smtpgui"]).show()
        return Row(LABEL, mine, "swaks is not installed: no reference", "–", "≤ 1.0x", None)
    return _row(LABEL, found["smtpgui"], found["swaks"], "swaks", target=1.0)


def _row(
    label: str, mine: list[float], theirs: list[float], whom: str, target: float | None = None
) -> Row:
    ratio = ratios(mine, theirs)
    return Row(
        label,
        sample(mine).show(),
        f"{sample(theirs).show()} {whom}",
        ratio.show("x", 1, 2),
        f"≤ {target}x" if target else "–",
        ratio.median <= target if target else None,
    )

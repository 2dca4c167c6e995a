"""The CLI as a subprocess, read as the admin's terminal reads it: in the child's own stream
encoding, strictly (a byte the terminal could not show fails the test); and the `check`
arguments the CLI tests start from. (tests/helpers/cli.py reads leniently, as UTF-8.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.servers import USER

ROOT = Path(__file__).resolve().parents[2]
OWN = "admin@example.test"
# What the child's standard streams are in: PYTHONIOENCODING (`.ci/run` sets cp1252, as on
# Windows), else the locale's.
CHILD_IO = os.environ.get("PYTHONIOENCODING", "").partition(":")[0] or None


def cli(env, *args, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        encoding=CHILD_IO,
        timeout=timeout,
    )


def base_args(server: str, ca_file: str) -> list[str]:
    """`check` with the server, user, recipient, CA file and a 5 s limit; no login options."""
    return [
        *("check", "--server", server, "--user", USER, "--to", OWN),
        *("--ca-file", ca_file, "--timeout", "5"),
    ]


def check_args(server: str, ca_file: str, *extra: str) -> list[str]:
    return [*base_args(server, ca_file), "--password-stdin", *extra]

"""Running the real CLI as a subprocess, with its own config folder and file keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def python_path() -> str:
    """The checkout, plus what PYTHONPATH holds already (`.ci/run`'s Windows-like startup)."""
    return os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def cli_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """The environment of a CLI child: its own config folder and file keyring under
    `tmp_path`; PYTHONPATH keeps what the run set (the Windows-like sitecustomize of .ci/run
    reaches every CLI a test starts)."""
    return dict(
        os.environ,
        SMTPGUI_CONFIG_DIR=str(tmp_path / "config"),
        PYTHON_KEYRING_BACKEND="tests.helpers.file_keyring.FileKeyring",
        SMTPGUI_TEST_KEYRING=str(tmp_path / "keyring.json"),
        PYTHONPATH=python_path(),
        **more,
    )


def cli(
    env: dict[str, str], *args: str, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", *args],
        input=stdin,
        env=env,
        capture_output=True,
        # UTF-8 in (what smtpgui reads first, whatever the locale), and what comes out read
        # leniently: under the Windows-like CI run the child writes cp1252.
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )

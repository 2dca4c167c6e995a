"""The window read over AT-SPI, as Orca reads it: every focusable control has a name.

Needs an X server (xvfb-run), a D-Bus session, at-spi2-core and a Python with pyatspi;
.ci/run installs them. Without them the test is skipped (the QAccessible walk in
test_accessibility.py still runs everywhere).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"  # pyatspi is a Debian package, not on PyPI


def _missing() -> str:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi2-core is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return "python3-pyatspi is not installed" if probe.returncode else ""


def test_every_focusable_control_has_a_name_over_atspi(tmp_path):
    missing = _missing() if Path(SYSTEM_PYTHON).exists() else "no system Python"
    if missing:
        pytest.skip(missing)
    env = dict(os.environ, SMTPGUI_CONFIG_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    env["PYTHON_KEYRING_BACKEND"] = "tests.helpers.file_keyring.FileKeyring"
    env["SMTPGUI_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    env.pop("QT_QPA_PLATFORM", None)
    walk = [SYSTEM_PYTHON, str(ROOT / "tools" / "atspi_walk.py"), sys.executable]
    out = subprocess.run(
        ["xvfb-run", "-a", "dbus-run-session", "--", *walk],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["focusable"] >= 20, out.stderr
    assert report["nameless"] == []

"""--self-test: what CI and installers run on the built and the installed app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest


def self_test(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", "--self-test", *args],
        capture_output=True,
        text=True,
        timeout=90,
    )


def test_self_test_passes_and_says_what_it_checked():
    out = self_test()
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    for name in ("resources", "translations", "keyring backends", "probe"):
        assert any(line.startswith(f"ok   {name}:") for line in lines), out.stdout
    assert "test message accepted" in out.stdout
    assert lines[-1].startswith("self-test passed")


def test_self_test_passes_in_spanish_too():
    out = self_test("--lang", "es")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Servidor de correo saliente (SMTP) – smtpgui" in out.stdout  # the window's title


def test_self_test_fails_without_its_resources(tmp_path):
    """Point the app at an empty resources folder: the self-test must say FAIL and exit 1."""
    code = (
        "import sys, pathlib, smtpgui.resources as r\n"
        f"r.ROOT = pathlib.Path({str(tmp_path)!r}); r.TRANSLATIONS = r.ROOT / 'translations'\n"
        "import smtpgui.self_test as s\n"
        "s.ROOT, s.TRANSLATIONS = r.ROOT, r.TRANSLATIONS\n"
        "from smtpgui.app import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=90)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "FAIL resources" in out.stdout and "FAIL translations" in out.stdout
    assert out.stdout.splitlines()[-1].startswith("self-test FAILED")


def test_self_test_is_quiet_on_stderr():
    """aiosmtpd's warning about its own deprecated login_data used to reach the terminal."""
    out = self_test()
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stderr == ""


def test_a_native_self_test_fails_when_it_ends_up_off_screen():
    """Simulates an install whose only working platform is offscreen: native must say FAIL."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "smtpgui", "--self-test", "--platform", "native"],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "FAIL platform: offscreen" in out.stdout


def test_the_default_self_test_runs_off_screen_and_says_so():
    out = self_test()
    assert "ok   platform: offscreen" in out.stdout


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM ends a POSIX process")
def test_sigterm_ends_the_demo_and_removes_its_folder(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    demo = subprocess.Popen(
        [sys.executable, "-m", "smtpgui", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("smtpgui-demo-*/demo-ca.pem")):
            assert demo.poll() is None and time.monotonic() < deadline, demo.communicate()
            time.sleep(0.05)  # polling for a condition, with a deadline
        demo.send_signal(signal.SIGTERM)
        _, err = demo.communicate(timeout=60)
    finally:
        demo.kill()
    assert demo.returncode == 0, err
    assert list(tmp_path.glob("smtpgui-demo-*")) == []
    assert "Traceback" not in err and "deprecated" not in err


def test_a_hung_self_test_ends_with_1_at_its_time_limit():
    """Installers wait for the self-test: a hang (here: the probe never answering) must end."""
    code = (
        "import sys, threading, smtpgui.self_test as s\n"
        "s.TOTAL_LIMIT_S = 1.0\n"
        "s.check_probe = lambda: threading.Event().wait()\n"
        "from smtpgui.app import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=90)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "FAIL time limit" in out.stdout and out.stdout.splitlines()[-1] == "self-test FAILED"

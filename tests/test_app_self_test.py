"""--self-test: what CI and installers run on the built and the installed app."""

from __future__ import annotations

import subprocess
import sys


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

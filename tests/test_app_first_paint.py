"""SMTPGUI_BENCH_FIRST_PAINT: the start-up report the frozen app gives the benchmark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from tests.helpers.cli import cli_env


def test_first_paint_is_reported_and_ends_the_process(tmp_path):
    env = {
        **os.environ,
        "SMTPGUI_BENCH_FIRST_PAINT": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "SMTPGUI_CONFIG_DIR": str(tmp_path),
    }
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "smtpgui"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.splitlines()[0])
    assert started < report["painted"] < time.monotonic()
    assert report["maxrss_kib"] > 10_000  # a Qt window takes tens of MiB


# What the first paint must not wait for: each loads when first used (start-up benchmark).
NOT_AT_START = (
    "smtplib",  # the probe: on the worker, at the first Test
    "imaplib",  # the arrival check: only once it is ticked and a test passes
    "cryptography",  # certificate details: only for a certificate shown
    "urllib.request",  # OAuth2 and Find settings
    "smtpgui.core.smtp.probe",
    "smtpgui.core.smtp.result",  # a test's outcome: the first paint needs only the phases
    "smtpgui.core.deliverability.arrival",
    "smtpgui.core.diagnosis.catalogue",
    "smtpgui.core.discovery.run",
    "smtpgui.core.discovery.detect",  # Detect's ports and its worker: at the first Detect
    "smtpgui.core.jobs",  # the job runner: with the first Test's worker
    "smtpgui.core.deliverability",  # the panel and the arrival check: after a passed test
    "hashlib",  # a secret's parts' checksum: only for a secret long enough to be split
    "socket",  # SIGTERM wakes the event loop through a pipe (a socket pair took 4 ms)
    "locale",  # argparse's gettext: `smtpgui` without arguments builds no parser
    "email",  # the message: built by the first Test (plain addresses are checked without it)
)


def test_the_first_paint_loads_nothing_a_test_loads_later(tmp_path):
    env = {
        **os.environ,
        "SMTPGUI_BENCH_FIRST_PAINT": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "SMTPGUI_CONFIG_DIR": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smtpgui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    loaded = {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if "|" in line}
    assert "smtpgui.ui.main_window" in loaded  # the list is real
    early = {m for m in loaded if m.startswith(NOT_AT_START)}
    assert early == set()


def test_a_ticked_arrival_check_is_built_without_the_imap_client():
    # The window builds a Test's ArrivalCheck on the GUI thread; imaplib loads on the worker.
    code = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
from smtpgui.ui.arrival_fields import ArrivalFields
app = QApplication([])
fields = ArrivalFields(QLineEdit("smtp.office365.com"), QLineEdit("me@example.com"))
fields.enabled.setChecked(True)
assert fields.check() is not None
assert "imaplib" not in sys.modules, "imaplib loaded on the GUI thread"
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


# PySide6 classes the first paint must not build (each builds its Python enums when first
# touched): `Qt` alone has ninety-odd, about 25 ms (smtpgui.ui.qt_enums).
NOT_BUILT_AT_START = {
    "QtCore": ("Qt",),
    # QTextCursor: the log writes its lines with it, after a test.
    "QtGui": ("QAccessible", "QAccessibleEvent", "QTextCursor"),
}

_BUILT_AT_FIRST_PAINT = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

WATCHED = json.loads(sys.argv[1])


class Check(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            built = {
                module: [name for name in names if name in vars(sys.modules["PySide6." + module])]
                for module, names in WATCHED.items()
            }
            print(json.dumps(built), flush=True)
            os._exit(0)
        return False


app = QApplication([])
check = Check()
app.installEventFilter(check)
from smtpgui.app import main

main([])
"""


def test_the_first_paint_builds_no_qt_class_it_can_do_without(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SMTPGUI_CONFIG_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", _BUILT_AT_FIRST_PAINT, json.dumps(NOT_BUILT_AT_START)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == {module: [] for module in NOT_BUILT_AT_START}


_SAVED = """
from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.store import SettingsStore
from tests.helpers.profiles import settings_at

save_profile(settings_at("tls://smtp.example.com:587"), "secret", SettingsStore(), SecretStore())
"""

_OPENED = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
at_paint = []


class Spy(QObject):
    def eventFilter(self, watched, event):
        if not at_paint and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            at_paint.extend(name in sys.modules for name in ("keyring", "email"))
        return False


spy = Spy()
app.installEventFilter(spy)
from smtpgui.ui.main_window import SettingsWindow

window = SettingsWindow()


def known(stored):
    print(json.dumps([at_paint, stored, "smtpgui.core.jobs" in sys.modules]))
    app.quit()


window.password_state_known.connect(known)
window.show()
app.exec()
"""


def test_saved_settings_are_painted_before_the_keyring_is_asked(tmp_path):
    # keyring's import (an entry point scan) and the look-up held the GIL for ~70 ms that the
    # first paint waited for; now they start once the window is on screen, and still find the
    # stored password. The job runner, which the first Test would load in the click, is
    # loaded then too. The saved addresses are checked without the email package.
    env = {**cli_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", _SAVED], env=env, check=True, timeout=60)
    out = subprocess.run(
        [sys.executable, "-c", _OPENED], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == [[False, False], True, True]

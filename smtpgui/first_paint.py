"""SMTPGUI_BENCH_FIRST_PAINT=1: report the window's first paint and exit (start-up benchmarks).

The frozen app cannot run tests/bench/startup_child.py, so it offers the same report itself:
one JSON line, {"painted": time.monotonic() at the main window's first QEvent.Paint,
"maxrss_kib": peak resident memory then}. CLOCK_MONOTONIC is machine-wide, so the caller
subtracts its own reading taken just before it started the process.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMainWindow

VARIABLE = "SMTPGUI_BENCH_FIRST_PAINT"


class FirstPaintReporter(QObject):
    """Application-wide event filter: the first Paint of a main window ends the process."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            painted = time.monotonic()
            report = {"painted": painted, "maxrss_kib": peak_rss_kib()}
            sys.stdout.write(json.dumps(report) + "\n")
            sys.stdout.flush()
            os._exit(0)  # no teardown: only the way to the first frame is measured
        return False


def peak_rss_kib() -> int:
    """Peak resident memory of this process (VmHWM) in KiB; 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def install_if_asked(app: QCoreApplication) -> None:
    if os.environ.get(VARIABLE):
        reporter = FirstPaintReporter(app)
        app.installEventFilter(reporter)

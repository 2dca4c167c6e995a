"""Child process of the start-up bench: open a window, report the first paint, exit.

    python tests/bench/startup_child.py smtpgui      # smtpgui.app.main(), as the launcher runs it
    python tests/bench/startup_child.py floor N      # a plain QMainWindow with N simple widgets
    python tests/bench/startup_child.py floor N NAMES  # the same, after loading the PySide6
                                                     # classes NAMES ("QtCore.Qt,QtGui.QIcon")

Prints one JSON line: {"painted": time.monotonic() at the window's first QEvent.Paint,
"maxrss_kib": the peak resident memory at that moment}. CLOCK_MONOTONIC is one clock for the
whole machine (Linux, macOS, Windows), so the parent compares it with its own reading taken
before spawning.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import sys
import time

if __name__ == "__main__" and sys.argv[1:2] == ["smtpgui"]:
    # `python -m smtpgui` loads smtpgui.app first and PySide6 only in its main(): in this
    # order PySide6's import hook never sees smtpgui.app's imports (smtpgui.ui.feature_scan).
    importlib.import_module("smtpgui.app")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Application-wide filter: the first Paint a QMainWindow receives ends the process."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            painted = time.monotonic()
            rss = peak_rss_kib()
            sys.stdout.write(json.dumps({"painted": painted, "maxrss_kib": rss}) + "\n")
            sys.stdout.flush()
            os._exit(0)  # no teardown: only the way to the first frame is measured
        return False


def peak_rss_kib() -> int:
    """This address space's peak RSS (VmHWM), in KiB.

    Not ru_maxrss on Linux: execve() keeps the larger of the old and the new peak, and the old
    one is the forked bench process's (~100 MiB), which would hide every difference.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS


def floor_window(count: int) -> QMainWindow:
    """A main window with `count` QWidgets in all (itself included), in a grid of simple ones."""
    from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

    window = QMainWindow()
    central = QWidget()
    grid = QGridLayout(central)
    kinds = (QLabel, QLineEdit, QPushButton)
    for index in range(max(count - 2, 0)):  # the window and the central widget count too
        kind = kinds[index % len(kinds)]
        widget = kind("x") if kind is not QLineEdit else QLineEdit()
        grid.addWidget(widget, index // 6, index % 6)
    window.setCentralWidget(central)
    window.resize(1280, 720)
    return window


def qt_names() -> str:
    """The PySide6 classes smtpgui's start-up modules import, as NAMES for the floor.

    PySide6 builds each class (and every Python enum in it: Qt alone has about a hundred) when
    it is first imported; a window that uses more kinds of widgets pays for more of them.
    """
    from smtpgui.ui.main_window import SettingsWindow  # noqa: F401 (loads the window's modules)

    names = set()
    for module_name, module in list(sys.modules.items()):
        if module_name == "smtpgui.app" or module_name.startswith("smtpgui.ui"):
            for value in vars(module).values():
                where = getattr(value, "__module__", "") or ""
                if isinstance(value, type) and where.startswith("PySide6.Qt"):
                    names.add(f"{where.removeprefix('PySide6.')}.{value.__name__}")
    return ",".join(sorted(names))


def main() -> None:
    if sys.argv[1] == "qt-names":
        print(qt_names())
        return
    app = QApplication([sys.argv[0]])
    spy = FirstPaint()
    app.installEventFilter(spy)
    if sys.argv[1] == "smtpgui":
        from smtpgui.app import main as smtpgui_main

        smtpgui_main([])
    else:
        for name in sys.argv[3].split(",") if len(sys.argv) > 3 else ():
            module, _, attribute = name.partition(".")
            getattr(importlib.import_module(f"PySide6.{module}"), attribute)
        window = floor_window(int(sys.argv[2]))
        window.show()
        app.exec()


if __name__ == "__main__":
    main()

"""Read the window's accessibility tree over AT-SPI, as Orca does; print what lacks a name.

Run with a Python that has pyatspi (Debian: python3-pyatspi), inside a D-Bus session and an X
server, the window's Python given as the first argument:

    xvfb-run -a dbus-run-session -- /usr/bin/python3 tools/atspi_walk.py .venv/bin/python

Prints one JSON object: how many focusable controls it read, and those without a name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]

WINDOW = """
from PySide6.QtWidgets import QApplication
from smtpgui.ui.main_window import SettingsWindow
app = QApplication(["smtpgui"])
window = SettingsWindow()
window.show()
app.exec()
"""


def find_app(limit_s: float = 20.0) -> object:
    """The smtpgui application on the accessibility bus, once it has registered."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == "smtpgui" and app.childCount:
                return app
        time.sleep(0.2)  # polling the bus: the window registers when Qt has started
    raise SystemExit("smtpgui did not appear on the accessibility bus")


def walk(node: object, found: list[object]) -> None:
    found.append(node)
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, found)


def main() -> int:
    subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
    window = subprocess.Popen([sys.argv[1], "-c", WINDOW], env=env)
    try:
        nodes: list[object] = []
        walk(find_app(), nodes)
        focusable = [
            n
            for n in nodes
            if n.getState().contains(pyatspi.STATE_FOCUSABLE)
            and n.getState().contains(pyatspi.STATE_SHOWING)
        ]
        nameless = [f"{n.getRoleName()} {n.description!r}" for n in focusable if not n.name]
        print(json.dumps({"focusable": len(focusable), "nameless": nameless}))
    finally:
        window.terminate()
        window.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

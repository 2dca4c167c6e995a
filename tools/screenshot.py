"""Render the real window against the demo server to PNGs for the README.

Run: QT_QPA_PLATFORM=offscreen python tools/screenshot.py  (writes resources/screenshots/*.png)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from smtpgui.demo import DemoServer
from smtpgui.ui.main_window import SettingsWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def run_and_wait(window: SettingsWindow, action: str) -> None:
    loop = QEventLoop()
    window.outcome_ready.connect(loop.quit)
    QTimer.singleShot(0, getattr(window, action))
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    window.outcome_ready.disconnect(loop.quit)


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with DemoServer() as demo:
        window = SettingsWindow(note=demo.note())
        demo.fill(window.form)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "window-idle.png"))
        run_and_wait(window, "test")
        window.grab().save(str(OUT / "window-success.png"))
        window.form.password.setText("not-the-password")
        window.form.from_address.setText("office@smtpgui.test")
        run_and_wait(window, "save")
        window.grab().save(str(OUT / "window-failure.png"))
        window.close()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

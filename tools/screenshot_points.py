"""Render the window in the situations of issue 15 (wheel, Enter in Find, stale results...).

Run: QT_QPA_PLATFORM=offscreen python tools/screenshot_points.py --out DIR [--lang en|es]
       [--dark] [--suffix after]
Each scene drives the window with real events (wheel, keys) and saves DIR/<scene>[-lang].png.
QT_SCALE_FACTOR=2 in the environment renders at high DPI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from smtpgui.app import install_translations
from smtpgui.core.profile.settings import TrustMode
from smtpgui.demo import DemoServer
from smtpgui.ui.main_window import SettingsWindow


def wait_outcome(window: SettingsWindow, start: Callable[[], object], limit_ms: int = 8000) -> None:
    loop = QEventLoop()
    window.outcome_ready.connect(loop.quit)
    QTimer.singleShot(0, start)
    QTimer.singleShot(limit_ms, loop.quit)
    loop.exec()
    window.outcome_ready.disconnect(loop.quit)
    settle(100)  # the status box grows to its new text in the next layout pass


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wheel(widget: QWidget, notches: int) -> None:
    """Wheel notches over the widget, through the window system (as a mouse sends them)."""
    top = widget.window()
    where = widget.mapTo(top, widget.rect().center())
    for _ in range(abs(notches)):
        QTest.wheelEvent(top.windowHandle(), where, QPoint(0, -120 if notches < 0 else 120))


def answer_dialogs(out: Path, name: str) -> None:
    """Grab the first modal dialog that opens, then answer it with Yes (or Save, or OK)."""

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            if dialog is not None:
                dialog.activateWindow()
            QTimer.singleShot(50, grab)
            return
        dialog.grab().save(str(out / name))
        from PySide6.QtWidgets import QMessageBox

        if isinstance(dialog, QMessageBox):
            for button in dialog.buttons():
                if dialog.buttonRole(button) in (
                    QMessageBox.ButtonRole.YesRole,
                    QMessageBox.ButtonRole.AcceptRole,
                ):  # Save is an AcceptRole button
                    button.click()
                    return
        dialog.accept()  # type: ignore[attr-defined]

    QTimer.singleShot(50, grab)


def scene_wheel(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.resize(1000, 600)
    settle()
    wheel(window.form.trust.mode, -3)
    wheel(window.form.provider.combo, -1)
    settle()
    window.grab().save(str(out / name))


def scene_find_enter(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    wait_outcome(window, window.test)
    window.log_panel.find_field.setFocus()
    QTest.keyClicks(window.log_panel.find_field, "250")
    QTest.keyClick(window.log_panel.find_field, Qt.Key.Key_Return)
    QTest.keyClick(window.log_panel.find_field, Qt.Key.Key_Return)
    settle(1500)
    window.grab().save(str(out / name))


def scene_save_insecure(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.form.trust.set_current(TrustMode.INSECURE)
    answer_dialogs(out, name.replace(".png", "-question.png"))
    wait_outcome(window, window.save)
    settle()
    window.grab().save(str(out / name))


def scene_stale(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    wait_outcome(window, window.test)
    window.form.username.setFocus()
    QTest.keyClick(window.form.username, Qt.Key.Key_End)
    QTest.keyClicks(window.form.username, "2")
    settle()
    window.grab().save(str(out / name))


def scene_port_notice(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.form.server.setFocus()
    window.form.server.selectAll()
    QTest.keyClicks(window.form.server, "ssl://smtp.gmail.com:587")
    settle()
    window.grab().save(str(out / name))


def scene_prefix_typo(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.form.server.setFocus()
    window.form.server.selectAll()
    QTest.keyClicks(window.form.server, "tsl://smtp.example.com")
    settle()
    window.grab().save(str(out / name))


def scene_insecure_test(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.form.trust.set_current(TrustMode.INSECURE)
    wait_outcome(window, window.test)
    window.grab().save(str(out / name))


def scene_idle(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.grab().save(str(out / name))


def scene_failure(window: SettingsWindow, demo: DemoServer, out: Path, name: str) -> None:
    window.form.password.setText("not-the-password")
    wait_outcome(window, window.test)
    window.grab().save(str(out / name))


SCENES = {
    "p1-wheel": scene_wheel,
    "p2-find-enter": scene_find_enter,
    "p3-save-insecure": scene_save_insecure,
    "p4-stale-result": scene_stale,
    "p6-port-notice": scene_port_notice,
    "p6-prefix-typo": scene_prefix_typo,
    "p10-insecure-test": scene_insecure_test,
    "p12-idle": scene_idle,
    "p12-failure": scene_failure,
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#eeeeec"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#353535"),
        (QPalette.ColorRole.Text, "#eeeeec"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#eeeeec"),
        (QPalette.ColorRole.ToolTipBase, "#3a3a3a"),
        (QPalette.ColorRole.ToolTipText, "#eeeeec"),
        (QPalette.ColorRole.PlaceholderText, "#9a9996"),
        (QPalette.ColorRole.Highlight, "#3584e4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#99c1f1"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#77767b"))
    return palette


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--suffix", default="", help="e.g. before / after")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("scenes", nargs="*", default=list(SCENES))
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication([sys.argv[0]])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    install_translations(app, args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    for scene in args.scenes:
        parts = [scene, args.suffix, "" if args.lang == "en" else args.lang]
        parts += ["dark"] if args.dark else []
        parts += ["x2"] if os.environ.get("QT_SCALE_FACTOR") == "2" else []
        name = "-".join(p for p in parts if p) + ".png"
        with DemoServer() as demo:
            window = SettingsWindow(note=demo.note())
            demo.fill(window.form)
            window.show()
            app.processEvents()
            SCENES[scene](window, demo, args.out, name)
            print(args.out / name)
            window.close()
            app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

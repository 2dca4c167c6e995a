"""Render the real window against the demo server to PNGs for the README, in each language.

Run: QT_QPA_PLATFORM=offscreen python tools/screenshot.py [--lang en|es|all]
Writes resources/screenshots/window-{idle,success,failure}.png in English and
window-{idle,success,failure}-<lang>.png in the other languages.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from smtpgui.app import LANGUAGES, app_icon, install_translations
from smtpgui.demo import DemoServer
from smtpgui.ui.main_window import SettingsWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
STATES = ("idle", "success", "failure")


def run_and_wait(window: SettingsWindow, action: str) -> None:
    loop = QEventLoop()
    window.outcome_ready.connect(loop.quit)
    QTimer.singleShot(0, getattr(window, action))
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    window.outcome_ready.disconnect(loop.quit)


def shot_path(out: Path, state: str, lang: str) -> Path:
    return out / (f"window-{state}.png" if lang == "en" else f"window-{state}-{lang}.png")


def render(app: QApplication, lang: str, out: Path) -> list[Path]:
    """Idle, after a passed Test, after a failed Save (wrong password, forced From)."""
    translators = install_translations(app, lang)
    written = []
    try:
        with DemoServer() as demo:
            window = SettingsWindow(note=demo.note())
            demo.fill(window.form)
            window.show()
            app.processEvents()
            written.append(shot_path(out, "idle", lang))
            window.grab().save(str(written[-1]))
            run_and_wait(window, "test")
            app.processEvents()  # the layout requests the outcome posted, as a person sees it
            written.append(shot_path(out, "success", lang))
            window.grab().save(str(written[-1]))
            window.form.password.setText("not-the-password")
            window.form.from_address.setText("office@smtpgui.test")
            run_and_wait(window, "save")
            app.processEvents()
            written.append(shot_path(out, "failure", lang))
            window.grab().save(str(written[-1]))
            window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication([sys.argv[0]])
    app.setWindowIcon(app_icon())
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES if args.lang == "all" else (args.lang,):
        for path in render(app, lang, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

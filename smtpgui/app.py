"""main(): the QApplication, the window, and the --demo mode."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from smtpgui import __version__


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="smtpgui", description="Set up, test and safely store the outgoing mail (SMTP) server."
    )
    parser.add_argument("--version", action="version", version=f"smtpgui {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a local demo mail server and open the window pointed at it "
        "(uses a temporary config folder and keyring)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from smtpgui.cli import COMMANDS

    if argv and argv[0] in COMMANDS:  # `smtpgui check ...`: the headless twin, no Qt loaded
        from smtpgui.cli import main as cli_main

        return cli_main(argv)
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from smtpgui.ui.main_window import SettingsWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("smtpgui")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("smtpgui")
    if args.demo:
        from smtpgui.demo import DemoServer

        with DemoServer() as demo:
            window = SettingsWindow(note=demo.note())
            demo.fill(window.form)
            window.show()
            return app.exec()
    window = SettingsWindow()
    window.show()
    return app.exec()

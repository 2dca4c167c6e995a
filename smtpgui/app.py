"""main(): the QApplication, its language and icon, the window; --demo, --lang, --self-test."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from smtpgui import __version__
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, ContextTranslate, untranslated_in

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
    from PySide6.QtGui import QIcon

APP_ID = "smtpgui"  # the desktop entry's and the icons' name
LANGUAGES = ("en", "es")  # English is the source language: it needs no catalogue
CATALOGUE = "smtpgui"  # resources/translations/smtpgui_<lang>.qm
# What parse_args([]) gives: the plain `smtpgui` launch skips building the parser (3 ms of the
# first paint, argparse's gettext loading `locale` too; issue 20). A test holds the two equal.
NO_ARGUMENTS = argparse.Namespace(lang=None, demo=False, self_test=False, platform="offscreen")


def parse_args(
    argv: Sequence[str], translate: ContextTranslate = untranslated_in
) -> argparse.Namespace:
    def tr(text: str) -> str:
        return translate("CommandLine", text)

    usage_prefix = tr(QT_TRANSLATE_NOOP("CommandLine", "usage: "))

    class Formatter(argparse.HelpFormatter):
        """argparse's own "usage:" prefix, in the help's language."""

        def add_usage(
            self,
            usage: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[Any],  # argparse's private _MutuallyExclusiveGroup
            prefix: str | None = None,
        ) -> None:
            super().add_usage(usage, actions, groups, prefix or usage_prefix)

    parser = argparse.ArgumentParser(
        prog="smtpgui",
        description=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "Set up, test and safely store the outgoing mail (SMTP) server. The commands "
                "check, show, forget, export, import, send, discover and domain-check work without "
                "the window "
                "(smtpgui check --help).",
            )
        ),
        add_help=False,
        formatter_class=Formatter,
    )
    options = parser.add_argument_group(tr(QT_TRANSLATE_NOOP("CommandLine", "options")))
    options.add_argument(
        "-h",
        "--help",
        action="help",
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "show this help and exit")),
    )
    options.add_argument(
        "--version",
        action="version",
        version=f"smtpgui {__version__}",
        help=tr(QT_TRANSLATE_NOOP("CommandLine", "show the version and exit")),
    )
    options.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine", "the language of the window (default: the system's language)"
            )
        ),
    )
    options.add_argument(
        "--demo",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "start a local demo mail server and open the window pointed at it "
                "(uses a temporary config folder and keyring)",
            )
        ),
    )
    options.add_argument(
        "--self-test",
        action="store_true",
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "open the window off screen, test against a built-in mail server and exit "
                "with 0 only if everything worked (for installers and CI)",
            )
        ),
    )
    options.add_argument(
        "--platform",
        choices=("offscreen", "native"),
        default="offscreen",
        help=tr(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "with --self-test: offscreen (default, needs no display) or native, the "
                "platform the window really uses, to prove it can open here",
            )
        ),
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if _names_a_command(argv):  # `smtpgui check ...`: the headless twin, no Qt loaded
        from smtpgui.cli import main as cli_main

        return cli_main(argv)
    # Only --help needs Qt before the window: its translator. --version stays Qt-free.
    translate = help_translator(argv) if _asks_help(argv) else untranslated_in
    args = parse_args(argv, translate) if argv else argparse.Namespace(**vars(NO_ARGUMENTS))
    if args.self_test and args.platform == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the application is created
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()  # a QCoreApplication to the type checker
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    install_translations(app, args.lang)
    if os.environ.get("SMTPGUI_BENCH_FIRST_PAINT"):
        from smtpgui.first_paint import install_if_asked

        install_if_asked(app)
    if args.self_test:
        from smtpgui.self_test import run_self_test

        return run_self_test(native=args.platform == "native")
    return _run_window(app, demo=args.demo)


def _run_window(app: QCoreApplication, demo: bool) -> int:
    from smtpgui.ui.main_window import SettingsWindow

    _quit_on_sigterm(app)
    if demo:
        from smtpgui.demo import DemoServer

        with DemoServer() as server:
            window = SettingsWindow(note=server.note())
            server.fill(window.form)
            window.show()
            return app.exec()
    window = SettingsWindow()
    window.show()
    return app.exec()


def _quit_on_sigterm(app: QCoreApplication) -> None:
    """SIGTERM (kill, logout, systemd) ends the event loop, so cleanups run (--demo's folder).

    Python runs a signal handler only when it gets control, which Qt's C++ loop never gives:
    the signal's byte on a wakeup pipe wakes the loop through a QSocketNotifier instead (a
    pipe, not a socket pair: on POSIX either works, and `socket` costs the first paint 4 ms).
    """
    if os.name != "posix":
        return  # Windows ends console programs with CTRL_CLOSE_EVENT, not SIGTERM
    import signal

    from PySide6.QtCore import QSocketNotifier

    reader, writer = os.pipe()  # open while the process lives: the notifier watches one end
    os.set_blocking(reader, False)
    os.set_blocking(writer, False)  # set_wakeup_fd wants it so: a full pipe never blocks
    signal.set_wakeup_fd(writer)
    signal.signal(signal.SIGTERM, lambda *_: None)  # the wakeup byte does the work
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: (os.read(reader, 64), app.quit()))


# -- language -------------------------------------------------------------------------------


def ui_locale(lang: str | None) -> QLocale:
    """The language asked for with --lang, else the system's (LANGUAGE, LC_MESSAGES, LANG...)."""
    from PySide6.QtCore import QLocale

    return QLocale(lang) if lang else QLocale.system()


def install_translations(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install smtpgui's catalogue for the language, and Qt's own for the standard dialogs.

    Qt's catalogue goes in only with ours: an English window on a German desktop keeps English
    buttons rather than mixing languages. Returns the translators installed (none for English).
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from smtpgui.resources import TRANSLATIONS

    locale = ui_locale(lang)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    if not ours.load(locale, CATALOGUE, "_", str(TRANSLATIONS)):
        return []  # English, or a language smtpgui does not speak yet
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def help_translator(argv: Sequence[str]) -> ContextTranslate:
    """For --help: translate with smtpgui's catalogue, without creating an application."""
    from PySide6.QtCore import QTranslator

    from smtpgui.resources import TRANSLATIONS

    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    translator = QTranslator()
    if not translator.load(ui_locale(known.lang), CATALOGUE, "_", str(TRANSLATIONS)):
        return untranslated_in

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def _names_a_command(argv: Sequence[str]) -> bool:
    """`smtpgui check ...`, also as `smtpgui --lang es check ...`."""
    from smtpgui.cli import COMMANDS

    rest = list(argv)
    if rest and rest[0].startswith("--lang="):
        rest = rest[1:]
    elif rest[:1] == ["--lang"]:
        rest = rest[2:]
    return bool(rest) and rest[0] in COMMANDS


def _asks_help(argv: Sequence[str]) -> bool:
    # argparse accepts unambiguous prefixes of long options: --he, --hel.
    return any(arg == "-h" or (len(arg) >= 3 and "--help".startswith(arg)) for arg in argv)


def app_icon() -> QIcon:
    """Every size the desktop may ask for: the hicolor PNGs, and the SVG for the rest."""
    from PySide6.QtGui import QIcon

    from smtpgui.resources import ROOT

    icon = QIcon()
    for png in sorted((ROOT / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    svg = ROOT / "icons" / f"{APP_ID}.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon

"""--self-test: a packaged smtpgui proves it works on this machine, off screen.

Installers and CI run it after building or installing: it finds its resources, loads its
translations and keyring backends, then opens the real window and runs a real Test against the
demo mail server on 127.0.0.1 (STARTTLS with a throw-away certificate, a login). It prints one
line per check and returns 0 only when every check passed.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon

from smtpgui.resources import ROOT, TRANSLATIONS

OFFSCREEN_PLATFORMS = {"offscreen", "minimal"}
TIME_LIMIT_MS = 60_000  # the probe has its own per-step limits; this only stops a hang
# The whole self-test, whatever hangs (a keyring backend, a platform plugin): installers wait
# for it, so it must end. Past this it says so and exits 1.
TOTAL_LIMIT_S = 120.0


@dataclass(frozen=True)
class Check:
    """One line of the self-test: what was checked, whether it passed, and what was seen."""

    name: str
    ok: bool
    detail: str


def run_self_test(native: bool = False) -> int:
    """`native`: the window must open on the real platform (xcb, wayland, windows, cocoa)."""
    started = time.monotonic()
    _exit_after(TOTAL_LIMIT_S)
    qInstallMessageHandler(_quiet_offscreen)
    checks = [
        check_platform(native),
        check_resources(),
        check_translations(),
        check_keyring_backends(),
        check_providers(),
        check_probe(),
    ]
    for check in checks:
        _say(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    passed = all(check.ok for check in checks)
    took = int((time.monotonic() - started) * 1000)
    _say(f"self-test {'passed' if passed else 'FAILED'} in {took} ms")
    return 0 if passed else 1


def _exit_after(seconds: float) -> None:
    """A watchdog thread: the GUI thread may be the one that hangs, so it cannot be a QTimer."""

    def expire() -> None:
        _say(f"FAIL time limit: the self-test took longer than {seconds:g} s")
        _say("self-test FAILED")
        os._exit(1)  # a hung thread would keep a normal exit waiting

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()


def check_platform(native: bool) -> Check:
    """Offscreen passes on any machine, so a native run must not have ended up on it: an
    install whose real window aborts (an xcb library missing) passed the offscreen test."""
    from PySide6.QtGui import QGuiApplication

    name = QGuiApplication.platformName()
    if native and name in OFFSCREEN_PLATFORMS:
        return Check("platform", False, f"{name}, not the native one (QT_QPA_PLATFORM is set)")
    return Check("platform", True, name)


def check_resources() -> Check:
    wanted = ["icons/smtpgui.svg", "icons/hicolor/256x256/apps/smtpgui.png", "smtpgui.desktop"]
    missing = [name for name in wanted if not (ROOT / name).is_file()]
    # Drawing the SVG needs Qt's svg icon engine and image plugin, which the build must bundle.
    drawn = not QIcon(str(ROOT / "icons" / "smtpgui.svg")).pixmap(64, 64).isNull()
    if missing or not drawn:
        return Check("resources", False, f"in {ROOT}: missing {missing}, SVG drawn: {drawn}")
    return Check("resources", True, str(ROOT))


def check_translations() -> Check:
    catalogues = sorted(TRANSLATIONS.glob("smtpgui_*.qm"))
    empty = [path.name for path in catalogues if not _loads(path)]
    if not catalogues or empty:
        return Check("translations", False, f"in {TRANSLATIONS}: none, or unreadable {empty}")
    languages = ", ".join(path.stem.removeprefix("smtpgui_") for path in catalogues)
    return Check("translations", True, f"en (built in), {languages}")


def _loads(path: object) -> bool:
    translator = QTranslator()
    return translator.load(str(path)) and not translator.isEmpty()


def check_keyring_backends() -> Check:
    """keyring finds its backends through entry points: the build must bundle their metadata."""
    from importlib.metadata import entry_points

    points = list(entry_points(group="keyring.backends"))
    broken = []
    for point in points:
        try:
            point.load()
        except Exception as exc:
            broken.append(f"{point.name} ({type(exc).__name__})")
    if not points or broken:
        return Check("keyring backends", False, f"{len(points)} found, broken: {broken}")
    return Check("keyring backends", True, ", ".join(sorted(point.name for point in points)))


def check_providers() -> Check:
    """The provider catalogue is package data and dnspython loads record types by name."""
    try:
        from smtpgui.core.providers.catalogue import load_providers

        providers = load_providers()
        import dns.rdtypes.IN.SRV  # noqa: F401  (what discovery's SRV lookups need)
    except Exception as exc:
        return Check("providers", False, f"{type(exc).__name__}: {exc}")
    return Check("providers", True, f"{len(providers)} in the catalogue; dnspython loads")


def check_probe() -> Check:
    """The real window, a real Test against the demo server; closes everything it opened."""
    from smtpgui.core.jobs import Outcome
    from smtpgui.core.text.i18n import shown, untranslated_in
    from smtpgui.demo import DemoServer
    from smtpgui.ui.main_window import SettingsWindow

    outcomes: list[Outcome] = []
    with DemoServer() as demo:
        window = SettingsWindow(note=demo.note())
        demo.fill(window.form)
        window.show()
        loop = QEventLoop()

        def ended(outcome: Outcome) -> None:
            outcomes.append(outcome)
            loop.quit()

        window.outcome_ready.connect(ended)
        QTimer.singleShot(0, window.test)
        QTimer.singleShot(TIME_LIMIT_MS, loop.quit)
        loop.exec()
        title, has_icon = window.windowTitle(), not window.windowIcon().isNull()
        window.close()
        window.deleteLater()
    if not outcomes:
        return Check("probe", False, f"no answer within {TIME_LIMIT_MS // 1000} s")
    result = outcomes[0].result
    if not (result.ok and title and has_icon):
        what = shown(result.detail, untranslated_in) or result.reply or "no detail"
        return Check("probe", False, f"ok={result.ok} ({what}); title {title!r}, icon {has_icon}")
    return Check("probe", True, f"test message accepted in {result.elapsed_ms} ms ({title})")


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform says this for every window it shows; anything else gets through.
    # A windowed Windows build has no console: sys.stderr is None there.
    if "does not support propagateSizeHints" not in message and sys.stderr is not None:
        sys.stderr.write(message + "\n")


def _say(line: str) -> None:
    # A windowed Windows build has no console: sys.stdout is None and the exit code tells all.
    if sys.stdout is not None:
        print(line, flush=True)

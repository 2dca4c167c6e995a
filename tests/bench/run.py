"""The smtpgui benchmark: `python tests/bench/run.py [--quick]` prints a Markdown table.

Every line compares smtpgui with a floor or a peer measured side by side in the same run:
start-up against a plain PySide6 window, the event loop during tests, the probe against plain
smtplib, Cancel, the time limit and Detect. Servers run in a separate process; nothing leaves
127.0.0.1.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smtpgui.ui.main_window import SettingsWindow
    from tests.bench.table import Row

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: `tests.bench` must be importable
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12.0 on Python < 3.12 (no immortal objects, PEP 683) drops a reference to None on
# every call of a method that returns nothing and one to True on every emit(): after some
# thousands of calls one of them is freed and the process aborts ("Fatal Python error:
# none_dealloc"). 6.11.3 does not. Until the project avoids that pairing, the bench holds a
# million references to each, never released: it ends with os._exit(), not finalization.
_BALLAST = [None, True, False] * 1_000_000 if sys.version_info < (3, 12) else []

SECTIONS = (
    "startup",
    "cli",
    "responsive",
    "engine",
    "batch",
    "cancel",
    "timeout",
    "detect",
    "deliverability",
)


@dataclass(frozen=True)
class Repetitions:
    launches: int
    tests: int
    slow_tests: int
    engine: int
    latency: int
    stops: int
    detect: int
    batch: int = 5


DEFAULT = Repetitions(launches=21, tests=15, slow_tests=5, engine=40, latency=7, stops=9, detect=7)
QUICK = Repetitions(
    launches=5, tests=5, slow_tests=2, engine=20, latency=3, stops=3, detect=3, batch=2
)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about 1 minute)")
    parser.add_argument(
        "--frozen",
        type=Path,
        default=ROOT / "dist" / "smtpgui" / "smtpgui",
        help="the PyInstaller build to time as well (default: dist/smtpgui/smtpgui)",
    )
    parser.add_argument(
        "--only", choices=SECTIONS, action="append", help="run only these sections (repeatable)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    reps = QUICK if args.quick else DEFAULT
    sections = args.only or list(SECTIONS)
    with tempfile.TemporaryDirectory() as config:
        os.environ["SMTPGUI_CONFIG_DIR"] = config  # never the admin's real settings
        rows = run_sections(sections, reps, args.frozen, config)
    from tests.bench.table import markdown

    print(markdown(rows, notes=NOTES + _warnings()))
    return 0


def _warnings() -> tuple[str, ...]:
    import PySide6

    if _BALLAST and PySide6.__version__ == "6.12.0":
        return (
            "PySide6 6.12.0 on Python < 3.12 loses a reference to None or True on most calls "
            "and aborts after a few thousand (about 35 Tests in one window); see _BALLAST "
            "in tests/bench/run.py.",
        )
    return ()


NOTES = (
    "Each cell: median (min–max) over the runs; Result and Met judge the median.",
    "Start-up children run with bytecode caching on (as installed); the parent's "
    "time.monotonic() before spawning and the child's at the window's first QEvent.Paint are "
    "one machine-wide clock (CLOCK_MONOTONIC).",
    "Servers (aiosmtpd, trustme certificates, the latency proxy) run in their own process; the "
    "black holes are a full listen queue (SYNs dropped) and a socket that accepts and is silent.",
)


def run_sections(
    sections: Sequence[str], reps: Repetitions, frozen: Path, config: str
) -> list[Row]:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from smtpgui.core.profile.memory_keyring import MemoryKeyring
    from tests.bench.gui import open_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    qInstallMessageHandler(_quiet)
    window = open_window(config, MemoryKeyring())
    try:
        return _measure(window, sections, reps, frozen)
    finally:
        # Qt objects left for the interpreter's last garbage collection can outlive the
        # application and crash PySide6 on exit: end them while it still runs.
        window.close()
        window.deleteLater()
        app.processEvents()
        gc.collect()


def _measure(
    window: SettingsWindow, sections: Sequence[str], reps: Repetitions, frozen: Path
) -> list[Row]:
    from tests.bench import (
        batch,
        cli_start,
        deliverability,
        detection,
        engine,
        responsive,
        startup,
        stops,
    )

    steps: dict[str, Callable[[], list[Row]]] = {
        "startup": lambda: startup.measure(reps.launches, frozen),
        "responsive": lambda: responsive.measure(window, reps.tests, reps.slow_tests),
        "cli": lambda: cli_start.measure(reps.batch * 3),
        "engine": lambda: engine.measure(reps.engine, reps.latency),
        "batch": lambda: batch.measure(reps.batch, 1),
        "cancel": lambda: stops.measure_cancel(window, reps.stops),
        "timeout": lambda: stops.measure_timeout(window, reps.slow_tests),
        "detect": lambda: detection.measure(reps.detect),
        "deliverability": lambda: deliverability.measure(reps.engine // 2),
    }
    rows: list[Row] = []
    for name in SECTIONS:
        if name in sections:
            started = time.monotonic()
            print(f"bench: {name}…", file=sys.stderr, flush=True)
            rows.extend(steps[name]())
            print(f"bench: {name} took {time.monotonic() - started:.0f} s", file=sys.stderr)
    return rows


def _quiet(kind: object, context: object, message: str) -> None:
    # The offscreen platform says this for every shown main window; it is not news.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # see _BALLAST; every folder and child process is gone by now

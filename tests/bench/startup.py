"""Start-up: process start to the window's first paint, and peak memory, against the floor.

The parent reads time.monotonic() right before it spawns the child; the child reads it at the
window's first QEvent.Paint (tests/bench/startup_child.py). On Linux that is CLOCK_MONOTONIC,
one clock for the whole machine (macOS and Windows use machine-wide counters too), so the two
readings subtract; unlike time.time() it cannot jump when NTP sets the clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.table import Row, Sample, ratios, sample

HERE = Path(__file__).resolve().parent
CHILD = HERE / "startup_child.py"
MIB = 1024.0  # ru_maxrss is in KiB on Linux
# A hidden switch the frozen app may offer: print startup_child.py's JSON line at the first
# paint and exit. Without it the frozen app is timed to a `--version` exit instead.
FIRST_PAINT_VARIABLE = "SMTPGUI_BENCH_FIRST_PAINT"


@dataclass(frozen=True)
class Launch:
    seconds: float
    maxrss_kib: float


def widget_count() -> int:
    """QWidgets in the settings window, itself included: the floor gets as many."""
    from PySide6.QtWidgets import QWidget

    from smtpgui.ui.main_window import SettingsWindow

    window = SettingsWindow()
    try:
        return len(window.findChildren(QWidget)) + 1
    finally:
        window.deleteLater()


def child_environment(config_dir: str) -> dict[str, str]:
    """Offscreen, an empty config folder, and bytecode caching as an installed app has it.

    pip writes .pyc files at install time and PyInstaller ships them; a checkout run with
    PYTHONDONTWRITEBYTECODE=1 would compile every module on every start instead. The cache
    lives outside the checkout, and the first (unmeasured) launch of each kind fills it.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "smtpgui-bench-pycache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SMTPGUI_CONFIG_DIR"] = config_dir
    return env


def launch_to_paint(argv: Sequence[str], env: dict[str, str], limit: float = 60) -> Launch:
    started = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=limit, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            report = json.loads(line)
            return Launch(report["painted"] - started, report["maxrss_kib"])
    raise RuntimeError(f"{argv[-2:]} painted nothing: {done.returncode} {done.stderr[-500:]}")


def launch_to_exit(argv: Sequence[str], env: dict[str, str]) -> Launch:
    """Time to exit and peak memory (from wait4) of a process that ends on its own."""
    started = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return Launch(time.monotonic() - started, usage.ru_maxrss)


def frozen_paints(frozen: Path, env: dict[str, str]) -> bool:
    """Whether the frozen app honours FIRST_PAINT_VARIABLE (tried once, with a time limit)."""
    try:
        launch_to_paint([str(frozen)], {**env, FIRST_PAINT_VARIABLE: "1"}, limit=5)
    except (RuntimeError, subprocess.TimeoutExpired):
        return False
    return True


def measure(runs: int, frozen: Path | None) -> list[Row]:
    count = widget_count()
    with tempfile.TemporaryDirectory() as config:
        env = child_environment(config)
        floor = [sys.executable, str(CHILD), "floor", str(count)]
        names = subprocess.run(
            [sys.executable, str(CHILD), "qt-names"], env=env, capture_output=True, text=True
        ).stdout.strip()
        kinds = {
            "smtpgui": lambda: launch_to_paint([sys.executable, str(CHILD), "smtpgui"], env),
            "floor": lambda: launch_to_paint(floor, env),
            "floor, same Qt classes": lambda: launch_to_paint([*floor, names], env),
        }
        frozen_mode = ""
        if frozen is not None and frozen.exists():
            if frozen_paints(frozen, env):
                frozen_mode = "first paint"
                paint_env = {**env, FIRST_PAINT_VARIABLE: "1"}
                kinds["frozen"] = lambda: launch_to_paint([str(frozen)], paint_env)
            else:
                frozen_mode = "--version"
                kinds["frozen"] = lambda: launch_to_exit([str(frozen), "--version"], env)
                source = [sys.executable, "-m", "smtpgui", "--version"]
                kinds["source --version"] = lambda: launch_to_exit(source, env)
        for launch in kinds.values():
            launch()  # warm-up: fills the bytecode cache and the OS file cache
        found: dict[str, list[Launch]] = {name: [] for name in kinds}
        for _ in range(runs):  # interleaved: a busy moment hits every kind alike
            for name, launch in kinds.items():
                found[name].append(launch())
    return _rows(found, count, frozen_mode)


def _rows(found: dict[str, list[Launch]], count: int, frozen_mode: str) -> list[Row]:
    def seconds(name: str) -> list[float]:
        return [launch.seconds for launch in found[name]]

    def mib(name: str) -> Sample:
        return sample(launch.maxrss_kib / MIB for launch in found[name])

    time_ratio = ratios(seconds("smtpgui"), seconds("floor"))
    extra = sample(
        (a.maxrss_kib - b.maxrss_kib) / MIB
        for a, b in zip(found["smtpgui"], found["floor"], strict=True)
    )
    classes = "floor, same Qt classes"
    classes_ratio = ratios(seconds("smtpgui"), seconds(classes))
    rows = [
        Row(
            f"Start-up to first paint (floor: QMainWindow with {count} plain widgets)",
            sample(seconds("smtpgui")).show(),
            sample(seconds("floor")).show(),
            time_ratio.show("x", 1, 2),
            "≤ 1.3x floor",
            time_ratio.median <= 1.3,
        ),
        Row(
            "Start-up, against the floor loading the PySide6 classes smtpgui imports",
            sample(seconds("smtpgui")).show(),
            sample(seconds(classes)).show(),
            classes_ratio.show("x", 1, 2),
            "–",
            None,
        ),
        Row(
            "Peak memory at first paint (VmHWM, else ru_maxrss)",
            mib("smtpgui").show("MiB", 1, 1),
            mib("floor").show("MiB", 1, 1),
            f"+{extra.show('MiB', 1, 1)}",
            "≤ floor + 25 MiB",
            extra.median <= 25,
        ),
    ]
    if frozen_mode == "first paint":
        frozen_ratio = ratios(seconds("frozen"), seconds("floor"))
        rows.append(
            Row(
                "Frozen app (dist/smtpgui) to first paint",
                sample(seconds("frozen")).show(),
                sample(seconds("floor")).show(),
                frozen_ratio.show("x", 1, 2),
                "≤ 1.3x floor",
                frozen_ratio.median <= 1.3,
            )
        )
    elif frozen_mode == "--version":
        rows.append(
            Row(
                "Frozen app to a `--version` exit (it has no first-paint hook)",
                sample(seconds("frozen")).show(),
                f"{sample(seconds('source --version')).show()} from source",
                ratios(seconds("frozen"), seconds("source --version")).show("x", 1, 2),
                "–",
                None,
            )
        )
    else:
        rows.append(Row("Frozen app", "not built (no dist/smtpgui/smtpgui)", "", "", "–", None))
    return rows

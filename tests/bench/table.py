"""Samples (median, min, max), result rows and the Markdown table with the machine's name."""

from __future__ import annotations

import datetime
import os
import platform
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """Repeated measurements of one quantity."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def show(self, unit: str = "ms", scale: float = 1000.0, digits: int = 0) -> str:
        """The median, then min–max ("123 ms (110–140)"), `scale` times the stored values."""

        def number(value: float) -> str:
            return f"{value * scale:.{digits}f}"

        spread = f"{number(self.low)}–{number(self.high)}"
        space = " " if unit not in ("", "x") else ""
        return f"{number(self.median)}{space}{unit} ({spread})"


def sample(values: Iterable[float]) -> Sample:
    found = tuple(values)
    if not found:
        raise ValueError("a sample needs at least one value")
    return Sample(found)


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> Sample:
    """Per-run ratios of paired measurements (taken side by side, so drift cancels out)."""
    return sample(a / b for a, b in zip(numerators, denominators, strict=True))


@dataclass(frozen=True)
class Row:
    """One line of the table; `met` is None where there is no target."""

    measure: str
    smtpgui: str
    reference: str
    result: str
    target: str
    met: bool | None

    def cells(self) -> tuple[str, ...]:
        verdict = {True: "yes", False: "**no**", None: "–"}[self.met]
        return (self.measure, self.smtpgui, self.reference, self.result, self.target, verdict)


HEADER = ("Measure", "smtpgui", "Reference", "Result", "Target", "Met")


def markdown(rows: Sequence[Row], notes: Sequence[str] = ()) -> str:
    lines = [f"### smtpgui benchmark, {_now()}", "", machine(), ""]
    lines.append(_line(HEADER))
    lines.append(_line(tuple("---" for _ in HEADER)))
    lines.extend(_line(row.cells()) for row in rows)
    if notes:
        lines.append("")
        lines.extend(f"- {note}" for note in notes)
    return "\n".join(lines)


def machine() -> str:
    """CPU model, cores, OS, Python and PySide6: what the numbers depend on."""
    import PySide6

    python = f"{platform.python_implementation()} {platform.python_version()}"
    return (
        f"Machine: {cpu_model()}, {os.cpu_count()} cores; {platform.system()} "
        f"{platform.release()}; {python}; PySide6 {PySide6.__version__} (Qt platform "
        f"{os.environ.get('QT_QPA_PLATFORM', 'default')})."
    )


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

"""Where the `resources/` folder is: beside the package in a checkout and in the frozen app."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path | None:
    """The path of a resource file, or None where this install does not ship it."""
    path = ROOT.joinpath(*parts)
    return path if path.exists() else None

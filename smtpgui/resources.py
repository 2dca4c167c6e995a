"""Where the `resources/` folder is: beside the package in a checkout and in the frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    # PyInstaller unpacks data files into the bundle folder (sys._MEIPASS, "_internal" in a
    # one-folder build), where build.spec puts them under resources/ as in the repository.
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


ROOT = _root()
TRANSLATIONS = ROOT / "translations"


def resource(*parts: str) -> Path | None:
    """The path of a resource file, or None where this install does not ship it."""
    path = ROOT.joinpath(*parts)
    return path if path.exists() else None

"""The window's signal colours, for a light or a dark desktop.

Fixed colours written for a light window (dark red, dark blue, near-black log text) vanish on
a dark palette. Each colour here has a light and a dark variant, chosen from the palette the
application runs with; the boxes with a tinted background (status, notices) get a background
and a text colour from the same variant, never the palette's text on a fixed background.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

_LIGHT = {
    "text": "#241f31",
    "muted": "#5e5c64",
    "faint": "#9a9996",
    "blue": "#1a5fb4",
    "green": "#26a269",
    "red": "#a51d2d",
    "error": "#c01c28",
    "amber": "#c64600",  # sent, never confirmed: the message may have been delivered
}
_DARK = {
    "text": "#f6f5f4",
    "muted": "#c0bfbc",
    "faint": "#9a9996",
    "blue": "#99c1f1",
    "green": "#57e389",
    "red": "#ff7b63",
    "error": "#ff7b63",
    "amber": "#ffa348",
}
# (background, border) of a tinted box, per kind.
_BOXES_LIGHT = {
    "idle": ("#f6f5f4", "#c0bfbc"),
    "busy": ("#eef4fc", "#1a5fb4"),
    "ok": ("#eaf7ee", "#26a269"),
    "error": ("#fdeceb", "#c01c28"),
    "notice": ("#fdf6e3", "#e5a50a"),
    "uncertain": ("#fdf3e1", "#c64600"),
}
_BOXES_DARK = {
    "idle": ("#303030", "#77767b"),
    "busy": ("#1b2b40", "#62a0ea"),
    "ok": ("#1c3326", "#57e389"),
    "error": ("#3f1d21", "#f66151"),
    "notice": ("#3d3214", "#f6d32d"),
    "uncertain": ("#3d2a14", "#ffa348"),
}


def dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (a dark theme, or a dark palette set)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(name: str) -> str:
    """A named signal colour ("red", "green", "muted"…) that reads on this palette."""
    return (_DARK if dark() else _LIGHT)[name]


def box(kind: str) -> tuple[str, str, str]:
    """(background, border, text) of a tinted box of this kind."""
    background, border = (_BOXES_DARK if dark() else _BOXES_LIGHT)[kind]
    return background, border, colour("text")

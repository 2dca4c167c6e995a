"""Render resources/icons/smtpgui.svg to the hicolor PNG sizes desktops and installers expect."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "resources" / "icons" / "smtpgui.svg"
DEFAULT_OUT = ROOT / "resources" / "icons" / "hicolor"
APP_ID = "smtpgui"
# The sizes of the freedesktop hicolor theme that launchers and file managers ask for.
SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)


def load_renderer(svg: Path) -> QSvgRenderer:
    """Parse the SVG, failing loudly instead of writing blank PNGs."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    return renderer


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """Draw the icon on a transparent square of `size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
    finally:
        painter.end()
    return image


def png_path(out_dir: Path, size: int) -> Path:
    """Where the hicolor theme looks for an application icon of this size."""
    return out_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def write_icons(svg: Path, out_dir: Path, sizes: tuple[int, ...]) -> list[Path]:
    """Render every size and return the paths written."""
    renderer = load_renderer(svg)
    written: list[Path] = []
    for size in sizes:
        target = png_path(out_dir, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    return written


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG, help="source SVG")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="hicolor folder to fill")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # Build hosts and CI have no display; Qt reads this when the application is created.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # QSvgRenderer and QImage need a Gui application for fonts and image plugins.
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for path in write_icons(args.svg, args.out, SIZES):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

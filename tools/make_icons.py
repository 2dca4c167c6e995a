"""Render resources/icons/smtpgui.svg to the PNG sizes desktops expect, and the Windows and
macOS icon files (smtpgui.ico, smtpgui.icns) the installers and build.spec use.

The .ico and .icns are packed from the PNGs written here, each size stored as PNG data (Windows
Vista and later and macOS 10.7 and later read that), so no image library beyond Qt is needed and
the same PNGs always give the same bytes.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "resources" / "icons" / "smtpgui.svg"
DEFAULT_OUT = ROOT / "resources" / "icons" / "hicolor"
APP_ID = "smtpgui"
# The sizes of the freedesktop hicolor theme that launchers and file managers ask for.
SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)
# Apple's ICNS element types that hold PNG data, by the pixel size they hold; the "@2x" ones
# (ic11, ic12, ic13) are the Retina variants of 16, 32 and 128 points.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)
# Finder, the Dock and the App Store show 512 and 1024 px (512 points @2x) icons, and
# notarization review expects them; the hicolor theme does not need them as files.
ICNS_ONLY_SIZES: tuple[int, ...] = (512, 1024)


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


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR, ICONDIRENTRY[], then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = size % 256  # a byte: 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: the "icns" header, then (type, length, PNG data) per element."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("make_icons: could not encode a PNG")
    return bytes(data.data())


def pack_icons(out_dir: Path, icons_dir: Path) -> list[Path]:
    """Write smtpgui.ico and smtpgui.icns next to the SVG from the PNGs in `out_dir` (and, for
    the .icns, the large sizes rendered from the SVG)."""
    pngs = {size: png_path(out_dir, size).read_bytes() for size in SIZES}
    renderer = load_renderer(icons_dir / f"{APP_ID}.svg")
    large = {size: png_bytes(render(renderer, size)) for size in ICNS_ONLY_SIZES}
    written = []
    for suffix, data in ((".ico", ico_bytes(pngs)), (".icns", icns_bytes(pngs | large))):
        target = icons_dir / f"{APP_ID}{suffix}"
        target.write_bytes(data)
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
    written = write_icons(args.svg, args.out, SIZES)
    written += pack_icons(args.out, args.svg.parent)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The files installers and desktops take from resources/: icons, desktop entry, metainfo."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from smtpgui import __version__

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"


def load_tool(name: str) -> ModuleType:
    """tools/ is not a package: load a script as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    return load_tool("make_icons")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_hicolor_size_is_a_square_png_of_that_size(make_icons):
    for size in make_icons.SIZES:
        path = make_icons.png_path(RESOURCES / "icons" / "hicolor", size)
        assert png_size(path) == (size, size)
    assert min(make_icons.SIZES) == 16 and max(make_icons.SIZES) == 256


def test_ico_and_icns_are_packed_from_the_committed_pngs(make_icons):
    """Re-run tools/make_icons.py after changing the SVG: this fails until you do."""
    hicolor = RESOURCES / "icons" / "hicolor"
    pngs = {size: make_icons.png_path(hicolor, size).read_bytes() for size in make_icons.SIZES}
    assert (RESOURCES / "icons" / "smtpgui.ico").read_bytes() == make_icons.ico_bytes(pngs)
    # The .icns holds these PNGs first, then the 512 and 1024 px ones rendered from the SVG.
    small = make_icons.icns_bytes(pngs)[8:]
    assert (RESOURCES / "icons" / "smtpgui.icns").read_bytes()[8 : 8 + len(small)] == small


def test_ico_directory_lists_every_size(make_icons):
    data = (RESOURCES / "icons" / "smtpgui.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.SIZES))
    widths = [data[6 + 16 * i] or 256 for i in range(count)]
    assert widths == sorted(make_icons.SIZES)


def test_desktop_entry_launches_the_launcher_with_the_icon():
    entry = (RESOURCES / "smtpgui.desktop").read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert lines["Exec"] == "smtpgui" and lines["Icon"] == "smtpgui"
    assert lines["Type"] == "Application" and lines["Terminal"] == "false"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_is_valid():
    out = subprocess.run(
        ["desktop-file-validate", str(RESOURCES / "smtpgui.desktop")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_metainfo_names_the_desktop_entry_and_this_version():
    root = ET.parse(RESOURCES / "smtpgui.metainfo.xml").getroot()
    assert root.findtext("launchable") == "smtpgui.desktop"
    assert root.findtext("provides/binary") == "smtpgui"
    assert root.find("releases/release").get("version") == __version__


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_is_valid():
    out = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            # The id follows the desktop entry's name; see the comment in the file.
            "--override=cid-desktopapp-is-not-rdns=info",
            str(RESOURCES / "smtpgui.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


# -- the installers ------------------------------------------------------------------------------


def fake_frozen_app(folder: Path) -> Path:
    """A stand-in for dist/smtpgui: a launcher that knows its version, and the resources."""
    resources = folder / "_internal" / "resources"
    shutil.copytree(RESOURCES / "icons" / "hicolor", resources / "icons" / "hicolor")
    shutil.copy(RESOURCES / "icons" / "smtpgui.svg", resources / "icons")
    for name in ("smtpgui.desktop", "smtpgui.metainfo.xml"):
        shutil.copy(RESOURCES / name, resources)
    launcher = folder / "smtpgui"
    launcher.write_text(f"#!/bin/sh\necho 'smtpgui {__version__}'\n", encoding="utf-8")
    launcher.chmod(0o755)
    return folder


@pytest.mark.skipif(
    not (shutil.which("dpkg-deb") and shutil.which("objdump")), reason="dpkg-deb and binutils"
)
def test_deb_puts_each_file_where_debian_desktops_look(tmp_path):
    frozen = fake_frozen_app(tmp_path / "smtpgui")
    out = subprocess.run(
        [str(ROOT / "packaging" / "linux" / "build-deb.sh"), str(frozen), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    deb = Path(out.stdout.strip())
    assert deb.name.startswith(f"smtpgui_{__version__}-1_") and deb.is_file()
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True)
    entries = {line.split(None, 5)[5] for line in listing.stdout.splitlines()}
    expected = {
        "./opt/smtpgui/smtpgui",
        "./usr/bin/smtpgui -> /opt/smtpgui/smtpgui",
        "./usr/share/applications/smtpgui.desktop",
        "./usr/share/metainfo/smtpgui.metainfo.xml",
        "./usr/share/icons/hicolor/scalable/apps/smtpgui.svg",
        "./usr/share/icons/hicolor/16x16/apps/smtpgui.png",
        "./usr/share/icons/hicolor/256x256/apps/smtpgui.png",
        "./usr/share/doc/smtpgui/copyright",
        "./usr/share/doc/smtpgui/changelog.Debian.gz",
        "./usr/share/man/man1/smtpgui.1.gz",
        "./usr/share/lintian/overrides/smtpgui",
    }
    assert expected <= entries
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
    ).stdout
    assert "Package: smtpgui" in fields and f"Version: {__version__}-1" in fields
    assert "libc6 (>= " in fields


@pytest.mark.skipif(
    not (shutil.which("dpkg-deb") and shutil.which("objdump")), reason="dpkg-deb and binutils"
)
def test_a_release_candidate_sorts_before_its_release_in_debian(tmp_path):
    frozen = fake_frozen_app(tmp_path / "smtpgui")
    (frozen / "smtpgui").write_text("#!/bin/sh\necho 'smtpgui 0.2.0rc1'\n", encoding="utf-8")
    out = subprocess.run(
        [str(ROOT / "packaging" / "linux" / "build-deb.sh"), str(frozen), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    version = subprocess.run(
        ["dpkg-deb", "-f", out.stdout.strip(), "Version"], capture_output=True, text=True
    ).stdout.strip()
    assert version == "0.2.0~rc1-1"
    assert subprocess.run(["dpkg", "--compare-versions", version, "lt", "0.2.0-1"]).returncode == 0


def test_inno_setup_script_installs_the_frozen_folder_in_both_languages():
    iss = (ROOT / "packaging" / "windows" / "smtpgui.iss").read_text(encoding="utf-8")
    assert 'Source: "dist\\smtpgui\\*"' in iss  # build.spec's COLLECT name
    assert "SetupIconFile=resources\\icons\\smtpgui.ico" in iss
    assert (RESOURCES / "icons" / "smtpgui.ico").is_file()
    assert 'Name: "spanish"' in iss and "spanish.AppComment=" in iss
    assert "--self-test" in iss

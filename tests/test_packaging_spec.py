"""build.spec as each platform's PyInstaller would run it, with its build steps recorded.

Only the Linux build can really run here (CI does: .ci/run). These tests execute the spec with
stand-ins for Analysis, EXE, COLLECT and BUNDLE under sys.platform = linux, win32 and darwin, so
the Windows and macOS parts are at least run and checked on every change.
"""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="the dev extra installs PyInstaller")

from smtpgui import __version__

ROOT = Path(__file__).resolve().parent.parent


class Step:
    """A stand-in for one PyInstaller build step: remembers how the spec called it."""

    made: list[Step]

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs
        self.made.append(self)
        self.pure, self.scripts, self.binaries = [], [], []
        self.datas = [(dest, src, "DATA") for src, dest in kwargs.get("datas", [])]


def run_spec(platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    made: list[Step] = []
    kinds = {
        name: type(name, (Step,), {"made": made})
        for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    }
    # Find the Qt tools as on this machine: Windows' which() would look for .exe files.
    found = {name: shutil.which(name) for name in ("pyside6-lrelease",)}
    bindir = str(Path(sys.executable).parent)
    found = {name: shutil.which(name, path=bindir) or path for name, path in found.items()}
    monkeypatch.setattr(shutil, "which", lambda name, path=None: found.get(name))
    monkeypatch.setattr(sys, "platform", platform)
    if platform == "win32":
        # PyInstaller's version-resource module needs pefile and win32api, which only
        # Windows has; building the structure uses neither.
        import PyInstaller.compat

        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    namespace = {**kinds, "SPECPATH": str(ROOT), "workpath": str(tmp_path)}
    code = compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec")
    exec(code, namespace)
    return {kind: [s for s in made if type(s).__name__ == kind] for kind in kinds}


@pytest.fixture(params=["linux", "win32", "darwin"])
def built(request, tmp_path, monkeypatch):
    return request.param, run_spec(request.param, tmp_path, monkeypatch), tmp_path


def test_one_folder_app_without_console_on_every_platform(built):
    _, steps, _ = built
    gui = steps["EXE"][0].kwargs
    assert gui["name"] == "smtpgui" and gui["exclude_binaries"] is True
    assert gui["console"] is False and gui["upx"] is False
    assert len(steps["COLLECT"]) == 1 and steps["COLLECT"][0].kwargs["name"] == "smtpgui"


def test_data_files_resources_translations_and_keyring_metadata(built):
    _, steps, workpath = built
    analysis = steps["Analysis"][0].kwargs
    destinations = {dest for _, dest in analysis["datas"]}
    assert {"resources", "resources/icons", "resources/translations"} <= destinations
    assert any(src.endswith("keyring.backends") or "keyring" in src for src, _ in analysis["datas"])
    assert (workpath / "translations" / "smtpgui_es.qm").is_file()  # compiled at build time
    assert "keyring.backends.SecretService" in analysis["hiddenimports"]
    assert {"smtpgui.demo", "aiosmtpd.controller", "trustme"} <= set(analysis["hiddenimports"])
    assert "PySide6.QtNetwork" in analysis["excludes"]


def test_windows_has_version_resource_icon_and_a_console_twin(tmp_path, monkeypatch):
    steps = run_spec("win32", tmp_path, monkeypatch)
    gui, cli = (step.kwargs for step in steps["EXE"])
    assert gui["icon"].endswith("smtpgui.ico") and Path(gui["icon"]).is_file()
    version = gui["version"]
    assert type(version).__name__ == "VSVersionInfo"
    rendered = str(version)  # the text form PyInstaller's pyi-grab_version writes
    assert f"StringStruct('ProductVersion', '{__version__}')" in rendered
    assert f"filevers={build_numbers()}" in rendered
    assert len(version.toRaw()) > 200  # and it encodes to a resource
    assert cli["name"] == "smtpgui-cli" and cli["console"] is True
    assert steps["Analysis"][1].args[0][0].endswith("smtpgui_cli.py")
    assert not steps["BUNDLE"]


def test_macos_bundle_is_high_dpi_with_the_icns(tmp_path, monkeypatch):
    steps = run_spec("darwin", tmp_path, monkeypatch)
    (bundle,) = steps["BUNDLE"]
    assert bundle.kwargs["name"] == "smtpgui.app" and bundle.kwargs["version"] == __version__
    assert bundle.kwargs["icon"].endswith("smtpgui.icns") and Path(bundle.kwargs["icon"]).is_file()
    plist = bundle.kwargs["info_plist"]
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == __version__
    assert "es" in plist["CFBundleLocalizations"]


def test_linux_strips_and_has_no_platform_extras(tmp_path, monkeypatch):
    steps = run_spec("linux", tmp_path, monkeypatch)
    (gui,) = (step.kwargs for step in steps["EXE"])
    assert gui["icon"] is None and gui["version"] is None and gui["strip"] is True
    assert not steps["BUNDLE"]


def test_unused_qt_plugins_and_what_only_they_link_go():
    """The pruning step, on a small graph: a dropped plugin's private library goes."""
    namespace: dict = {}
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    helpers = spec[spec.index("def _plugin_name") : spec.index("# -- platform parts")]
    links = {
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/src/libgtk-3.so.0": [],
        "/src/libQt6Gui.so.6": [],
        "/src/libqxcb.so": ["libQt6Gui.so.6"],
    }
    namespace.update(
        Path=Path,
        logger=types.SimpleNamespace(info=lambda *a: None),
        get_imports=lambda src: [(name, None) for name in links[src]],
        UNUSED_QT_PLUGINS={"platformthemes": {"qgtk3"}},
        Toc=list,
    )
    exec(helpers, namespace)
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ]
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK")]
    kept, kept_datas = namespace["without_unused_qt_plugins"](binaries, datas)
    assert [Path(dest).name for dest, _, _ in kept] == ["libQt6Gui.so.6", "libqxcb.so"]
    assert kept_datas == datas


def build_numbers() -> tuple[int, int, int, int]:
    """__version__ as Windows' four numbers: "0.1.0" -> (0, 1, 0, 0)."""
    numbers = [int(part) for part in __version__.split(".")[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def test_the_man_page_lists_every_command_and_exit_code():
    from smtpgui.cli import COMMANDS
    from smtpgui.core.exit_codes import MEANINGS

    page = (ROOT / "packaging" / "linux" / "smtpgui.1").read_text(encoding="utf-8")
    assert all(f".B {c}\n" in page or f".BI {c} " in page for c in COMMANDS)
    exit_status = page.split(".SH EXIT STATUS", 1)[1].split(".SH", 1)[0]
    assert all(f"\n{code} " in exit_status for code in MEANINGS)


def test_the_metainfo_shows_every_screenshot_and_links_home_and_bugs():
    import xml.etree.ElementTree as ET

    root = ET.parse(ROOT / "resources" / "smtpgui.metainfo.xml").getroot()
    urls = {url.get("type"): url.text for url in root.iter("url")}
    assert {"homepage", "bugtracker"} <= urls.keys()
    shown = {Path(image.text or "").name for image in root.iter("image")}
    assert shown == {p.name for p in (ROOT / "resources" / "screenshots").glob("*.png")}


def test_the_debian_package_ships_its_review_files():
    script = (ROOT / "packaging" / "linux" / "build-deb.sh").read_text(encoding="utf-8")
    for needed in ("changelog.Debian.gz", "lintian/overrides", "man/man1", "Homepage:"):
        assert needed in script
    assert ".invalid" not in script
    copyright = (ROOT / "packaging" / "linux" / "copyright").read_text(encoding="utf-8")
    assert copyright.startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    assert "\nCopyright: " in copyright and "\nLicense: MIT\n Permission" in copyright


def test_macos_signs_inside_out_with_entitlements_for_macos_13(tmp_path, monkeypatch):
    """What notarization checks, with PyInstaller stand-ins: the minimum macOS the Qt wheel
    needs, the hardened runtime's entitlements, and signing by PyInstaller, not codesign --deep."""
    import plistlib

    monkeypatch.setenv("CODESIGN_IDENTITY", "Developer ID Application: Office (TEAM1234)")
    steps = run_spec("darwin", tmp_path, monkeypatch)
    (bundle,) = steps["BUNDLE"]
    assert bundle.kwargs["info_plist"]["LSMinimumSystemVersion"] == "13.0"
    (app,) = steps["EXE"]
    assert app.kwargs["codesign_identity"] == "Developer ID Application: Office (TEAM1234)"
    entitlements = plistlib.loads(Path(app.kwargs["entitlements_file"]).read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
    script = (ROOT / "packaging" / "macos" / "build-dmg.sh").read_text(encoding="utf-8")
    signing = [line for line in script.splitlines() if "codesign" in line and "--sign" in line]
    assert signing and not [line for line in signing if "--deep" in line]
    assert '--sign "$identity" --timestamp "$dmg"' in script  # the disk image is signed
    # The self-test runs on the app as signed, after the signature is verified.
    assert script.index("codesign --verify --deep") < script.index("--self-test")


def test_the_icns_has_the_512_and_1024_pixel_icons():
    import struct

    data = (ROOT / "resources" / "icons" / "smtpgui.icns").read_bytes()
    sizes, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        width = struct.unpack(">I", data[at + 8 + 16 : at + 8 + 20])[0]  # the PNG's IHDR
        sizes[kind] = width
        at += length
    assert sizes[b"ic09"] == 512 and sizes[b"ic14"] == 512 and sizes[b"ic10"] == 1024


def test_the_windows_cli_twin_names_its_own_file(tmp_path, monkeypatch):
    steps = run_spec("win32", tmp_path, monkeypatch)
    gui, cli = (str(step.kwargs["version"]) for step in steps["EXE"])
    assert "StringStruct('OriginalFilename', 'smtpgui.exe')" in gui
    assert "StringStruct('OriginalFilename', 'smtpgui-cli.exe')" in cli


def iss_numeric_version(version: str) -> str:
    """What smtpgui.iss's preprocessor computes for VersionInfoVersion, step by step."""
    numeric = ""
    for char in version:
        if char not in "0123456789.":
            break
        numeric += char
    return numeric.removesuffix(".")


@pytest.mark.parametrize(
    ("version", "numeric"),
    [("0.1.0", "0.1.0"), ("0.2.0rc1", "0.2.0"), ("1.0.dev1", "1.0"), ("2.1.3.4", "2.1.3.4")],
)
def test_a_prerelease_maps_to_a_numeric_windows_version(version, numeric):
    assert iss_numeric_version(version) == numeric


def test_the_windows_installer_offers_path_and_reports_a_failed_self_test():
    iss = (ROOT / "packaging" / "windows" / "smtpgui.iss").read_text(encoding="utf-8")
    assert "VersionInfoVersion={#NumericVersion}" in iss and "TakeVersionChar" in iss
    assert 'Name: "addtopath"' in iss and "ChangesEnvironment=yes" in iss
    assert 'ValueName: "Path"' in iss and "CurUninstallStepChanged" in iss  # and off again
    # /VERYSILENT suppresses the message box: the exit code must carry the failure.
    assert "function GetCustomSetupExitCode" in iss and "SelfTestFailed := True" in iss

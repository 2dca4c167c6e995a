"""packaging/macos/sign.sh, run on Linux with stand-ins for macOS's codesign and PlistBuddy.

The stand-in codesign records its arguments and, asked for the designated requirement, answers
as the real one does for a Developer ID signature ("identifier ... and certificate
leaf[subject.OU] = TEAM"), or for an ad hoc one (a cdhash). A real Mac build is the last check.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIGN = ROOT / "packaging" / "macos" / "sign.sh"
BUNDLE_ID = "org.smtpgui.smtpgui"
MACH_O = bytes.fromhex("cffaedfe") + bytes(60)  # a 64-bit Mach-O header, as `file` knows it

CODESIGN = """#!/bin/sh
echo "$*" >> "$CALLS"
case "$*" in
  *--requirements*)
    if [ "$IDENTITY" = "-" ]; then echo 'designated => cdhash H"0123abcd"'
    else echo "designated => identifier \\"$BUNDLE_ID\\" and anchor apple generic and" \\
      "certificate leaf[subject.OU] = TEAMID1234"; fi ;;
esac
"""
PLISTBUDDY = f'#!/bin/sh\necho "{BUNDLE_ID}"\n'


@pytest.fixture
def mac(tmp_path):
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, script in (("codesign", CODESIGN), ("PlistBuddy", PLISTBUDDY)):
        (tools / name).write_text(script)
        (tools / name).chmod(0o755)
    bundle = tmp_path / "smtpgui.app" / "Contents"
    for part in ("MacOS/smtpgui", "Frameworks/libpython3.11.dylib", "Frameworks/QtCore"):
        (bundle / part).parent.mkdir(parents=True, exist_ok=True)
        (bundle / part).write_bytes(MACH_O)
        (bundle / part).chmod(0o755)
    (bundle / "Info.plist").write_text("<plist/>")
    (bundle / "Resources").mkdir()
    (bundle / "Resources" / "notes.txt").write_text("not code")
    return tmp_path


def sign(mac: Path, identity: str | None, **extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PATH=f"{mac / 'bin'}{os.pathsep}{os.environ['PATH']}",
        PLISTBUDDY=str(mac / "bin" / "PlistBuddy"),
        CALLS=str(mac / "calls"),
        IDENTITY=identity or "-",
        BUNDLE_ID=BUNDLE_ID,
        **extra,
    )
    if identity:
        env["CODESIGN_IDENTITY"] = identity
    return subprocess.run(
        ["bash", str(SIGN), str(mac / "smtpgui.app")], env=env, capture_output=True, text=True
    )


def calls(mac: Path) -> list[str]:
    return (mac / "calls").read_text().splitlines()


def test_developer_id_signs_inside_out_with_the_stable_identifier(mac):
    identity = "Developer ID Application: Example Ltd (TEAMID1234)"
    done = sign(mac, identity)
    assert done.returncode == 0, done.stderr
    signs = [c for c in calls(mac) if c.startswith("--force")]
    assert all("--options runtime" in c and identity in c for c in signs)
    assert sorted(Path(c.split()[-1]).name for c in signs[:-1]) == [
        "QtCore",
        "libpython3.11.dylib",
    ]  # every Mach-O inside, never the resources
    assert signs[-1].endswith(f"--identifier {BUNDLE_ID} {mac / 'smtpgui.app'}")
    assert "WARNING" not in done.stderr


def test_ad_hoc_says_the_keychain_will_ask_after_every_update(mac):
    done = sign(mac, None)
    assert done.returncode == 0, done.stderr
    assert "Keychain will ask for the saved password again after every update" in done.stderr


def test_a_release_refuses_ad_hoc(mac):
    done = sign(mac, None, REQUIRE_DEVELOPER_ID="1")
    assert done.returncode != 0 and "CODESIGN_IDENTITY" in done.stderr
    assert not (mac / "calls").exists()

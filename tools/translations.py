"""Keep resources/translations/ in step with the code, with Qt's own tools.

    python tools/translations.py update     # pyside6-lupdate the package into each .ts, compile
    python tools/translations.py compile    # pyside6-lrelease every .ts into its .qm
    python tools/translations.py check      # exit 1 if a .ts has texts without a translation
    python tools/translations.py update --add fr     # start a new language

Translate the new entries of a .ts with Qt Linguist (pyside6-linguist), or in a text editor, and
run `compile`. The .qm files are committed so a checkout runs translated at once; a test fails
when one is older than its .ts, and build.spec compiles them afresh for every build.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smtpgui"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "smtpgui"


def qt_tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: next to this Python first (a venv), then on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(
            f"{name} is missing: it comes with PySide6 (pip install PySide6-Essentials)"
        )
    return found


def sources() -> list[str]:
    """Every module of the package: lupdate finds tr() and QT_TRANSLATE_NOOP() calls in them."""
    return sorted(str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py"))


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"{CATALOGUE}_*.ts"))


def update(add: list[str]) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    targets = catalogues() + [TRANSLATIONS / f"{CATALOGUE}_{lang}.ts" for lang in add]
    for ts in dict.fromkeys(targets):
        lang = ts.stem.removeprefix(f"{CATALOGUE}_")
        # No line numbers in the .ts: they would change with every edit and bury real changes.
        command = [qt_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
        command += ["-source-language", "en", "-target-language", lang, *sources(), "-ts", str(ts)]
        subprocess.run(command, check=True, cwd=ROOT)
    compile_all(TRANSLATIONS)


def compile_all(out_dir: Path) -> list[Path]:
    """Compile every .ts into out_dir; returns the .qm files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in catalogues():
        qm = out_dir / f"{ts.stem}.qm"
        subprocess.run(
            [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
        )
        written.append(qm)
    return written


def unfinished(ts: Path) -> list[str]:
    """Source texts of `ts` with no finished translation (new, changed or left empty)."""
    return [
        message.findtext("source") or ""
        for message in ET.parse(ts).getroot().iter("message")
        if not _finished(message.find("translation"))
    ]


def _finished(translation: ET.Element | None) -> bool:
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = translation.findall("numerusform")
    if forms:
        return all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def check() -> int:
    failed = 0
    for ts in catalogues():
        missing = unfinished(ts)
        for source in missing:
            print(f"{ts.name}: not translated: {source!r}")
        failed += len(missing)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="extract the strings into the .ts files, then compile")
    up.add_argument("--add", action="append", default=[], metavar="LANG", help="a new language")
    build = sub.add_parser("compile", help="compile the .ts files into .qm files")
    build.add_argument("--out", type=Path, default=TRANSLATIONS, help="folder for the .qm files")
    sub.add_parser("check", help="list texts without a finished translation")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.add)
        return check()
    if args.command == "compile":
        for qm in compile_all(args.out):
            print(qm)
        return 0
    return check()


if __name__ == "__main__":
    raise SystemExit(main())

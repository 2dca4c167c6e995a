"""Every user-visible string is where Qt's own tools can find it for translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from smtpgui.core.endpoint import EndpointError, parse_entries
from smtpgui.core.i18n import Text

ROOT = Path(__file__).resolve().parent.parent


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("pyside6-lupdate is missing: PySide6-Essentials ships it")
    return found


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, set[str]]:
    """context -> source texts that lupdate extracts from the package."""
    ts = tmp_path_factory.mktemp("ts") / "all.ts"
    files = sorted(str(p) for p in (ROOT / "smtpgui").rglob("*.py"))
    subprocess.run([lupdate(), *files, "-ts", str(ts)], check=True, capture_output=True)
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        found[name] = {m.findtext("source") or "" for m in context.iter("message")}
    return found


def test_every_diagnosis_text_is_extracted(sources):
    from smtpgui.core.catalogue import RULES

    texts = {text for rule in RULES for text in rule.texts}
    assert texts - sources.get("Diagnosis", set()) == set()


def test_phase_names_and_endpoint_messages_are_extracted(sources):
    from smtpgui.ui.phases import _LABELS

    assert set(_LABELS.values()) <= sources["Phase"]
    assert "Backup server {number}: {problem}" in sources["Endpoint"]
    assert "There is no file {path}." in sources["Settings"]
    assert "The server closed the connection." in sources["Probe"]
    assert "The server's certificate is not trusted: {reason}." in sources["Probe"]
    assert "Enter an address such as name@example.com." in sources["Settings"]
    assert len(sources["SettingsForm"]) > 20 and len(sources["SettingsWindow"]) > 20


def test_a_nested_message_is_translated_piece_by_piece():
    with pytest.raises(EndpointError) as error:
        parse_entries("ok.example.com; smtp://x")
    assert str(error.value).startswith("Backup server 1: ")

    def mark(context: str, text: str) -> str:
        return f"<{text}>" if context == "Endpoint" else text

    rendered = error.value.text.render(mark)
    assert rendered.startswith("<Backup server 1: <")  # the outer and the inner message
    assert '"smtp://"' in rendered  # values are data, never translated
    assert str(Text.of("X", "{a}-{b}", a="1", b=Text.of("Y", "two"))) == "1-two"

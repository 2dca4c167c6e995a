"""Every user-visible string is where Qt's own tools can find it for translation."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from smtpgui.core.smtp.endpoint import EndpointError, Security, parse_entries
from smtpgui.core.smtp.transcript import Direction
from smtpgui.core.text.i18n import Text
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.untranslated import ENGLISH, words_in

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
    from smtpgui.core.diagnosis.catalogue import RULES

    texts = {text for rule in RULES for text in rule.texts}
    assert texts - sources.get("Diagnosis", set()) == set()


def test_phase_names_and_endpoint_messages_are_extracted(sources):
    from smtpgui.ui.phase_list import _LABELS

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
    assert str(Text("X", "{a}-{b}", a="1", b=Text("Y", "two"))) == "1-two"


# -- the catalogues ------------------------------------------------------------------------------

TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("smtpgui_*.ts"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}|%[sd]")


def qt_tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is missing: PySide6-Essentials ships it")
    return found


def messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    """(context, source, translation element) for every message of a .ts file."""
    return [
        (context.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for context in ET.parse(ts).getroot().iter("context")
        for m in context.iter("message")
    ]


def finished(translation: ET.Element | None) -> bool:
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        and bool((translation.text or "").strip())
    )


def test_there_is_a_spanish_catalogue():
    assert TRANSLATIONS / "smtpgui_es.ts" in CATALOGUES


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_text_of_the_code_has_a_finished_translation(ts, tmp_path):
    """Run lupdate over the package into a copy: a new or changed text shows up unfinished.

    To fix: python tools/translations.py update, translate what it lists, and commit the .ts
    and .qm files.
    """
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    files = sorted(str(p) for p in (ROOT / "smtpgui").rglob("*.py"))
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    missing = [f"{c}: {s!r}" for c, s, t in messages(copy) if not finished(t)]
    assert missing == [], f"{len(missing)} texts without a finished translation in {ts.name}"


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_the_committed_qm_is_compiled_from_the_ts(ts, tmp_path):
    """A checkout runs translated from the committed .qm: it must match its .ts."""
    fresh = tmp_path / f"{ts.stem}.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = ts.with_suffix(".qm")
    assert committed.is_file(), f"run: python tools/translations.py compile ({committed.name})"
    assert committed.read_bytes() == fresh.read_bytes(), "run: python tools/translations.py compile"


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_translations_keep_placeholders_markup_and_shortcuts(ts):
    for context, source, translation in messages(ts):
        if not finished(translation):
            continue
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        # str.format() fills {names} by name, but "%s %d" % (...) fills in order.
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), where
        assert re.findall(r"%[sd]", source) == re.findall(r"%[sd]", text), where
        # Markup tags only: "Office <name@example.com>" is an address, and its words translate.
        tag = r"</?(?:a|b|i|p|br|code|span|tt)\b"
        assert re.findall(tag, source) == re.findall(tag, text), where
        has_mnemonic = re.compile(r"&(?!&)\w")
        assert bool(has_mnemonic.search(source)) == bool(has_mnemonic.search(text)), where
        assert source.endswith("…") == text.endswith("…"), where


# Menu items only need to differ from the other items of their menu.
MENU_ITEMS = {
    "&Import settings…",
    "&Export settings…",
    "Save support &file…",
    "&Delete saved settings…",
    "&Quit",
    "&About smtpgui",
    "Copy &diagnosis",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_window_shortcuts_do_not_clash(language):
    """Alt+letter must reach one field or button of the window, not cycle between two.

    The menu bar's own titles (&File, &Help) count too: Alt+F cannot both open File and
    jump to a field.
    """
    letters: dict[str, set[str]] = {}
    for context, source, translation in messages(TRANSLATIONS / "smtpgui_es.ts"):
        spanish = translation.text or "" if translation is not None else ""
        text = source if language == "en" else spanish
        if context not in WINDOW_CONTEXTS or "&" not in text:
            continue
        if context == "SettingsWindow" and source in MENU_ITEMS:
            continue
        letters.setdefault(re.search(r"&(\w)", text).group(1).lower(), set()).add(text)
    assert {k: v for k, v in letters.items() if len(v) > 1} == {}


WINDOW_CONTEXTS = ("SettingsForm", "SettingsWindow", "LogPanel", "TrustFields")


# -- the Spanish reads as an office admin would write it -----------------------------------------

# Informal "tú" forms (only those that cannot be a third person: "usa", "elige" can) and words
# that belong to one country only: the catalogue says "usted",
# "equipo" (not ordenador/computadora) and "archivo" (not fichero).
NOT_NEUTRAL = re.compile(
    r"\b(tu|tus|ti|contigo|puedes|debes|tienes|quieres|haz|asegúrate|inténtalo|elígela|"
    r"ordenador|ordenadores|computadora|computadoras|fichero|ficheros)\b",
    re.IGNORECASE,
)


def test_spanish_uses_usted_and_neutral_words():
    offending = [
        f"{c}: {t.text!r}"
        for c, _, t in messages(TRANSLATIONS / "smtpgui_es.ts")
        if finished(t) and NOT_NEUTRAL.search(t.text or "")
    ]
    assert offending == []


# Words that mean something else to a mail admin, or are regional: "reenviar" is Forward in
# mail programs (relay is "retransmitir"); "en nombre de" is Exchange's Send on Behalf, not Send
# As ("enviar como"); "dirección From" where the form says "Remitente"; "rellene" and "Intro"
# where Latin America says "complete" and "Entrar" (as Qt names the key there).
MISLEADING = re.compile(
    r"\b(reenvi\w*|en nombre de|direcci[oó]n From|rellen\w*|Intro)\b", re.IGNORECASE
)


def test_spanish_says_relay_send_as_and_sender_as_mail_programs_do():
    offending = [
        f"{c}: {t.text!r}"
        for c, _, t in messages(TRANSLATIONS / "smtpgui_es.ts")
        if finished(t) and MISLEADING.search(t.text or "")
    ]
    assert offending == []


def test_spanish_questions_and_exclamations_open_with_inverted_marks():
    for context, _, translation in messages(TRANSLATIONS / "smtpgui_es.ts"):
        text = translation.text or "" if translation is not None else ""
        for sentence in re.findall(r"[^.?!:]*\?", text):
            assert "¿" in sentence, f"{context}: {text!r}"
        for sentence in re.findall(r"[^.?!:]*!", text):
            assert "¡" in sentence, f"{context}: {text!r}"


def test_spanish_keeps_protocol_words_as_they_are():
    for context, source, translation in messages(TRANSLATIONS / "smtpgui_es.ts"):
        text = translation.text or "" if translation is not None else ""
        for word in ("STARTTLS", "SSL/TLS", "SMTP", "AUTH", "MAIL FROM", "RCPT TO", "EHLO"):
            assert source.count(word) <= text.count(word), f"{context}: {word} in {text!r}"


# -- no English left in the Spanish window -------------------------------------------------------

UI_SOURCES = [*sorted((ROOT / "smtpgui" / "ui").glob("*.py")), ROOT / "smtpgui" / "app.py"]
# Calls that put text on screen: which positional arguments are text (None: all of them).
ALL = None
SINKS: dict[str, tuple[int, ...] | None] = {
    **dict.fromkeys(
        ["setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
         "setTitle", "addItem", "addAction", "addMenu", "setHorizontalHeaderLabels", "setSuffix",
         "setPrefix", "setStatusTip", "add_note", "QLabel", "QPushButton", "QCheckBox",
         "QGroupBox", "QAction", "QRadioButton", "QToolButton", "QMenu"],
        ALL,
    ),
    "show_message": (1, 2),  # (kind, title, body)
    **dict.fromkeys(["about", "information", "warning", "critical", "question"], (1, 2)),
    **dict.fromkeys(["getSaveFileName", "getOpenFileName"], (1, 3)),  # caption, filter
}  # fmt: skip
SINK_KEYWORDS = {"text", "title", "placeholderText", "toolTip", "windowTitle"}


def marked(node: ast.expr) -> bool:
    """A literal, or a text marked with QT_TRANSLATE_NOOP: lupdate finds both."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"


def untranslated_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name == "tr" and not (node.args and marked(node.args[0])):
            found.append(f"{path.name}:{node.lineno}: tr() of a non-literal: lupdate cannot see it")
        if name not in SINKS:
            continue
        positions = SINKS[name]
        args = [a for i, a in enumerate(node.args) if positions is ALL or i in positions]
        args += [k.value for k in node.keywords if k.arg in SINK_KEYWORDS]
        found += [f"{path.name}:{a.lineno}: {words_in(a)!r}" for a in args if words_in(a)]
    return found


def test_ui_code_puts_no_literal_text_on_screen():
    """Text for the screen goes through tr() / translate(); data may be shown as it is."""
    found = [line for path in UI_SOURCES for line in untranslated_literals(path)]
    assert found == []


def english_words(text: str) -> set[str]:
    """English words of a text; host names, addresses, codes and protocol words are skipped."""
    text = re.sub(r"<[^>]*>", " ", text)
    tokens = (token.strip(",.;:()«»“”\"'¿?¡!…&") for token in text.split())
    return {
        token.lower()
        for token in tokens
        if token
        and not token.isupper()  # protocol words: LOGIN, HELP, AUTH
        and not re.search(r"[@./:=#_\d\[\]-]", token)
        and token.lower() in ENGLISH
    }


def screen_texts(widget: QWidget) -> list[str]:
    """What a person sees of a window: labels, buttons, menus, fields' hints, tooltips, tables."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        texts.append(child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, (QLineEdit, QPlainTextEdit)):
            texts.append(child.placeholderText())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTableWidget):
            for column in range(child.columnCount()):
                texts.append(child.horizontalHeaderItem(column).text())
                texts += [
                    child.item(row, column).text()
                    for row in range(child.rowCount())
                    if child.item(row, column) is not None
                ]
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            texts.append(action.text())
            texts += [item.text() for item in action.menu().actions()]
    return texts


def log_notes(window: SettingsWindow) -> list[str]:
    """smtpgui's own lines of the log; what the server said is data, in its own language."""
    shown_lines = window.log.toPlainText().splitlines()
    return [
        line
        for line, kept in zip(shown_lines, window.log.lines(), strict=True)
        if kept.direction in (Direction.INFO, Direction.ERROR, Direction.TLS)
    ]


@pytest.fixture
def spanish(qapp):
    from smtpgui.app import install_translations

    previous = QLocale()
    installed = install_translations(qapp, "es")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def demo_window(qtbot, spanish):
    """The window against the demo server, as a fixture: it outlives the dialogs it owns."""
    from smtpgui.demo import DemoServer

    with DemoServer() as demo:
        window = SettingsWindow(note=demo.note())
        qtbot.addWidget(window)
        demo.fill(window.form)
        window.show()
        yield window, demo


@pytest.mark.gui
def test_the_spanish_window_shows_no_english(qtbot, demo_window):
    """Idle, after a passed Test, after a failed Save, and Detect: every text is Spanish."""
    from tests.helpers.servers import free_port

    window, demo = demo_window
    seen: dict[str, set[str]] = {}

    def look(where: str, widget: QWidget, extra: list[str] = ()) -> None:
        for text in [*screen_texts(widget), *extra]:
            for word in english_words(text):
                seen.setdefault(f"{where}: {text!r}", set()).add(word)

    look("idle", window)
    with qtbot.waitSignal(window.outcome_ready, timeout=20_000):
        window.test()
    look("passed", window, log_notes(window))
    window.form.password.setText("not-the-password")
    window.form.from_address.setText("office@smtpgui.test")
    with qtbot.waitSignal(window.outcome_ready, timeout=20_000):
        window.save()
    look("failed", window, log_notes(window))
    window.detect_ports = ((demo.port, Security.STARTTLS), (free_port(), Security.TLS))
    dialog = window.detect()
    with qtbot.waitSignal(dialog.detected, timeout=20_000):
        pass
    look("detect", dialog)
    dialog.reject()
    assert seen == {}


@pytest.mark.gui
@pytest.mark.parametrize("auth", ["auto", "oauth2"])
def test_the_spanish_form_fits_its_column_without_cutting_fields_off(qtbot, spanish, auth):
    """Longer Spanish labels widen the form: its column grows instead of hiding fields."""
    from smtpgui.core.profile.settings import AuthMethod

    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    form = window.form
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod(auth)))
    fields = form.parentWidget()
    assert fields is not None
    viewport = fields.parentWidget()  # the scroll area's: what the admin actually sees
    assert viewport is not None

    def fits() -> bool:
        return fields.minimumSizeHint().width() <= fields.width() <= viewport.width()

    qtbot.waitUntil(fits, timeout=2000)


@pytest.mark.gui
def test_the_spanish_server_placeholder_is_not_cut_off(qtbot, spanish):
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    field = window.form.server
    qtbot.waitUntil(field.isVisible)
    text = field.placeholderText()
    margins = field.textMargins().left() + field.textMargins().right() + 12  # frame and padding
    assert field.fontMetrics().horizontalAdvance(text) + margins <= field.width(), (
        text,
        field.width(),
    )

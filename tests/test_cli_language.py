"""The command line in the catalogue's language: help, argparse's words, errors and diagnoses."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from smtpgui.cli.language import language_in
from smtpgui.core import exit_codes as codes
from smtpgui.core.text.qm_file import read_catalogue
from tests.helpers.cli_terminal import OWN, ROOT, cli
from tests.helpers.servers import USER
from tests.helpers.untranslated import ENGLISH, words_in

TRANSLATIONS = ROOT / "resources" / "translations"


@pytest.fixture
def spanish(env):
    """A Spanish desktop: only LANG says so."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    return dict(env, LANG="es_ES.UTF-8")


# Values typed as they are (--security none, --trust system): not English left in the prose.
VALUES = {"none", "system"}


def english_in(text: str) -> set[str]:
    """Common English words left in a text; options, METAVARS, {choices} and URLs set aside."""
    prose = re.sub(r"(--|ssl://|tls://|https?://)[\w.:/<>-]*|\{[^}]*\}|\[[^]]*\]", " ", text)
    words = {word.lower() for word in re.findall(r"\b[A-Za-z]*[a-z][A-Za-z]*\b", prose)}
    return (words & ENGLISH) - VALUES


def test_the_qm_reader_finds_every_translation_of_the_ts():
    """The CLI reads the compiled catalogue without Qt; it must see what QTranslator sees."""
    catalogue = read_catalogue(TRANSLATIONS / "smtpgui_es.qm")
    root = ET.parse(TRANSLATIONS / "smtpgui_es.ts").getroot()
    expected = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation/numerusform") is None
    }
    assert catalogue == expected


def test_a_missing_or_foreign_catalogue_is_english(tmp_path):
    (tmp_path / "x.qm").write_bytes(b"not a catalogue")
    assert read_catalogue(tmp_path / "x.qm") == {}
    assert read_catalogue(tmp_path / "missing.qm") == {}


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        (["check", "--lang", "es"], {"LANG": "en_US.UTF-8"}, "es"),
        (["--lang=es", "show"], {}, "es"),
        (["show"], {"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}, "es"),
        (["show"], {"LC_ALL": "es_MX.UTF-8", "LANG": "en_US"}, "es"),
        (["show"], {"LANG": "es_AR.UTF-8"}, "es"),
        (["show"], {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        (["show"], {"LANG": "de_DE.UTF-8"}, "en"),
        (["show"], {}, "en"),
    ],
)
def test_the_language_comes_from_lang_then_the_environment(argv, environ, lang):
    assert language_in(argv, environ) == lang


def test_check_help_is_spanish_with_argparse_words(spanish):
    done = cli(spanish, "check", "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("uso: smtpgui check")
    assert "\nopciones:\n" in done.stdout and "muestra esta ayuda y termina" in done.stdout
    assert english_in(done.stdout) == set(), done.stdout


def test_every_option_of_check_has_a_help_text():
    from smtpgui.cli.parser import build_parser

    check = build_parser()._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    assert [a.dest for a in check._actions if not a.help] == []


@pytest.mark.parametrize("where", ["before", "after"])
def test_lang_is_accepted_before_or_after_the_command(env, where):
    args = ["--lang", "es", "show"] if where == "before" else ["show", "--lang", "es"]
    done = cli(env, *args)
    assert done.returncode == codes.OK, done.stderr
    assert done.stdout.startswith("No hay ningún servidor de correo saliente guardado")


def test_main_help_lists_every_command(env):
    from smtpgui.cli import COMMANDS

    done = cli(env, "--help")
    assert all(command in done.stdout for command in COMMANDS), done.stdout


def test_argparse_errors_are_spanish(spanish):
    done = cli(spanish, "check", "--port", "99999")
    assert done.returncode == 2
    assert "error: argumento --port: '99999' está fuera del rango: un puerto" in done.stderr
    done = cli(spanish, "discover")
    assert "faltan estos argumentos obligatorios: address" in done.stderr
    done = cli(spanish, "send", "--bogus")
    assert "argumentos no reconocidos: --bogus" in done.stderr


def test_a_failed_check_is_diagnosed_in_spanish(spanish, starttls_server, ca_file):
    done = cli(
        spanish,
        *("check", "--server", starttls_server.server, "--user", USER, "--to", OWN),
        *("--ca-file", ca_file, "--timeout", "5", "--password-stdin"),
        stdin="wrong password\n",
    )
    assert done.returncode == codes.AUTH, done.stderr
    assert "AUTH PLAIN [oculto]" in done.stdout  # the redaction marker is in Spanish too
    failure = done.stdout.split("\n\n", 1)[1]
    assert failure.startswith("FALLÓ en AUTH: "), failure
    assert english_in(failure) == set(), failure


def test_the_cli_reads_its_language_without_loading_qt(spanish):
    code = (
        "import sys; from smtpgui.cli import main; main(['show']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=spanish, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "No hay ningún servidor" in done.stdout


CLI_SOURCES = sorted((ROOT / "smtpgui").glob("cli*.py"))
CLI_SINKS = {"print", "CliError", "ArgumentTypeError", "getpass", "add_argument_group"}
CLI_KEYWORDS = {"help", "description", "epilog"}


def cli_literals(path):
    """Literal English handed to the terminal: not marked, so lupdate never sees it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        args = list(node.args) if name in CLI_SINKS else []
        args += [k.value for k in node.keywords if k.arg in CLI_KEYWORDS]
        for arg in args:
            # Option names and the program's name are the same in every language.
            words = re.sub(r"\b(smtpgui|server|subject|OAuth)\b", "", words_in(arg))
            if words.strip():
                found.append(f"{path.name}:{arg.lineno}: {words!r}")
    return found


def test_cli_code_prints_no_literal_text():
    """Every text of the CLI goes through cli()/say(), as the window's go through tr()."""
    assert [line for path in CLI_SOURCES for line in cli_literals(path)] == []

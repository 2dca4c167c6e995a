"""The command line's language: chosen from --lang or the environment, read from the .qm.

The CLI speaks through the window's catalogue (resources/translations) without loading Qt (see
core/text/qm_file.py); argparse's own words (usage, options, errors) are marked here so lupdate puts
them in the same .ts, and `argparse_in_language()` hands them to argparse while it parses.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, shown
from smtpgui.core.text.qm_file import Catalogue, read_catalogue

LANGUAGES = ("en", "es")  # as app.LANGUAGES; English is the source language
CATALOGUE = "smtpgui"
# GNU gettext's order: LANGUAGE (a list), then LC_ALL, LC_MESSAGES, LANG.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

# argparse calls gettext on these (Python 3.11 to 3.13); marked so lupdate extracts them.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
)

_catalogue: Catalogue = {}


def language_in(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """--lang (before or after the command) wins; then the environment; else English."""
    for at, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return _known(arg.removeprefix("--lang="))
        if arg == "--lang" and at + 1 < len(argv):
            return _known(argv[at + 1])
    for name in ENVIRONMENT:
        value = environ.get(name, "").split(":")[0]
        if value:
            return _known(value)
    return "en"


def _known(value: str) -> str:
    """'es_ES.UTF-8', 'es-MX' or 'es' -> 'es'; 'C', 'POSIX' and unknown languages -> 'en'."""
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else "en"


def install(lang: str) -> None:
    """Speak `lang` from now on in this process (the CLI runs one command, in one language)."""
    from smtpgui.resources import TRANSLATIONS

    global _catalogue
    _catalogue = read_catalogue(TRANSLATIONS / f"{CATALOGUE}_{lang}.qm") if lang != "en" else {}


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate's twin: the translation, or the English text itself."""
    return _catalogue.get((context, text)) or text


def say(message: str) -> str:
    """A message for the terminal in the CLI's language (a Text is translated, data is not)."""
    return shown(message, translate)


def cli(text: str, **values: str) -> str:
    """A marked "Cli" text, translated, then filled: `cli(QT_TRANSLATE_NOOP("Cli", ...), x=...)`.

    Values are data (a file name, an address) or messages already in the CLI's language.
    """
    translated = translate("Cli", text)
    return translated.format(**values) if values else translated


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse's gettext calls answered from our catalogue while the block runs."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def plural(singular: str, many: str, n: int) -> str:
        return translate("argparse", singular if n == 1 else many)

    argparse._ = lambda text: translate("argparse", text)  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]

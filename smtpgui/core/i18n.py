"""Marking core strings for translation without importing Qt.

`pyside6-lupdate` finds strings by the call's name in the source text, so a plain function
called QT_TRANSLATE_NOOP puts core strings in the .ts files; the window translates them with
QCoreApplication.translate(context, text) when it shows them.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def untranslated(text: str) -> str:
    return text

"""Marking core strings for translation without importing Qt.

`pyside6-lupdate` finds strings by the call's name in the source text, so a plain function
called QT_TRANSLATE_NOOP puts core strings in the .ts files (call it by that full name with a
literal context: lupdate does not follow aliases). The window translates them with
QCoreApplication.translate(context, text) when it shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Translate = Callable[[str], str]
ContextTranslate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


def untranslated(text: str) -> str:
    return text


def untranslated_in(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Text:
    """A message for the admin: a marked template and its values, translated when shown.

    str() gives the English text (for logs, the CLI and exceptions); `render(translate)` gives
    it in the UI language. Values may be Text themselves (a message inside a message).
    """

    context: str
    template: str
    values: tuple[tuple[str, str | Text], ...] = ()

    @classmethod
    def of(cls, context: str, template: str, **values: str | Text) -> Text:
        return cls(context, template, tuple(values.items()))

    def render(self, translate: ContextTranslate = untranslated_in) -> str:
        filled = {
            key: value.render(translate) if isinstance(value, Text) else value
            for key, value in self.values
        }
        return translate(self.context, self.template).format(**filled)

    def __str__(self) -> str:
        return self.render()

"""Marking core strings for translation without importing Qt.

`pyside6-lupdate` finds strings by the call's name in the source text, so a plain function
called QT_TRANSLATE_NOOP puts core strings in the .ts files (call it by that full name with a
literal context: lupdate does not follow aliases). The window translates them with
QCoreApplication.translate(context, text) when it shows them.
"""

from __future__ import annotations

from collections.abc import Callable

ContextTranslate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


def untranslated_in(_context: str, text: str) -> str:
    return text


class Text(str):
    """A message for the admin: English as a str, plus the marked template to translate it.

    Being a str, it goes wherever a message went before (exceptions, logs, the CLI, `in`);
    `render(translate)` gives it in the UI language. Values may be Text themselves (a message
    inside a message); they are data otherwise, and never translated.
    """

    context: str
    template: str
    values: tuple[tuple[str, str], ...]

    def __new__(cls, context: str, template: str, **values: str) -> Text:
        english = template.format(**values)
        text = super().__new__(cls, english)
        text.context, text.template, text.values = context, template, tuple(values.items())
        return text

    def with_values(self, change: Callable[[str], str]) -> Text:
        """The same message with every value passed through `change` (e.g. redaction)."""
        return Text(self.context, self.template, **{k: change(v) for k, v in self.values})

    def render(self, translate: ContextTranslate = untranslated_in) -> str:
        filled = {key: shown(value, translate) for key, value in self.values}
        return translate(self.context, self.template).format(**filled)


def shown(message: str, translate: ContextTranslate) -> str:
    """A message as the admin should read it: translated if it is a Text."""
    return message.render(translate) if isinstance(message, Text) else message


def message_of(exc: BaseException) -> str:
    """An exception's message as the core raised it: its Text where it has one (in `.text`,
    as EndpointError keeps it, or as its argument), so each face can translate it; else str()."""
    for said in (getattr(exc, "text", None), exc.args[0] if exc.args else None):
        if isinstance(said, Text):
            return said
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)

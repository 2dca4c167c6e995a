"""The command line's errors: CliError ends a command with an exit code, and the sentences of
failed options and core exceptions in the CLI's language."""

from __future__ import annotations

from smtpgui.cli.language import say
from smtpgui.core.text.i18n import message_of as core_message_of


class CliError(Exception):
    """Ends the command with `code` after printing the message to stderr."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message  # a Text is printed in the CLI's language
        self.code = code


def option_error(option: str, error: BaseException) -> str:
    """`--option: why`, the why in the CLI's language (an option's name is the same in all)."""
    return f"{option}: {say(message_of(error))}"


def message_of(error: BaseException) -> str:
    """An exception's message in the CLI's language (the core keeps a Text where it can)."""
    return say(core_message_of(error))

"""The command line, `smtpgui check|show|forget|export|import|send|discover|domain-check`: the
window's engine without the window. main() parses argv, runs the command from commands.RUN and
turns a CliError into its message and exit code (core/exit_codes.py).

Nothing is imported here at module level: `smtpgui` without a command opens the window and must
not pay for argparse or the commands (start-up benchmark).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

COMMANDS = ("check", "show", "forget", "export", "import", "send", "discover", "domain-check")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; the exit code is what the process returns."""
    from smtpgui.cli import stdio
    from smtpgui.cli.language import argparse_in_language, cli, install, language_in, say
    from smtpgui.cli.parser import build_parser
    from smtpgui.core import exit_codes as codes
    from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

    if not stdio.has_console():
        return codes.INVALID_INPUT
    stdio.make_output_safe()
    argv = sys.argv[1:] if argv is None else list(argv)
    install(language_in(argv))
    with argparse_in_language():
        args = build_parser().parse_args(argv)
    from smtpgui.cli.commands import RUN
    from smtpgui.cli.errors import CliError

    try:
        return RUN[args.command](args)
    except CliError as exc:
        print(f"smtpgui: {say(exc.message)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"smtpgui: {cli(QT_TRANSLATE_NOOP('Cli', 'cancelled'))}", file=sys.stderr)
        return codes.CANCELLED

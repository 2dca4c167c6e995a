"""The headless twin: `smtpgui check|show|forget|export|import|send|discover`, on the window's core.

The password never comes from argv (other users can read it in the process list): from the
keyring, from stdin with --password-stdin, or from a prompt that does not echo.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Sequence

from smtpgui.core import exit_codes as codes

COMMANDS = ("check", "show", "forget", "export", "import", "send", "discover")


class CliError(Exception):
    """Ends the command with `code` after printing the message to stderr."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    from smtpgui import cli_commands

    try:
        return int(getattr(cli_commands, f"run_{args.command}")(args))
    except CliError as exc:
        print(f"smtpgui: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("smtpgui: cancelled", file=sys.stderr)
        return codes.CANCELLED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smtpgui",
        description="Test, store and use the outgoing mail (SMTP) server, without the window.",
        epilog="Exit codes: "
        + "; ".join(f"{code} {text}" for code, text in codes.MEANINGS.items()),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _check_parser(sub.add_parser("check", help="run the test (and --save on success)"))
    show = sub.add_parser("show", help="print the saved settings (never the password)")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    sub.add_parser("forget", help="delete the saved settings and the stored password")
    export = sub.add_parser("export", help="write the saved settings to a profile file")
    export.add_argument("file", help="the profile to write ('-' for standard output)")
    imp = sub.add_parser("import", help="test the settings of a profile and save them")
    imp.add_argument("file", help="the profile to read ('-' for standard input)")
    _password_options(imp)
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    _send_parser(sub.add_parser("send", help="send a mail (or --batch) with the saved settings"))
    _discover_parser(sub.add_parser("discover", help="find the server settings from an address"))
    return parser


def _send_parser(send: argparse.ArgumentParser) -> None:
    send.add_argument("--to", action="append", default=[], help="recipient (repeatable)")
    send.add_argument("--cc", action="append", default=[], help="copy to (repeatable)")
    send.add_argument("--subject", help="the subject (standard input is the text)")
    send.add_argument(
        "--batch",
        metavar="PATH",
        help="send every message of a folder of .eml files or of an mbox, on one connection",
    )
    send.add_argument(
        "--per-minute",
        type=_number_in(1, 10000, "messages a minute", int),
        help="with --batch: at most this many a minute (default: the provider's published limit)",
    )
    send.add_argument("--verbose", action="store_true", help="print the SMTP conversation")


def _discover_parser(discover: argparse.ArgumentParser) -> None:
    discover.add_argument("address", help="the e-mail address that will send")
    discover.add_argument("--json", action="store_true", help="print one JSON object")
    discover.add_argument(
        "--autoconfig",
        action="store_true",
        help="also ask autoconfig.<domain> and Thunderbird's ISPDB (web requests)",
    )
    discover.add_argument(
        "--no-probe", action="store_true", help="do not connect to guessed host names"
    )
    discover.add_argument(
        "--timeout", type=_seconds, default=10.0, help="seconds, 1 to 300 (default 10)"
    )


def _check_parser(check: argparse.ArgumentParser) -> None:
    check.add_argument("--server", help="host, ssl://host:465, tls://host:587; backups after ;")
    check.add_argument("--security", choices=("none", "starttls", "tls"))
    check.add_argument("--port", type=_number_in(1, 65535, "a port", int), help="1 to 65535")
    check.add_argument("--auth", choices=("none", "auto", "plain", "login", "cram-md5", "oauth2"))
    check.add_argument("--user", help="the login user name")
    check.add_argument("--from", dest="from_address", help="force this From on every mail")
    check.add_argument("--to", dest="recipient", help="the test recipient (your own address)")
    check.add_argument("--ca-file", help="trust only the CAs in this PEM file")
    check.add_argument("--trust", choices=("system", "ca-file", "pinned", "insecure"))
    check.add_argument("--pin", help="SHA-256 fingerprint of the one certificate to accept")
    check.add_argument("--timeout", type=_seconds, help="seconds per step, 1 to 300 (default 15)")
    check.add_argument(
        "--allow-insecure-auth", action="store_true", help="allow login without encryption"
    )
    check.add_argument("--no-send", action="store_true", help="stop after AUTH, send nothing")
    check.add_argument("--save", action="store_true", help="save the settings if the test passes")
    check.add_argument("--json", action="store_true", help="print one JSON object, no transcript")
    _password_options(check)
    _oauth_options(check)


def _oauth_options(check: argparse.ArgumentParser) -> None:
    oauth = check.add_argument_group(
        "OAuth2", "sign in instead of a password (any of these selects --auth oauth2)"
    )
    oauth.add_argument(
        "--provider",
        metavar="ID",
        help="take the OAuth2 addresses and scopes from this catalogue entry",
    )
    oauth.add_argument(
        "--client-id", metavar="ID", help="the client (application) ID of the app registration"
    )
    oauth.add_argument(
        "--tenant", metavar="TENANT", help="the directory (Microsoft: ID or domain) for {tenant}"
    )
    oauth.add_argument(
        "--authorize-url", metavar="URL", help="the provider's authorization endpoint"
    )
    oauth.add_argument("--token-url", metavar="URL", help="the provider's token endpoint")
    oauth.add_argument(
        "--device-url", metavar="URL", help="the provider's device authorization endpoint"
    )
    oauth.add_argument(
        "--scopes", metavar="SCOPES", help="the scopes to ask for, separated by spaces"
    )
    oauth.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="read the client secret from standard input (never give it as an argument)",
    )
    oauth.add_argument(
        "--sign-in",
        choices=("browser", "device"),
        help="sign in first: in this computer's browser, or with a code on another device",
    )
    # run_check loads the OAuth2 code only when one of these is given (or the auth is OAuth2).
    check.set_defaults(oauth_options=tuple(action.dest for action in oauth._group_actions))


def _password_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (never give it as an argument)",
    )


def _number_in(
    low: float, high: float, unit: str, kind: Callable[[str], float] = float
) -> Callable[[str], float]:
    """An argparse type: a number from `low` to `high`, else an error naming the range."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = math.nan
        if not low <= value <= high:  # NaN fails it too; inf and 1e9 are out of range
            raise argparse.ArgumentTypeError(
                f"{text!r} is out of range: {unit} from {low:g} to {high:g}"
            )
        return value

    return parse


_seconds = _number_in(1, 300, "seconds")

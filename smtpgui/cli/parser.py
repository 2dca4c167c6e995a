"""The command line's grammar: every command, option and help text, in the CLI's language.

The password never comes from argv (other users can read it in the process list): from the
keyring, from stdin with --password-stdin, or from a prompt that does not echo.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import Any

from smtpgui.cli.language import (
    LANGUAGES,
    cli,
    translate,
)
from smtpgui.core import exit_codes as codes
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smtpgui",
        description=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "Test, store and use the outgoing mail (SMTP) server, without the window."
            )
        ),
        epilog=cli(QT_TRANSLATE_NOOP("Cli", "Exit codes: "))
        + "; ".join(
            f"{code} {translate('ExitCode', text)}" for code, text in codes.MEANINGS.items()
        ),
    )
    _lang_option(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser = _with_lang(sub.add_parser)  # type: ignore[method-assign]
    _check_parser(
        sub.add_parser(
            "check", help=cli(QT_TRANSLATE_NOOP("Cli", "run the test (and --save on success)"))
        )
    )
    show = sub.add_parser(
        "show", help=cli(QT_TRANSLATE_NOOP("Cli", "print the saved settings (never the password)"))
    )
    show.add_argument(
        "--json", action="store_true", help=cli(QT_TRANSLATE_NOOP("Cli", "print one JSON object"))
    )
    sub.add_parser(
        "forget",
        help=cli(QT_TRANSLATE_NOOP("Cli", "delete the saved settings and the stored password")),
    )
    export = sub.add_parser(
        "export", help=cli(QT_TRANSLATE_NOOP("Cli", "write the saved settings to a profile file"))
    )
    export.add_argument(
        "file", help=cli(QT_TRANSLATE_NOOP("Cli", "the profile to write ('-' for standard output)"))
    )
    imp = sub.add_parser(
        "import", help=cli(QT_TRANSLATE_NOOP("Cli", "test the settings of a profile and save them"))
    )
    imp.add_argument(
        "file", help=cli(QT_TRANSLATE_NOOP("Cli", "the profile to read ('-' for standard input)"))
    )
    _password_options(imp)
    imp.add_argument(
        "--json", action="store_true", help=cli(QT_TRANSLATE_NOOP("Cli", "print one JSON object"))
    )
    _send_parser(
        sub.add_parser(
            "send",
            help=cli(QT_TRANSLATE_NOOP("Cli", "send a mail (or --batch) with the saved settings")),
        )
    )
    _discover_parser(
        sub.add_parser(
            "discover",
            help=cli(QT_TRANSLATE_NOOP("Cli", "find the server settings from an address")),
        )
    )
    _domain_check_parser(
        sub.add_parser(
            "domain-check",
            help=cli(
                QT_TRANSLATE_NOOP("Cli", "will mail From this address arrive? SPF, DKIM, DMARC")
            ),
        )
    )
    return parser


def _lang_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's default must not undo `smtpgui --lang es check`; the language
    # itself is read from argv before parsing (cli_language.language_in).
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=cli(QT_TRANSLATE_NOOP("Cli", "the language of the messages (default: the system's)")),
    )


def _with_lang(
    add_parser: Callable[..., argparse.ArgumentParser],
) -> Callable[..., argparse.ArgumentParser]:
    """Every command accepts --lang after its name too: `smtpgui check --lang es`."""

    def add(*args: Any, **kwargs: Any) -> argparse.ArgumentParser:
        parser = add_parser(*args, **kwargs)
        _lang_option(parser)
        return parser

    return add


def _domain_check_parser(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "address", help=cli(QT_TRANSLATE_NOOP("Cli", "the address mail is sent From"))
    )
    check.add_argument(
        "--server",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the server mail goes through (default: the saved one)")),
    )
    check.add_argument(
        "--json", action="store_true", help=cli(QT_TRANSLATE_NOOP("Cli", "print one JSON object"))
    )
    _resolver_option(check)
    check.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        help=cli(QT_TRANSLATE_NOOP("Cli", "seconds per DNS question")),
    )


def _resolver_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--resolver",
        metavar="HOST[:PORT]",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "ask this DNS server instead of the system's (split-horizon DNS)"
            )
        ),
    )


def _send_parser(send: argparse.ArgumentParser) -> None:
    send.add_argument(
        "--to",
        action="append",
        default=[],
        help=cli(QT_TRANSLATE_NOOP("Cli", "recipient (repeatable)")),
    )
    send.add_argument(
        "--cc",
        action="append",
        default=[],
        help=cli(QT_TRANSLATE_NOOP("Cli", "copy to (repeatable)")),
    )
    send.add_argument(
        "--subject",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the subject (standard input is the text)")),
    )
    send.add_argument(
        "--batch",
        metavar="PATH",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli",
                "send every message of a folder of .eml files or of an mbox, on one connection",
            )
        ),
    )
    send.add_argument(
        "--per-minute",
        type=_number_in(1, 10000, QT_TRANSLATE_NOOP("Cli", "messages a minute"), int),
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli",
                "with --batch: at most this many a minute (default: the provider's published "
                "limit)",
            )
        ),
    )
    send.add_argument(
        "--verbose",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "print the SMTP conversation")),
    )


def _discover_parser(discover: argparse.ArgumentParser) -> None:
    discover.add_argument(
        "address", help=cli(QT_TRANSLATE_NOOP("Cli", "the e-mail address that will send"))
    )
    discover.add_argument(
        "--json", action="store_true", help=cli(QT_TRANSLATE_NOOP("Cli", "print one JSON object"))
    )
    discover.add_argument(
        "--autoconfig",
        action="store_true",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "also ask autoconfig.<domain> and Thunderbird's ISPDB (web requests)"
            )
        ),
    )
    discover.add_argument(
        "--no-probe",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "do not connect to guessed host names")),
    )
    discover.add_argument(
        "--timeout",
        type=_seconds,
        default=10.0,
        help=cli(QT_TRANSLATE_NOOP("Cli", "seconds, 1 to 300 (default 10)")),
    )
    _resolver_option(discover)


def _check_parser(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--server",
        help=cli(QT_TRANSLATE_NOOP("Cli", "host, ssl://host:465, tls://host:587; backups after ;")),
    )
    check.add_argument(
        "--security",
        choices=("none", "starttls", "tls"),
        help=cli(QT_TRANSLATE_NOOP("Cli", "the encryption: none, STARTTLS on 587/25, TLS on 465")),
    )
    check.add_argument(
        "--port",
        type=_number_in(1, 65535, QT_TRANSLATE_NOOP("Cli", "a port"), int),
        help=cli(QT_TRANSLATE_NOOP("Cli", "1 to 65535")),
    )
    check.add_argument(
        "--auth",
        choices=("none", "auto", "plain", "login", "cram-md5", "oauth2"),
        help=cli(QT_TRANSLATE_NOOP("Cli", "how to log in (default: auto, the best offered)")),
    )
    check.add_argument("--user", help=cli(QT_TRANSLATE_NOOP("Cli", "the login user name")))
    check.add_argument(
        "--from",
        dest="from_address",
        help=cli(QT_TRANSLATE_NOOP("Cli", "force this From on every mail")),
    )
    check.add_argument(
        "--to",
        dest="recipient",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the test recipient (your own address)")),
    )
    check.add_argument(
        "--ca-file",
        help=cli(QT_TRANSLATE_NOOP("Cli", "trust only the CAs in this file (PEM or DER)")),
    )
    check.add_argument(
        "--trust",
        choices=("system", "ca-file", "pinned", "insecure"),
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "which certificates to accept (default: system; insecure checks none)"
            )
        ),
    )
    check.add_argument(
        "--pin",
        help=cli(QT_TRANSLATE_NOOP("Cli", "SHA-256 fingerprint of the one certificate to accept")),
    )
    check.add_argument(
        "--timeout",
        type=_seconds,
        help=cli(QT_TRANSLATE_NOOP("Cli", "seconds per step, 1 to 300 (default 15)")),
    )
    check.add_argument(
        "--allow-insecure-auth",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "allow login without encryption")),
    )
    check.add_argument(
        "--no-send",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "stop after AUTH, send nothing")),
    )
    check.add_argument(
        "--save",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "save the settings if the test passes")),
    )
    check.add_argument(
        "--json",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "print one JSON object, no transcript")),
    )
    check.add_argument(
        "--no-domain-check",
        action="store_true",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "skip the SPF/DKIM/DMARC check of the From domain after a passed test"
            )
        ),
    )
    _resolver_option(check)
    _password_options(check)
    _oauth_options(check)
    _arrival_options(check)


def _arrival_options(check: argparse.ArgumentParser) -> None:
    arrival = check.add_argument_group(
        cli(QT_TRANSLATE_NOOP("Cli", "arrival")),
        cli(
            QT_TRANSLATE_NOOP(
                "Cli", "after a passed test, look for the message in the recipient's mailbox (IMAP)"
            )
        ),
    )
    arrival.add_argument(
        "--arrival",
        nargs="?",
        const="",  # no host: the provider catalogue's IMAP server for this account
        metavar="HOST[:PORT]",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli",
                "the mailbox's IMAP server (993 TLS, 143 STARTTLS); without one, the provider's",
            )
        ),
    )
    arrival.add_argument(
        "--arrival-security",
        choices=("none", "starttls", "tls"),
        help=cli(QT_TRANSLATE_NOOP("Cli", "the IMAP server's encryption")),
    )
    arrival.add_argument(
        "--arrival-user",
        metavar="U",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the IMAP login (default: --user)")),
    )
    arrival.add_argument(
        "--arrival-limit",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help=cli(QT_TRANSLATE_NOOP("Cli", "wait this long")),
    )
    arrival.add_argument(
        "--delete-test-message",
        action="store_true",
        help=cli(QT_TRANSLATE_NOOP("Cli", "delete the test message once found")),
    )


def _oauth_options(check: argparse.ArgumentParser) -> None:
    oauth = check.add_argument_group(
        "OAuth2",
        cli(
            QT_TRANSLATE_NOOP(
                "Cli", "sign in instead of a password (any of these selects --auth oauth2)"
            )
        ),
    )
    oauth.add_argument(
        "--provider",
        metavar="ID",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "take the OAuth2 addresses and scopes from this catalogue entry"
            )
        ),
    )
    oauth.add_argument(
        "--client-id",
        metavar="ID",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the client (application) ID of the app registration")),
    )
    oauth.add_argument(
        "--tenant",
        metavar="TENANT",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the directory (Microsoft: ID or domain) for {tenant}")),
    )
    oauth.add_argument(
        "--authorize-url",
        metavar="URL",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the provider's authorization endpoint")),
    )
    oauth.add_argument(
        "--token-url",
        metavar="URL",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the provider's token endpoint")),
    )
    oauth.add_argument(
        "--device-url",
        metavar="URL",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the provider's device authorization endpoint")),
    )
    oauth.add_argument(
        "--scopes",
        metavar="SCOPES",
        help=cli(QT_TRANSLATE_NOOP("Cli", "the scopes to ask for, separated by spaces")),
    )
    oauth.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "read the client secret from standard input (never give it as an argument)"
            )
        ),
    )
    oauth.add_argument(
        "--sign-in",
        choices=("browser", "device"),
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "sign in first: in this computer's browser, or with a code on another device"
            )
        ),
    )
    # run_check loads the OAuth2 code only when one of these is given (or the auth is OAuth2).
    check.set_defaults(oauth_options=tuple(action.dest for action in oauth._group_actions))


def _password_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=cli(
            QT_TRANSLATE_NOOP(
                "Cli", "read the password from standard input (never give it as an argument)"
            )
        ),
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
                cli(
                    QT_TRANSLATE_NOOP("Cli", "{text} is out of range: {unit} from {low} to {high}")
                ).format(text=repr(text), unit=cli(unit), low=f"{low:g}", high=f"{high:g}")
            )
        return value

    return parse


_seconds = _number_in(1, 300, QT_TRANSLATE_NOOP("Cli", "seconds"))

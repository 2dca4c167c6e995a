"""`smtpgui send --batch PATH`: every message of a folder of .eml files or of an mbox, through
one session, one line per message on standard output."""

from __future__ import annotations

import argparse
import mailbox
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path

import smtpgui.api as api
from smtpgui.cli.errors import CliError
from smtpgui.cli.language import cli, say, translate
from smtpgui.cli.output import TranscriptPrinter, format_diagnosis
from smtpgui.core import exit_codes as codes
from smtpgui.core.smtp.batch import MessageReport, Outcome
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP
from smtpgui.core.text.printable import printable


def run(args: argparse.Namespace) -> int:
    names, messages = _source(Path(args.batch))
    printer = TranscriptPrinter(out=sys.stderr, quiet=not args.verbose)

    def show(report: MessageReport) -> None:
        _print_report(names[report.index], report)

    try:
        reports = api.send_messages(
            messages, callback=printer, per_minute=args.per_minute, progress=show
        )
    except api.NotConfiguredError as exc:
        raise CliError(str(exc), codes.INVALID_INPUT) from None
    except api.PasswordUnavailableError as exc:
        raise CliError(str(exc), codes.NO_PASSWORD) from None
    counts = {outcome: sum(r.outcome is outcome for r in reports) for outcome in Outcome}
    print(", ".join(f"{count} {outcome.value}" for outcome, count in counts.items()) + ".")
    failed = [r for r in reports if r.outcome is not Outcome.ACCEPTED]
    if not failed:
        return codes.OK
    return (
        codes.INVALID_INPUT if failed[0].result.phase is None else codes.exit_code(failed[0].result)
    )


def _print_report(name: str, report: MessageReport) -> None:
    print(f"{report.outcome.value}\t{printable(name)}\t{printable(report.message_id)}")
    if report.outcome is Outcome.ACCEPTED:
        return
    if report.result.phase is None:  # refused here before sending (no recipient, ...)
        print(f"  {say(report.result.detail)}", file=sys.stderr)
        return
    diagnosis = report.diagnosis
    if diagnosis is not None:  # in the CLI's language, as `check` prints it
        print(format_diagnosis(diagnosis.translated(translate), report.result), file=sys.stderr)


def _source(path: Path) -> tuple[list[str], Iterator[EmailMessage]]:
    """The messages' names and the messages, read one at a time (a big mbox is not loaded)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
        if not files:
            raise CliError(
                cli(
                    QT_TRANSLATE_NOOP("Cli", "{path}: no .eml file in this folder"), path=str(path)
                ),
                codes.INVALID_INPUT,
            )
        return [p.name for p in files], (_read(p) for p in files)
    if not path.is_file():
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "{path}: no such folder or mbox file"), path=str(path)),
            codes.INVALID_INPUT,
        )
    box = mailbox.mbox(path, create=False)
    keys = list(box.keys())
    if not keys:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "{path}: no message in this mbox"), path=str(path)),
            codes.INVALID_INPUT,
        )
    names = [f"{path.name}#{n}" for n in range(1, len(keys) + 1)]
    return names, (_parse(box.get_bytes(key)) for key in keys)


def _read(path: Path) -> EmailMessage:
    try:
        return _parse(path.read_bytes())
    except OSError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "cannot read {path}: {reason}"),
                path=str(path),
                reason=str(exc.strerror),
            ),
            codes.INVALID_INPUT,
        ) from None


def _parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=default).parsebytes(data)
    assert isinstance(message, EmailMessage)  # what policy=default makes
    return message

"""MAIL FROM, RCPT TO and DATA: one by one, or pipelined when the server offers PIPELINING."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from contextlib import AbstractContextManager

from smtpgui.core.smtp.client import TracingSMTP, dot_stuffed
from smtpgui.core.smtp.envelope import Envelope, envelope_for
from smtpgui.core.smtp.failures import classify, expect
from smtpgui.core.smtp.message import TestMessage
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.transcript import Direction
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

Step = Callable[[Phase], AbstractContextManager[None]]
Log = Callable[[Direction, str], None]


def transact(client: TracingSMTP, message: TestMessage, step: Step, log: Log) -> None:
    """Hand the message over; each phase runs inside `step(phase)` (events, deadline).

    With PIPELINING (RFC 2920 §3.1) MAIL, every RCPT and DATA go in one write and their
    replies are read in order: two round trips fewer. The message itself waits for DATA's
    354 (DATA ends a group). On the first refusal the connection is given up, so a message
    the server may still be waiting for is never completed. Once the final dot is out, no
    answer (time limit, hang-up, Cancel) is Failure.UNCONFIRMED: the server may have taken the
    message (RFC 1047), so it is never sent again, to this server or a backup one.
    """
    pipelining = client.has_extn("pipelining")
    with step(Phase.MAIL):
        envelope = envelope_for(message, client.has_extn("smtputf8"))
        if envelope.smtputf8:  # RFC 6531 §3.4: the MAIL parameter that allows UTF-8
            log(
                Direction.INFO,
                Text(
                    "Probe",
                    QT_TRANSLATE_NOOP("Probe", "An address is not ASCII: sending with SMTPUTF8"),
                ),
            )
        options = ["SMTPUTF8"] if envelope.smtputf8 else []
        if pipelining:
            client.send_lines(_commands(client, envelope, options))
            expect(*client.getreply(), 250)
        else:
            expect(*client.mail(envelope.sender, options), 250)
    with step(Phase.RCPT):
        for recipient in envelope.recipients:
            reply = client.getreply() if pipelining else client.rcpt(recipient)
            expect(*reply, 250, 251)
    with step(Phase.DATA):
        _hand_over(client, envelope, pipelining)


def _hand_over(client: TracingSMTP, envelope: Envelope, pipelining: bool) -> None:
    """DATA (already sent when pipelining), the message, and the reply to its final dot."""
    expect(*(client.getreply() if pipelining else client.docmd("DATA")), 354)
    client.send(dot_stuffed(envelope.data))
    expect(*_confirmation(client), 250)


def _confirmation(client: TracingSMTP) -> tuple[int, bytes]:
    """The reply to the final dot; ProbeFailed(UNCONFIRMED) when none comes."""
    try:
        return client.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:  # TimeoutError is an OSError
        raise ProbeFailed(Failure.UNCONFIRMED, classify(exc).detail) from exc


def _commands(client: TracingSMTP, envelope: Envelope, options: list[str]) -> list[str]:
    if options:
        client.command_encoding = "utf-8"  # what smtplib's mail() does for SMTPUTF8
    suffix = "".join(f" {option}" for option in options)
    commands = [f"MAIL FROM:{smtplib.quoteaddr(envelope.sender)}{suffix}"]
    commands += [f"RCPT TO:{smtplib.quoteaddr(r)}" for r in envelope.recipients]
    return [*commands, "DATA"]

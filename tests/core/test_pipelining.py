"""PIPELINING (RFC 2920): MAIL, RCPT and DATA in one write when the server offers it."""

from __future__ import annotations

from dataclasses import dataclass

from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import Recorder, smtp_server


@dataclass
class Pipelining(Recorder):
    """Offers PIPELINING in its EHLO reply (aiosmtpd reads pipelined commands in order)."""

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]


def directions_after_auth(lines) -> list[tuple[Direction, str]]:
    start = next(i for i, ln in enumerate(lines) if ln.text.upper().startswith("MAIL FROM"))
    return [(ln.direction, ln.text.split(" ")[0].upper()) for ln in lines[start : start + 6]]


def test_mail_rcpt_and_data_go_in_one_write(ca, ca_file):
    with smtp_server(ca, "starttls", Pipelining()) as server:
        result, lines, _ = run(settings_for(server.server, ca_file))
        assert result.ok, result
        assert len(server.handler.envelopes) == 1
    assert "pipelining" in result.capabilities
    assert directions_after_auth(lines) == [
        (Direction.CLIENT, "MAIL"),
        (Direction.CLIENT, "RCPT"),
        (Direction.CLIENT, "DATA"),
        (Direction.SERVER, "250"),
        (Direction.SERVER, "250"),
        (Direction.SERVER, "354"),
    ]


def test_a_refused_recipient_is_still_named_at_rcpt_to(ca, ca_file):
    handler = Pipelining(reject_rcpt="554 5.7.1 Relay access denied")
    with smtp_server(ca, "starttls", handler) as server:
        result, _, _ = run(settings_for(server.server, ca_file))
        assert server.handler.envelopes == []
    assert (result.phase, result.failure, result.code) == (Phase.RCPT, Failure.REPLY, 554)


def test_a_message_with_leading_dots_arrives_whole(ca, ca_file):
    from smtpgui.core.smtp.message import build_test_message
    from smtpgui.core.smtp.probe import SmtpProbe
    from tests.helpers.servers import PASSWORD

    with smtp_server(ca, "starttls", Pipelining()) as server:
        settings = settings_for(server.server, ca_file)
        message = build_test_message(
            own_address=settings.recipient, forced_from="", subject="dots", body="x"
        )
        message.message.set_content(".\n..two\n.\n")  # lines a server would take as the end
        assert SmtpProbe(settings, PASSWORD, message, lambda e: None).run().ok
        [envelope] = server.handler.envelopes
    assert envelope.content.endswith(b"\r\n\r\n.\r\n..two\r\n.\r\n")

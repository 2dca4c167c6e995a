"""Running the probe in a test and reading what it said: the result, its transcript, its phases."""

from __future__ import annotations

import select
import time

from smtpgui.core.profile.settings import Settings
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.phases import PhaseChange
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.helpers.servers import PASSWORD


def run(
    settings: Settings,
    password: str = PASSWORD,
    send: bool = True,
) -> tuple[ProbeResult, list[TranscriptLine], list[PhaseChange]]:
    events: list[object] = []
    message = (
        build_test_message(
            own_address=settings.recipient,
            forced_from=settings.from_address,
            subject="smtpgui test",
            body="It works.",
        )
        if send
        else None
    )
    result = SmtpProbe(settings, password, message, events.append).run()
    lines = [e for e in events if isinstance(e, TranscriptLine)]
    phases = [e for e in events if isinstance(e, PhaseChange)]
    return result, lines, phases


def transcript(lines: list[TranscriptLine]) -> str:
    return "\n".join(line.text for line in lines)


def client_lines_starting(lines: list[TranscriptLine], prefix: str) -> list[str]:
    return [
        ln.text
        for ln in lines
        if ln.direction is Direction.CLIENT and ln.text.upper().startswith(prefix)
    ]


def client_hello_arrived(server, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not server.accepted and time.monotonic() < deadline:
        select.select([], [], [], 0.01)
    readable, _, _ = select.select(server.accepted[:1], [], [], timeout)
    return bool(readable)

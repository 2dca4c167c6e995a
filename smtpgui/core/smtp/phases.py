"""The steps of an SMTP conversation, and the events a probe reports while it runs them.

Apart from smtpgui.core.smtp.result: the window's first paint needs these names only, and
result.py with its dataclasses costs the start-up about 6 ms more (issue 20)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Phase(enum.StrEnum):
    """The steps of the SMTP conversation, in the order they happen."""

    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    GREETING = "greeting"
    EHLO = "ehlo"
    STARTTLS = "starttls"
    EHLO_TLS = "ehlo-tls"
    AUTH = "auth"
    MAIL = "mail"
    RCPT = "rcpt"
    DATA = "data"
    QUIT = "quit"


class PhaseState(enum.StrEnum):
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    # The message was sent in full but the server never confirmed it: it may have been
    # delivered, so the step neither passed nor failed (RFC 1047).
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class PhaseChange:
    """A phase started or ended; `duration_ms` is set when it ended."""

    phase: Phase
    state: PhaseState
    elapsed_ms: int
    duration_ms: int | None = None

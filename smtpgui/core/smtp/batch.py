"""A batch: many messages through one authenticated session, paced, reconnecting when closed.

The session is the probe's own (SmtpProbe.open_session: backup servers, TLS, login, time
limits, Cancel); each message is the probe's transaction. What this module adds is the rule
for what may be sent again: a message whose final dot went out is never re-sent unless the
server answered that it refused it.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from smtpgui.core.profile.settings import Settings
from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.message import TestMessage
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.probe import Callback, SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult
from smtpgui.core.smtp.transcript import Redactor

if TYPE_CHECKING:
    from smtpgui.core.diagnosis.diagnose import Diagnosis

# A server that hangs up (an idle timeout, a restart) or answers 421 "closing" (RFC 5321
# §3.8) before the final dot has not taken the message: it goes again on a new connection.
_HUNG_UP = frozenset({Failure.CLOSED, Failure.TIMEOUT, Failure.NETWORK})
CLOSING = 421
ATTEMPTS = 2  # one new connection per message at most: a server that keeps closing is down


class Outcome(enum.StrEnum):
    """What became of one message of a batch."""

    ACCEPTED = "accepted"  # the server answered 250 to the final dot
    REFUSED = "refused"  # the server said no (the result and its diagnosis say why)
    UNCERTAIN = "uncertain"  # the final dot went out, no reply came: maybe delivered; not re-sent
    NOT_SENT = "not-sent"  # never handed over: no connection, Cancel, or refused before sending


@dataclass(frozen=True)
class MessageReport:
    """One message's outcome; `result` is its transaction's (or the failed connection's).

    `diagnosis` says why it was not accepted, as the window would (None when accepted): made
    here, once, with Text to translate when shown.
    """

    index: int
    message_id: str
    outcome: Outcome
    result: ProbeResult
    diagnosis: Diagnosis | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.diagnosis is None and self.outcome is not Outcome.ACCEPTED:
            # Deferred: the rule catalogue is only needed when something failed.
            from smtpgui.core.diagnosis.diagnose import diagnose

            object.__setattr__(self, "diagnosis", diagnose(self.result))


def published_rate(settings: Settings) -> int | None:
    """The messages a minute the provider of the settings' first server publishes, if any."""
    # Deferred: the catalogue is read only when a batch runs.
    from smtpgui.core.providers.catalogue import by_host

    if not settings.endpoints:
        return None
    match = by_host(settings.endpoints[0].ascii_host)
    return match.provider.messages_per_minute if match else None


class Pacer:
    """Spaces the messages out to `per_minute` (None: no pacing); `stop()` ends a wait."""

    def __init__(self, per_minute: int | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._interval = 60.0 / per_minute if per_minute else 0.0
        self._clock = clock
        self._next = -float("inf")
        self._stopped = threading.Event()
        self.wait: Callable[[float], bool] = self._stopped.wait  # tests record the waits

    def wait_turn(self) -> None:
        """Return when the next message may go (at once when unpaced or its time has come)."""
        if not self._interval:
            return
        now = self._clock()
        if self._next > now:
            self.wait(self._next - now)
        self._next = max(now, self._next) + self._interval

    def stop(self) -> None:
        self._stopped.set()


class Batch:
    """Sends messages through one session; `cancel()` may be called from any thread."""

    def __init__(
        self,
        settings: Settings,
        password: str,
        callback: Callback | None,
        pacer: Pacer,
        redactor: Redactor | None = None,
    ) -> None:
        self._probe = SmtpProbe(settings, password, None, callback, redactor=redactor)
        self._pacer = pacer
        self._client: TracingSMTP | None = None
        self._down: ProbeResult | None = None  # the connection failure that ended the batch
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True
        self._pacer.stop()
        self._probe.cancel()

    def send_all(self, messages: Iterable[tuple[int, TestMessage]]) -> Iterator[MessageReport]:
        """One report per (index, message), in order; the session is closed at the end."""
        try:
            for index, message in messages:
                yield self._send_one(index, message)
        finally:
            self._probe.close_session(self._client)
            self._client = None

    def _send_one(self, index: int, message: TestMessage) -> MessageReport:
        for _attempt in range(ATTEMPTS):
            client = self._session()
            if client is None:
                assert self._down is not None
                return MessageReport(index, message.message_id, Outcome.NOT_SENT, self._down)
            self._pacer.wait_turn()
            result = self._probe.send_in_session(client, message)
            dot_sent = client.final_dot_sent
            self._settle(client, result, dot_sent)
            if not _may_resend(result, dot_sent) or self._cancelled:
                break
        return MessageReport(index, message.message_id, _outcome(result, dot_sent), result)

    def _session(self) -> TracingSMTP | None:
        """The open session, (re)connecting when there is none; None when that failed."""
        if self._cancelled and self._down is None:
            self._down = ProbeResult(ok=False, phase=Phase.CONNECT, failure=Failure.CANCELLED)
        if self._client is None and self._down is None:
            result, self._client = self._probe.open_session()
            if self._client is None:
                self._down = result  # the rest are not sent: a server that is down stays down
        return self._client

    def _settle(self, client: TracingSMTP, result: ProbeResult, dot_sent: bool) -> None:
        """Keep the session for the next message: as it is, after a RSET, or not at all."""
        if result.ok:
            return
        if _replies_pending(client, result) or result.code in (None, CLOSING) or not _rset(client):
            self._probe.close_session(client)
            self._client = None


def _outcome(result: ProbeResult, dot_sent: bool) -> Outcome:
    if result.ok:
        return Outcome.ACCEPTED
    if dot_sent and result.code is None:
        return Outcome.UNCERTAIN
    if result.cancelled or result.code is None:
        return Outcome.NOT_SENT
    return Outcome.REFUSED


def _may_resend(result: ProbeResult, dot_sent: bool) -> bool:
    """Sent again on a new connection: only what the server surely did not take."""
    if result.ok or result.cancelled:
        return False
    if result.code == CLOSING:  # a reply, even after the dot: the message was refused
        return True
    return not dot_sent and result.code is None and result.failure in _HUNG_UP


def _replies_pending(client: TracingSMTP, result: ProbeResult) -> bool:
    """A refusal inside a pipelined group leaves the group's other replies unread (and maybe a
    354 the server waits on): RSET would be taken as message text, so the session is dropped."""
    return client.has_extn("pipelining") and result.phase in (Phase.MAIL, Phase.RCPT)


def _rset(client: TracingSMTP) -> bool:
    """RFC 5321 §4.1.1.5: RSET ends the refused transaction and keeps the session."""
    try:
        code, _text = client.rset()
    except Exception:  # a dead session is simply not reused
        return False
    return code == 250

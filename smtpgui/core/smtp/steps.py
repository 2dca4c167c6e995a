"""The probe's steps: each phase under a time limit, Cancel from any thread, and the events."""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable

from smtpgui.core.smtp.connection import Interrupter
from smtpgui.core.smtp.failures import abort_text, classify
from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.transcript import Direction, Redactor, TranscriptLine
from smtpgui.core.smtp.watchdog import Watchdog

_log = logging.getLogger(__name__)

Event = TranscriptLine | PhaseChange
Callback = Callable[[Event], None]


class Steps:
    """The phases of one test, server after server: events, time limits, Cancel.

    Every event goes to `callback` on the probe's thread, already redacted; `cancel()` may be
    called from any thread. `timeout` limits each step, `budget` all the steps of one server.
    With no callback (a script's send that shows nothing) no event is made at all: redacting
    and stamping the twenty lines of every message was most of a batch's cost (issue 20).
    """

    def __init__(
        self, callback: Callback | None, redactor: Redactor, timeout: float, budget: float
    ) -> None:
        self._callback = callback
        self._redactor = redactor
        self._timeout = timeout
        self._budget = budget
        self.interrupter = Interrupter()  # breaks the current server's connection
        self.phase = Phase.DNS  # the running step, or the one that failed
        self._watchdog = Watchdog()
        self._abort_reason: Failure | None = None
        self._whole_timed_out = False  # the TIMEOUT came from the server's total budget
        self._server_deadline = 0.0
        self._run_deadline = math.inf
        self._run_budget = math.inf
        self._shown_budget = budget  # the total a TIMEOUT of the whole budget names
        self._cancelled = False
        self._lock = threading.Lock()
        self._start = time.monotonic()
        self._callback_failed = False

    @property
    def listening(self) -> bool:
        """Someone takes the events (the window, the CLI); else none is made."""
        return self._callback is not None

    @property
    def aborted(self) -> bool:
        """Cancel or a time limit broke the current server's connection."""
        return self._abort_reason is not None

    def start_clock(self, run_budget: float = math.inf) -> None:
        """Start the test's clock; `run_budget`: seconds all its servers may take together."""
        self._start = time.monotonic()
        self._run_deadline = self._start + run_budget
        self._run_budget = run_budget

    def run_time_left(self) -> float:
        return self._run_deadline - time.monotonic()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
        self._abort(Failure.CANCELLED, self.interrupter)

    def next_server(self) -> None:
        """Start the next server's steps: its own connection to break and its own budget."""
        self.phase = Phase.DNS
        # A fresh interrupter per server: a timeout fires it for good, and a backup server
        # must start unbroken. Cancel, though, holds for every server.
        with self._lock:
            self.interrupter.close()
            self.interrupter = Interrupter()
            self._abort_reason = Failure.CANCELLED if self._cancelled else None
            self._whole_timed_out = False
        own = time.monotonic() + self._budget
        self._server_deadline = min(own, self._run_deadline)
        self._shown_budget = self._budget if own <= self._run_deadline else self._run_budget
        if self._abort_reason is not None:
            self.interrupter.interrupt()

    def renew_budget(self) -> None:
        """A fresh budget for the same server: a batch's next message on an open session."""
        self._server_deadline = time.monotonic() + self._budget
        self._run_deadline = max(self._run_deadline, self._server_deadline)
        self._shown_budget = self._budget

    def close(self) -> None:
        self._watchdog.stop()
        self.interrupter.close()

    def failure_of(self, exc: BaseException) -> ProbeFailed:
        """Why the server's conversation ended with `exc`."""
        if self._abort_reason is None:
            return classify(exc)
        # Cancel or the step deadline broke the socket.
        reason = self._abort_reason
        shown = self._shown_budget if self._whole_timed_out else 0
        text = abort_text(reason, self._timeout, shown)
        if _unconfirmed(exc):  # the message is out: whatever ended the wait, it may be delivered
            reason = Failure.UNCONFIRMED
        return ProbeFailed(reason, text)

    def step(self, phase: Phase) -> Step:
        """`with steps.step(phase):` runs `phase` with its events and its time limit (the
        step's, or what the server has left)."""
        return Step(self, phase)

    def _enter(self, phase: Phase) -> int:
        """The step starts: its RUNNING event, its deadline armed; when it started."""
        self.interrupter.check()
        self.phase = phase
        if self._callback is None:  # nobody listens: no event, and no time to stamp it with
            started = 0
        else:
            started = self.now()
            self._phase(phase, PhaseState.RUNNING, started)
        # The socket time limit covers one read; this covers the whole step (a server that
        # drips one byte a second would otherwise never time out).
        interrupter = self.interrupter
        step = self._timeout + 0.5
        left = self._server_deadline - time.monotonic()
        whole = left < step  # this step ends when the server's whole budget does
        self._watchdog.arm(
            max(0.0, min(step, left)), lambda: self._abort(Failure.TIMEOUT, interrupter, whole)
        )
        return started

    def _leave(self, phase: Phase, started: int, exc: BaseException | None) -> None:
        """The step ends, with `exc` or without: its deadline disarmed, its last event."""
        if exc is None:
            try:
                # A step that "passed" on a broken socket (a partial line read after Cancel or
                # the deadline shut it down) passed nothing.
                self.interrupter.check()
            except BaseException as broken:
                self._leave(phase, started, broken)
                raise
        self._watchdog.disarm()
        if self._callback is None:
            return
        if exc is None:
            state = PhaseState.PASSED
        else:
            state = PhaseState.UNCERTAIN if _unconfirmed(exc) else PhaseState.FAILED
        self._phase(phase, state, started, ended=True)

    def skip(self, *phases: Phase) -> None:
        for phase in phases:
            self._phase(phase, PhaseState.SKIPPED, self.now())

    def _abort(self, reason: Failure, interrupter: Interrupter, whole: bool = False) -> None:
        """Break the connection `interrupter` guards, if it is still the current one."""
        with self._lock:
            if interrupter is not self.interrupter:
                return  # a late watchdog of a server already given up
            if self._abort_reason is None:
                self._abort_reason = reason
                self._whole_timed_out = whole
        interrupter.interrupt()

    def log(self, direction: Direction, text: str) -> None:
        if self._callback is not None:
            self._emit(TranscriptLine(direction, self._redactor.redact(text), self.now()))

    def _phase(self, phase: Phase, state: PhaseState, started: int, ended: bool = False) -> None:
        """A PhaseChange; an ended step's carries how long it took since `started`."""
        if self._callback is not None:
            now = self.now()
            self._emit(
                PhaseChange(phase, state, now, now - started)
                if ended
                else PhaseChange(phase, state, started)
            )

    def _emit(self, event: Event) -> None:
        # The callback is ours (the window's signal, the CLI's printer): when it fails, that is
        # our bug, never the server's, so it must not end the conversation and be blamed on
        # the step (a printer that could not encode a Cyrillic greeting made a good server
        # "not a mail server"). Said once, in one line; the test goes on.
        callback = self._callback
        if callback is None:  # the callers look first, so that no event is even made
            return
        try:
            callback(event)
        except Exception as exc:
            if not self._callback_failed:
                self._callback_failed = True
                _log.error("smtpgui could not show a step of the test (%s)", type(exc).__name__)
                _log.debug("the event callback failed", exc_info=True)

    def now(self) -> int:
        return int((time.monotonic() - self._start) * 1000)


class Step:
    """One step under way: what `Steps.step()` gives to a `with` statement.

    A class, not a @contextmanager generator: a batch runs three steps per message, and the
    generator's machinery was five calls more for each (issue 20).
    """

    __slots__ = ("_phase", "_started", "_steps")

    def __init__(self, steps: Steps, phase: Phase) -> None:
        self._steps = steps
        self._phase = phase
        self._started = 0

    def __enter__(self) -> None:
        self._started = self._steps._enter(self._phase)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, trace: object
    ) -> None:
        self._steps._leave(self._phase, self._started, exc)  # an exception goes on


def _unconfirmed(exc: BaseException) -> bool:
    return isinstance(exc, ProbeFailed) and exc.failure is Failure.UNCONFIRMED

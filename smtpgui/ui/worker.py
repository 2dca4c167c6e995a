"""Workers on QThreads: the GUI thread hands them a job and hears back through signals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance, Slot

from smtpgui.core.smtp.transcript import TranscriptLine

if TYPE_CHECKING:
    from smtpgui.core.discovery.detect_port import PortReport
    from smtpgui.core.jobs import Job
    from smtpgui.core.profile.secrets import SecretStore
    from smtpgui.core.profile.store import SettingsStore
    from smtpgui.core.smtp.endpoint import Security
    from smtpgui.core.smtp.phases import PhaseChange
    from smtpgui.core.smtp.steps import Callback

# The window imports this module for SignIn, before its first paint: the job runner and the
# detector load with the first Test or Detect that builds a worker (issue 20).


class Worker(QObject):
    """Runs `work()` on its thread; never touches a widget.

    Signals:
        finished(object): what work() returned.
    """

    finished = Signal(object)

    @Slot()
    def run(self) -> None:
        self.finished.emit(self.work())

    def work(self) -> object:
        raise NotImplementedError

    def cancel(self) -> None:
        """Called from the GUI thread while work() blocks: must break it at once."""
        raise NotImplementedError


class ProbeWorker(Worker):
    """A Test or Save (JobRunner).

    Signals:
        line_logged(TranscriptLine): a redacted transcript line, as it happens.
        phase_changed(PhaseChange): a phase started, passed, failed or was skipped.
        finished(Outcome): the test (and the save, if asked) is over.
    """

    line_logged = Signal(object)
    phase_changed = Signal(object)

    def __init__(self, job: Job, store: SettingsStore, secrets: SecretStore) -> None:
        super().__init__()
        from smtpgui.core.jobs import JobRunner  # see the comment on the imports

        self._runner = JobRunner(
            job, _forward(self.line_logged, self.phase_changed), store, secrets
        )

    def work(self) -> object:
        return self._runner.run()

    def cancel(self) -> None:
        self._runner.cancel()


def _forward(lines: SignalInstance, phases: SignalInstance) -> Callback:
    """The runner's callback: emits on the worker's signals, without holding the worker.

    A bound method of the worker made a reference cycle (worker, runner, callback). Python frees
    a cycle only in its cyclic collector, on whichever thread happens to allocate then, so the
    worker's QObject was destroyed on some other run's worker thread, racing the GUI thread;
    CI died once with SIGSEGV just so. A signal instance does not keep its object alive: the
    worker is freed by reference counting with its WorkerThread, on the GUI thread.
    """

    def forward(event: TranscriptLine | PhaseChange) -> None:
        (lines if isinstance(event, TranscriptLine) else phases).emit(event)

    return forward


class DetectWorker(Worker):
    """Detect: all ports of one host at once.

    Signals:
        line_logged(int, TranscriptLine): a line of one port's conversation.
        finished(tuple[PortReport, ...]): one report per port.
    """

    line_logged = Signal(int, object)

    def __init__(
        self, host: str, ca_file: str, timeout: float, ports: Sequence[tuple[int, Security]]
    ) -> None:
        super().__init__()
        from smtpgui.core.discovery.detect import Detector  # see the comment on the imports

        self._detector = Detector(
            host, ca_file=ca_file, timeout=timeout, ports=ports, callback=self.line_logged.emit
        )

    def work(self) -> tuple[PortReport, ...]:
        return self._detector.run()

    def cancel(self) -> None:
        self._detector.cancel()


class WorkerThread(QObject):
    """Owns one worker and its thread: start, cancel, and a bounded wait on close.

    Signals:
        finished(object): the worker's result, on the GUI thread, after its thread ended.
    """

    finished = Signal(object)

    def __init__(self, worker: Worker, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._thread = QThread()
        self._thread.setObjectName(name)
        worker.moveToThread(self._thread)
        self._thread.started.connect(worker.run)
        worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Cancel and wait for the thread (window close); True when it ended in time."""
        self.finished.disconnect()
        self.worker.cancel()
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        # work() has returned: only the thread's idle event loop is left to stop.
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(result)

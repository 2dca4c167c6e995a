"""ProbeWorker: runs a Job on a QThread and hands its events to the GUI thread as signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from smtpgui.core.profile import Job, JobRunner, Outcome
from smtpgui.core.result import PhaseChange
from smtpgui.core.secrets import SecretStore
from smtpgui.core.settings import SettingsStore
from smtpgui.core.transcript import TranscriptLine


class ProbeWorker(QObject):
    """Lives on its own thread; never touches a widget.

    Signals:
        line_logged(TranscriptLine): a redacted transcript line, as it happens.
        phase_changed(PhaseChange): a phase started, passed, failed or was skipped.
        finished(Outcome): the test (and the save, if asked) is over.
    """

    line_logged = Signal(object)
    phase_changed = Signal(object)
    finished = Signal(object)

    def __init__(self, job: Job, store: SettingsStore, secrets: SecretStore) -> None:
        super().__init__()
        self._runner = JobRunner(job, self._on_event, store, secrets)

    def cancel(self) -> None:
        """Called from the GUI thread while run() blocks here: breaks the socket at once."""
        self._runner.cancel()

    @Slot()
    def run(self) -> None:
        outcome: Outcome = self._runner.run()
        self.finished.emit(outcome)

    def _on_event(self, event: TranscriptLine | PhaseChange) -> None:
        if isinstance(event, TranscriptLine):
            self.line_logged.emit(event)
        else:
            self.phase_changed.emit(event)


class ProbeRun(QObject):
    """Owns one worker and its thread: start, cancel, and a bounded wait on window close.

    Signals: the worker's, re-emitted on the GUI thread (line_logged, phase_changed, finished).
    """

    line_logged = Signal(object)
    phase_changed = Signal(object)
    finished = Signal(object)

    def __init__(
        self, job: Job, store: SettingsStore, secrets: SecretStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("smtpgui-probe")
        self._worker = ProbeWorker(job, store, secrets)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.line_logged.connect(self.line_logged)
        self._worker.phase_changed.connect(self.phase_changed)
        self._worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Cancel and wait for the thread (window close); True when it ended in time."""
        self._worker.cancel()
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        # run() has returned: only the thread's idle event loop is left to stop.
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(outcome)

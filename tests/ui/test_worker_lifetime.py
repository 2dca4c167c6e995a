"""A run's Qt objects die on the GUI thread, as soon as the run is over.

Python frees an object in a reference cycle only in its cyclic collector, which runs on
whichever thread happens to allocate at that moment: often the next run's worker thread. A
QObject destroyed there races the GUI thread, and CI once died with SIGSEGV that way, with the
next run's worker building its message. So no worker may sit in a cycle: with the collector
off, the worker and its QThread must be gone once the window has let its run go, and gone on
the GUI thread. The same holds for the bridge of a background call (a keyring question).
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.window import fill

pytestmark = pytest.mark.gui


@pytest.fixture
def no_cyclic_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def window(qtbot, starttls_server, ca_file) -> SettingsWindow:
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    fill(window, starttls_server.server, ca_file)
    return window


class Freed:
    """Notes the thread each watched object was freed on."""

    def __init__(self) -> None:
        self.on: dict[str, str] = {}

    def watch(self, name: str, obj: object) -> None:
        weakref.finalize(obj, self._note, name)

    def _note(self, name: str) -> None:
        self.on[name] = threading.current_thread().name


@pytest.mark.parametrize("cancel", [False, True], ids=["finished", "cancelled"])
def test_a_run_s_worker_and_thread_are_freed_on_the_gui_thread(qtbot, window, no_cyclic_gc, cancel):
    freed = Freed()
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000):
        window.test()
        assert window._run is not None
        freed.watch("worker", window._run.worker)
        freed.watch("thread", window._run._thread)
        if cancel:
            window.cancel()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the WorkerThread
    assert freed.on == {"worker": "MainThread", "thread": "MainThread"}


def test_a_background_call_answers_on_the_gui_thread_and_leaves_nothing_behind(qtbot, no_cyclic_gc):
    from PySide6.QtWidgets import QWidget

    from smtpgui.ui import background

    owner = QWidget()
    qtbot.addWidget(owner)
    answers: list[tuple[object, object, str]] = []
    freed = Freed()
    before = set(background._alive)
    background.call_in_background(
        owner,
        lambda: 42,
        lambda result, error: answers.append((result, error, threading.current_thread().name)),
    )
    (bridge,) = background._alive - before
    freed.watch("bridge", bridge)
    del bridge
    qtbot.waitUntil(lambda: bool(answers))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert answers == [(42, None, "MainThread")]
    assert freed.on == {"bridge": "MainThread"}


def live_qt_objects_in_cycles() -> list[str]:
    """Names of Qt objects, still alive in C++, that only the cyclic collector would free."""
    from shiboken6 import Shiboken

    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
    finally:
        gc.set_debug(0)
    found = [
        type(obj).__name__
        for obj in gc.garbage
        if isinstance(obj, Shiboken.Object) and Shiboken.isValid(obj)
    ]
    gc.garbage.clear()
    return found


def test_a_window_used_every_way_leaves_no_live_qt_object_to_the_cyclic_collector(
    qtbot, window, tls_server, no_cyclic_gc
):
    from smtpgui.core.smtp.endpoint import Security

    for action in ("test", "save"):
        with qtbot.waitSignal(window.outcome_ready, timeout=10_000):
            getattr(window, action)()
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000):
        window.test()
        window.cancel()
    window.detect_ports = ((tls_server.port, Security.TLS),)
    dialog = window.detect()
    assert dialog is not None
    with qtbot.waitSignal(dialog.detected, timeout=10_000):
        pass
    dialog.close()  # deleted on close
    del dialog
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert live_qt_objects_in_cycles() == []

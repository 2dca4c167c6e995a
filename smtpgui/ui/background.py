"""call_in_background: run a short blocking call (keyring) off the GUI thread, answer on it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class _Bridge(QObject):
    done = Signal(object, object)  # (result, exception)


_alive: set[_Bridge] = set()  # bridges must outlive their thread even if the caller is gone


Done = Callable[[Any, BaseException | None], None]


def call_in_background(owner: QObject, fn: Callable[[], Any], on_done: Done) -> None:
    """Run `fn` on a daemon thread; `on_done(result, error)` runs later on the GUI thread.

    For calls that may block on another process (a keyring on D-Bus waiting for an unlock
    prompt): the window stays responsive, and closing it never waits for them. `on_done` is
    skipped if `owner` is gone by then.
    """
    bridge = _Bridge()
    _alive.add(bridge)

    def finish(result: Any, error: BaseException | None) -> None:
        _alive.discard(bridge)
        # The connection holds `finish`, which holds the bridge: deleting the bridge here, on
        # the GUI thread, ends both (else each call left one behind until the process ended).
        bridge.deleteLater()
        if shiboken6.isValid(owner):
            on_done(result, error)

    bridge.done.connect(finish)

    def work() -> None:
        try:
            result, error = fn(), None
        except Exception as exc:
            result, error = None, exc
        bridge.done.emit(result, error)

    threading.Thread(target=work, name="smtpgui-background", daemon=True).start()

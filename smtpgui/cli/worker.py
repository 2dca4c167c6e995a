"""Run a command's long step on a worker thread, so that Ctrl-C in the main thread cancels it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_in_worker(work: Callable[[], T], cancel: Callable[[], None], name: str) -> T:
    """`work()`'s result, or its exception raised here.

    Ctrl-C calls `cancel()` (which must make `work` end within moments) and waits for it: a
    result is still returned (a cancelled test is an outcome), an exception becomes
    KeyboardInterrupt (exit 130).
    """
    box: list[T] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            box.append(work())
        except Exception as exc:  # handed to the main thread
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    interrupted = False
    # Event.wait, not Thread.join: a join() broken by Ctrl-C can leave the thread looking
    # finished while it still runs (seen on Python 3.11).
    try:
        while not done.wait(0.1):
            pass
    except KeyboardInterrupt:
        interrupted = True
        cancel()
        done.wait()
    if failure:
        if interrupted:
            raise KeyboardInterrupt from failure[0]
        raise failure[0]
    return box[0]

"""Closing a test server's sockets so that the threads blocked on them end too."""

from __future__ import annotations

import contextlib
import socket
import threading

# The servers are not the platform under test: they shut down for real even while a test
# simulates Windows, where shutdown() wakes nothing (tests/core/test_windows_cancel.py).
_real_shutdown = socket.socket.shutdown


def wake(sock: socket.socket) -> None:
    """Shut `sock` down, which wakes a thread blocked reading or accepting on it."""
    with contextlib.suppress(OSError):
        _real_shutdown(sock, socket.SHUT_RDWR)


def stop_listening(sock: socket.socket, accepter: threading.Thread | None = None) -> None:
    """Close `sock` and wait (briefly) for `accepter`, the thread blocked in its accept().

    On Linux, closing a socket does not wake a thread blocked in its accept(): the call keeps
    the socket listening, and the thread stays for the rest of the test run (the full suite
    once ended with two dozen). Shutting the socket down first wakes it with an error.
    """
    wake(sock)
    sock.close()
    if accepter is not None and accepter is not threading.current_thread():
        accepter.join(2)

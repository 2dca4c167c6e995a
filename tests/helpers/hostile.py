"""Small misbehaving servers on 127.0.0.1, each doing one wrong thing an office admin meets."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable, Iterator, Mapping

from tests.helpers.certificates import Leaf
from tests.helpers.listening import stop_listening, wake

Behaviour = Callable[[socket.socket], None]

GREETING = "220 smtp.test ESMTP hostile"


class HostileServer:
    """Accepts on 127.0.0.1 and runs `behave(conn)` for each connection on its own thread.

    With `context` it first completes a TLS handshake, as an implicit-TLS server (port 465) does;
    a failed handshake just ends that connection. The connection is closed when `behave` returns.
    """

    def __init__(self, behave: Behaviour, context: ssl.SSLContext | None = None) -> None:
        self._behave, self._context = behave, context
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    def __enter__(self) -> HostileServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        stop_listening(self._sock, self._accepter)
        with self._lock:
            conns, threads = list(self._conns), list(self._threads)
        for conn in conns:  # wakes a behaviour blocked in recv()
            wake(conn)
        for thread in threads:
            thread.join(2)

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self._sock.accept()
                thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
                with self._lock:  # started inside the lock: close() joins only started threads
                    self._conns.append(conn)
                    thread.start()
                    self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self._context is not None:
                conn = self._context.wrap_socket(conn, server_side=True)
                with self._lock:  # the TLS socket now owns the descriptor close() shuts down
                    self._conns.append(conn)
            self._behave(conn)
        except OSError:  # ssl.SSLError too: the client gave up, which is what these tests do
            pass
        finally:
            conn.close()


class FullBacklogServer:
    """A listening port whose queue is full, so the kernel drops new SYNs without an answer.

    That is what a firewall that silently drops packets looks like to the client: connect()
    neither succeeds nor fails until its time limit. (Linux and the BSDs drop, not reset, a SYN
    when the accept queue is full; with backlog 0 one unaccepted connection fills it.)
    """

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(0)
        self.port: int = self._sock.getsockname()[1]
        self._filler = socket.create_connection(("127.0.0.1", self.port), timeout=2)

    def __enter__(self) -> FullBacklogServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._filler.close()
        self._sock.close()


# -- behaviours ----------------------------------------------------------------------------------


def hang_up(conn: socket.socket) -> None:
    """Close right after accept: what a server does to an address it refuses to talk to."""


def greet_then_hang_up(conn: socket.socket) -> None:
    conn.sendall(f"{GREETING}\r\n".encode())
    # Read the EHLO before closing: closing with it unread would answer it with a reset
    # instead of the end of the stream, and which of the two the client sees would be luck.
    conn.settimeout(2)
    conn.recv(4096)


def greet_then_wait(conn: socket.socket) -> None:
    """Greet, then never answer again (a stuck server)."""
    conn.sendall(f"{GREETING}\r\n".encode())
    wait_for_close(conn)


def say_nothing(conn: socket.socket) -> None:
    """Wait for the client to speak first: what a TLS server does to a client that sends no TLS."""
    wait_for_close(conn)


def read_then_hang_up(conn: socket.socket) -> None:
    """Read the client's first TLS record (its ClientHello) and hang up without answering.

    All of it: closing with bytes unread would send a reset instead of the end of the stream.
    """
    header = _read_exactly(conn, 5)  # RFC 8446 §5.1: type, version, 2-byte length
    _read_exactly(conn, int.from_bytes(header[3:5], "big"))


def say(*lines: str) -> Behaviour:
    """Send `lines` on connect and hang up (e.g. a 421 greeting, or an HTTP or SSH banner)."""

    def behave(conn: socket.socket) -> None:
        conn.sendall("".join(f"{line}\r\n" for line in lines).encode())

    return behave


def answer(replies: Mapping[str, str], greeting: str = GREETING) -> Behaviour:
    """Greet, then answer each command by its verb from `replies` (default `250 OK`).

    An empty reply hangs up instead of answering (after reading the command, so the client
    sees the end of the stream, not a reset).
    """

    def behave(conn: socket.socket) -> None:
        conn.sendall(f"{greeting}\r\n".encode())
        for line in _lines(conn):
            verb = line.split(" ", 1)[0].upper()
            reply = replies.get(verb, "250 OK")
            if not reply:
                return
            conn.sendall(f"{reply}\r\n".encode())
            if verb == "QUIT":
                return

    return behave


def wait_for_close(conn: socket.socket) -> None:
    """Block until the client closes; whatever it sends is ignored."""
    with contextlib.suppress(OSError):
        while conn.recv(4096):
            pass


def _lines(conn: socket.socket) -> Iterator[str]:
    with conn.makefile("rb") as stream:
        for raw in stream:
            yield raw.decode("utf-8", "replace").rstrip("\r\n")


def _read_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


class RefuseThenHang:
    """Implicit TLS: the first connection presents an untrusted certificate; later ones hang."""

    def __init__(self, leaf: Leaf) -> None:
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        leaf.configure(self._context)
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self._accepter = threading.Thread(target=self._serve, daemon=True)
        self._accepter.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            conn, _ = self._sock.accept()
            with contextlib.suppress(OSError):  # the client refuses the certificate
                self._context.wrap_socket(conn, server_side=True).close()
            while True:
                conn, _ = self._sock.accept()
                self.held.append(conn)  # say nothing: no ServerHello ever comes

    def close(self) -> None:
        stop_listening(self._sock, self._accepter)
        for conn in self.held:
            conn.close()

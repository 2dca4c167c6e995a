"""Opening a TCP connection that Cancel and the time limit can break at any moment.

A blocking getaddrinfo() or connect() cannot be interrupted from another thread, and a blocked
recv() is woken by shutting the socket down only on Linux and macOS: on Windows, shutdown()
leaves a blocked recv() or TLS handshake waiting out its whole time limit. So: DNS runs on a
helper thread the caller waits on through a queue; connect, every read (`reader`) and the TLS
handshake wait in select() on the socket *and* a wake-up socket that `Interrupter.interrupt()`
writes to, and touch the socket only when it is ready. interrupt() also shuts the socket down,
which breaks a blocked send on POSIX.
"""

from __future__ import annotations

import contextlib
import errno
import io
import ipaddress
import queue
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Resolver = Callable[..., list[tuple]]  # type: ignore[type-arg]  # getaddrinfo's signature


class Interrupted(Exception):
    """The wait was broken by `Interrupter.interrupt()` (Cancel or the phase deadline)."""


@dataclass
class Interrupter:
    """Thread-safe: the worker registers what it waits on, any thread may interrupt it."""

    _lock: threading.Lock = field(default_factory=threading.Lock)
    _fired: bool = False
    _sock: socket.socket | None = None
    _waiters: list[queue.SimpleQueue[object]] = field(default_factory=list)
    _wake_r: socket.socket | None = None
    _wake_w: socket.socket | None = None

    @property
    def fired(self) -> bool:
        return self._fired

    def interrupt(self) -> None:
        with self._lock:
            if self._fired:
                return
            self._fired = True
            sock, waiters = self._sock, list(self._waiters)
            if self._wake_w is not None:  # a connect() is waiting in select()
                with contextlib.suppress(OSError):
                    self._wake_w.send(b"x")
        for waiter in waiters:
            waiter.put(_INTERRUPT)
        if sock is not None:
            # socket.socket.shutdown, not SSLSocket.shutdown: the latter drops the SSL object
            # under the feet of the worker thread still reading from it.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def watch(self, sock: socket.socket | None) -> None:
        """Make `sock` the one interrupt() shuts down (None: no socket yet / any more)."""
        with self._lock:
            self._sock = sock
            fired = self._fired
        if fired and sock is not None:
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            raise Interrupted

    def check(self) -> None:
        if self._fired:
            raise Interrupted

    def close(self) -> None:
        for sock in (self._wake_r, self._wake_w):
            if sock is not None:
                sock.close()

    def resolve(
        self, host: str, port: int, timeout: float, resolver: Resolver | None = None
    ) -> list[tuple]:  # type: ignore[type-arg]
        """getaddrinfo() on a helper thread; raises Interrupted, TimeoutError or socket.gaierror.

        `resolver` replaces socket.getaddrinfo (tests answer "no such name" without asking a
        DNS server off this machine).
        """
        if resolver is None and _is_address(host):
            # An IP address needs no lookup: answer at once, without a thread.
            return socket.getaddrinfo(
                host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST
            )
        lookup_name = resolver or socket.getaddrinfo
        answers: queue.SimpleQueue[object] = queue.SimpleQueue()

        def lookup() -> None:
            try:
                answers.put(lookup_name(host, port, type=socket.SOCK_STREAM))
            except OSError as exc:
                answers.put(exc)

        with self._lock:
            if self._fired:
                raise Interrupted
            self._waiters.append(answers)
        threading.Thread(target=lookup, name="smtpgui-dns", daemon=True).start()
        try:
            answer = answers.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no DNS answer within {timeout:g} s") from None
        finally:
            with self._lock:
                self._waiters.remove(answers)
        if answer is _INTERRUPT:
            raise Interrupted
        if isinstance(answer, OSError):
            raise answer
        return answer  # type: ignore[return-value]

    def connect(self, address: tuple, timeout: float) -> socket.socket:  # type: ignore[type-arg]
        """Connect to one getaddrinfo() entry; the socket is returned blocking with `timeout`."""
        family, type_, proto, _, sockaddr = address
        sock = socket.socket(family, type_, proto)
        try:
            self.watch(sock)
            sock.setblocking(False)
            err = sock.connect_ex(sockaddr)
            if err not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
                raise OSError(err, _strerror(err))
            if err:
                self._wait_writable(sock, timeout)
                err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err:
                    raise OSError(err, _strerror(err))
            sock.settimeout(timeout)
            return sock
        except BaseException:
            self.watch(None)
            sock.close()
            raise

    def handshake(self, context: ssl.SSLContext, sock: socket.socket, host: str) -> ssl.SSLSocket:
        """TLS-wrap a connected socket so that interrupt() can break the handshake too.

        wrap_socket() detaches the plain socket's file descriptor before it handshakes, so
        shutting the old socket object down would do nothing: watch the SSLSocket first, then
        handshake (bounded by the socket's time limit).
        """
        tls_sock = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
        try:
            self.complete_handshake(tls_sock)
        except BaseException:
            tls_sock.close()  # it holds the connection now: closing `sock` would not end it
            raise
        return tls_sock

    def complete_handshake(self, tls_sock: ssl.SSLSocket) -> None:
        """Handshake in select() steps, so that interrupt() breaks it on every platform."""
        self.watch(tls_sock)
        timeout = tls_sock.gettimeout()
        deadline = None if timeout is None else time.monotonic() + timeout
        tls_sock.settimeout(0)
        try:
            while True:
                try:
                    tls_sock.do_handshake()
                    return
                except ssl.SSLWantReadError:
                    ready = self.wait(tls_sock, deadline)
                except ssl.SSLWantWriteError:
                    ready = self.wait(tls_sock, deadline, write=True)
                if not ready:
                    raise Interrupted
        finally:
            with contextlib.suppress(OSError):
                tls_sock.settimeout(timeout)

    def reader(self, sock: socket.socket) -> io.BufferedReader:
        """What sock.makefile("rb") gives, but each read waits where interrupt() can wake it."""
        return io.BufferedReader(_SocketReader(sock, self))

    def wait(self, sock: socket.socket, deadline: float | None, write: bool = False) -> bool:
        """Wait until `sock` can be read (written); False when interrupt() came first.

        TimeoutError once `deadline` (time.monotonic()) has passed, as the socket would raise.
        """
        wake = self._wake_socket()
        while not self._fired:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise TimeoutError("timed out")
            readable, writable, _ = select.select(
                [wake] if write else [wake, sock], [sock] if write else [], [], remaining
            )
            if wake in readable:
                break
            if readable or writable:
                return True
        return False

    def _wait_writable(self, sock: socket.socket, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        wake = self._wake_reader()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no answer to the connection within {timeout:g} s")
            readable, writable, failed = select.select([wake], [sock], [sock], remaining)
            if readable or self._fired:
                raise Interrupted
            if writable or failed:
                return

    def _wake_reader(self) -> socket.socket:
        """The socket interrupt() writes to; Interrupted if it came already."""
        wake = self._wake_socket()
        if self._fired:
            raise Interrupted
        return wake

    def _wake_socket(self) -> socket.socket:
        """Made on first need (most connects never wait); readable once interrupt() came."""
        made = self._wake_r
        if made is not None:  # made once, then only read: every read of a reply comes here
            return made
        with self._lock:
            if self._wake_r is None:
                self._wake_r, self._wake_w = socket.socketpair()
                self._wake_r.setblocking(False)
                if self._fired:  # interrupt() came first and found nothing to write to
                    self._wake_w.send(b"x")
            return self._wake_r


class _SocketReader(io.RawIOBase):
    """Reads a socket only when select() says it is ready, so that interrupt() wakes a read.

    Woken, it reads as a shut-down socket does: end of stream. The socket's own time limit still
    applies to each read (TimeoutError).
    """

    def __init__(self, sock: socket.socket, interrupter: Interrupter) -> None:
        super().__init__()
        self._sock = sock
        self._interrupter = interrupter
        # A TLS socket may hold a decrypted record that select() cannot see (pending()).
        self._tls = sock if isinstance(sock, ssl.SSLSocket) else None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        timeout = self._sock.gettimeout()
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            pending = self._tls is not None and self._tls.pending()
            if not pending and not self._interrupter.wait(self._sock, deadline):
                return 0
            self._sock.settimeout(0)  # ready, yet a TLS record may be incomplete: never block
            try:
                return self._sock.recv_into(buffer)
            except (BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                continue
            finally:
                self._sock.settimeout(timeout)


_INTERRUPT = object()


# Windows' os.strerror() knows only the C library's errors: for the Winsock codes connect_ex()
# and SO_ERROR give, it says "Unknown error".
WINSOCK_ERRORS = {
    10013: "Permission denied (blocked by a firewall or security software)",  # WSAEACCES
    10035: "Resource temporarily unavailable",  # WSAEWOULDBLOCK
    10048: "Address already in use",  # WSAEADDRINUSE
    10049: "Cannot assign requested address",  # WSAEADDRNOTAVAIL
    10050: "Network is down",  # WSAENETDOWN
    10051: "Network is unreachable",  # WSAENETUNREACH
    10053: "Connection aborted by this computer",  # WSAECONNABORTED
    10054: "Connection reset by peer",  # WSAECONNRESET
    10060: "Connection timed out",  # WSAETIMEDOUT
    10061: "Connection refused",  # WSAECONNREFUSED
    10064: "Host is down",  # WSAEHOSTDOWN
    10065: "No route to host",  # WSAEHOSTUNREACH
}


def _strerror(err: int) -> str:
    import os

    return WINSOCK_ERRORS.get(err) or os.strerror(err)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.partition("%")[0])  # an IPv6 zone ("%eth0") is fine too
    except ValueError:
        return False
    return True

"""More misbehaving servers for HostileServer: scripted SMTP (with STARTTLS) and floods.

`smtp_script` speaks enough SMTP for a whole test (EHLO, STARTTLS, AUTH PLAIN, MAIL, RCPT,
DATA, QUIT) and lets a test replace any one reply, hang up at any step, or hold a step until
it says go. The other behaviours each do one thing no real server does. A behaviour that waits
does it on the connection (select), so it ends as soon as the client hangs up.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Mapping

from tests.helpers.hostile import GREETING, Behaviour, wait_for_close

Reply = str | Callable[[str], str]  # a fixed reply, or one made from the command line

EXTENSIONS = ("PIPELINING", "8BITMIME", "AUTH PLAIN LOGIN")
SHUTDOWN = "421 4.3.2 smtp.test Service shutting down, closing transmission channel"


class Lines:
    """Reads CRLF lines from a socket without a file object (the socket may turn into TLS)."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn, self._buffer = conn, b""

    def readline(self) -> str | None:
        while b"\n" not in self._buffer:
            chunk = self.conn.recv(65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.rstrip(b"\r").decode("utf-8", "replace")


def smtp_script(
    replies: Mapping[str, Reply] | None = None,
    *,
    context: ssl.SSLContext | None = None,
    extensions: tuple[str, ...] = EXTENSIONS,
    hold: Mapping[str, threading.Event] | None = None,
    seen: list[str] | None = None,
    delay: float = 0.0,
) -> Behaviour:
    """A small SMTP server; `replies` replaces the answer to a step.

    Steps are "greeting", the verbs ("EHLO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA",
    "QUIT"), "EHLO-TLS" (EHLO again after STARTTLS), "AUTH+" (the answer to a 334 challenge,
    made from the client's response line) and "." (the end of the message). An empty reply
    hangs up after reading the command; a reply starting with 421 hangs up after sending it
    (RFC 5321 §3.8). With `context`, STARTTLS answered 220 turns the connection into TLS.
    `hold[step]` is waited on before that step is answered; `seen` collects every line the
    client sent; every answer comes `delay` seconds late (a server slow at every step).
    """
    replies = dict(replies or {})
    hold = dict(hold or {})

    def answer(conn: socket.socket, step: str, reply: Reply, line: str) -> str | None:
        if delay:
            time.sleep(delay)  # the server is slow, not the test
        return _answer(conn, step, reply, line, hold)

    def behave(conn: socket.socket) -> None:
        if answer(conn, "greeting", replies.get("greeting", GREETING), "") is None:
            return
        lines, secure = Lines(conn), False
        while (line := lines.readline()) is not None:
            if seen is not None:
                seen.append(line)
            verb = line.split(" ", 1)[0].upper()
            offered = extensions if secure or context is None else (*extensions, "STARTTLS")
            step = "EHLO-TLS" if secure and verb == "EHLO" else verb
            text = answer(conn, step, replies.get(step, _default(verb, line, offered)), line)
            if text is None:
                return
            if verb == "STARTTLS" and text.startswith("220") and context is not None:
                conn = context.wrap_socket(conn, server_side=True)
                lines, secure = Lines(conn), True
            elif verb == "AUTH" and text.startswith("334"):
                response = lines.readline() or ""  # the answer to the challenge
                final = replies.get("AUTH+", "235 2.7.0 OK")
                if answer(conn, "AUTH+", final, response) is None:
                    return
            elif verb == "DATA" and text.startswith("354"):
                while (body := lines.readline()) not in (None, "."):
                    pass
                end = replies.get(".", "250 2.0.0 Ok: queued as 4711")
                if body is None or answer(conn, ".", end, ".") is None:
                    return
            elif verb == "QUIT":
                return

    return behave


def _default(verb: str, line: str, extensions: tuple[str, ...]) -> str:
    if verb in ("EHLO", "HELO"):
        return "\r\n".join(
            f"250{'-' if i < len(extensions) else ' '}{text}"
            for i, text in enumerate(("smtp.test", *extensions))
        )
    if verb == "AUTH":
        return "235 2.7.0 Authentication successful" if line.count(" ") >= 2 else "334 "
    return {
        "STARTTLS": "220 2.0.0 Ready to start TLS",
        "DATA": "354 End data with <CR><LF>.<CR><LF>",
        "QUIT": "221 2.0.0 Bye",
    }.get(verb, "250 2.1.0 Ok")


def _answer(
    conn: socket.socket, step: str, reply: Reply, line: str, hold: Mapping[str, threading.Event]
) -> str | None:
    """Send the reply for `step` (a callable reply is called once); None ends the talk here."""
    gate = hold.get(step)
    if gate is not None:
        gate.wait(30)
    text = reply(line) if callable(reply) else reply
    if not text:
        return None
    conn.sendall(f"{text}\r\n".encode())
    return None if text.startswith("421") else text


# -- floods, drips and nonsense ----------------------------------------------------------------


def drip(text: str, interval: float, started: threading.Event | None = None) -> Behaviour:
    """Send `text` one byte every `interval` seconds (a server on a dying link), then wait."""

    def behave(conn: socket.socket) -> None:
        for index in range(len(text)):
            conn.sendall(text[index].encode())
            if started is not None:
                started.set()
            if _client_gone(conn, interval):
                return
        wait_for_close(conn)

    return behave


def endless_line(started: threading.Event | None = None) -> Behaviour:
    """A greeting that never ends: "220 " and then x's, no CRLF, for as long as anyone reads."""
    chunk = b"x" * 65536

    def behave(conn: socket.socket) -> None:
        conn.sendall(b"220 ")
        while True:
            conn.sendall(chunk)  # raises once the client has hung up
            if started is not None:
                started.set()

    return behave


def huge_reply(size: int, step: str = "EHLO") -> Behaviour:
    """Answer `step` ("greeting" or the first command) with `size` bytes of "250-" lines."""
    code = "220" if step == "greeting" else "250"
    chunk = (f"{code}-".encode() + b"x" * 995 + b"\r\n") * 64  # RFC-sized lines, far too many

    def behave(conn: socket.socket) -> None:
        if step != "greeting":
            conn.sendall(f"{GREETING}\r\n".encode())
            Lines(conn).readline()
        for _ in range(size // len(chunk)):
            conn.sendall(chunk)  # raises once the client has hung up
        conn.sendall(f"{code} end\r\n".encode())
        wait_for_close(conn)

    return behave


def garbage(conn: socket.socket) -> None:
    """Binary noise with line ends in it: a service that is neither SMTP nor text."""
    noise = bytes(range(256)) * 4
    conn.sendall(noise.replace(b"\n", b"\r\n"))
    wait_for_close(conn)


def close_mid_reply(partial: str, step: str = "EHLO") -> Behaviour:
    """Answer `step` with the start of a reply (`partial`, sent as is), then hang up."""

    def behave(conn: socket.socket) -> None:
        if step == "greeting":
            conn.sendall(partial.encode())
            return
        conn.sendall(f"{GREETING}\r\n".encode())
        Lines(conn).readline()  # read the command, so the close is a clean end of stream
        conn.sendall(partial.encode())

    return behave


def _until_starttls(conn: socket.socket, then: Behaviour) -> None:
    """Greet, answer like a server offering STARTTLS, and at STARTTLS say 220 and hand the
    connection to `then` (what the server does instead of a TLS handshake)."""
    conn.sendall(f"{GREETING}\r\n".encode())
    lines = Lines(conn)
    while (line := lines.readline()) is not None:
        verb = line.split(" ", 1)[0].upper()
        if verb == "STARTTLS":
            conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
            then(conn)
            return
        conn.sendall(f"{_default(verb, line, (*EXTENSIONS, 'STARTTLS'))}\r\n".encode())


def stall_after_starttls(started: threading.Event | None = None) -> Behaviour:
    """Say 220 to STARTTLS and never answer the ClientHello (a handshake that stalls)."""

    def stall(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.recv(1, socket.MSG_PEEK)  # the ClientHello is here: now stall
        if started is not None:
            started.set()
        wait_for_close(conn)

    return lambda conn: _until_starttls(conn, stall)


def plain_after_starttls(conn: socket.socket) -> None:
    """Say 220 to STARTTLS, then answer the ClientHello in plain SMTP text."""

    def answer_in_plain(conn: socket.socket) -> None:
        conn.recv(65536)  # the ClientHello
        conn.sendall(b"250 smtp.test still speaking plain text\r\n")
        wait_for_close(conn)

    _until_starttls(conn, answer_in_plain)


def silent(started: threading.Event | None = None) -> Behaviour:
    """Accept and say nothing (a black hole once TCP is up)."""

    def behave(conn: socket.socket) -> None:
        if started is not None:
            started.set()
        wait_for_close(conn)

    return behave


def _client_gone(conn: socket.socket, seconds: float) -> bool:
    """Wait up to `seconds`, returning early (True) when the client hangs up."""
    readable, _, _ = select.select([conn], [], [], seconds)
    if not readable:
        return False
    try:
        return conn.recv(4096) == b""  # what the client said is ignored
    except OSError:
        return True

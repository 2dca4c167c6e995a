"""A scripted IMAP server on 127.0.0.1 that answers as a hostile or broken one would: folder
names and UIDs no client should send back, or a connection dropped in the middle of IDLE.
It records every command line it receives."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class HostileImap:
    idle: bool = False  # offer IDLE, then hang up once the client idles
    list_lines: tuple[bytes, ...] = (
        b'* LIST (\\HasNoChildren \\Junk) "/" "Ju\x01nk"',
        b'* LIST (\\HasNoChildren) "/" INBOX',
    )
    search_line: bytes = b"* SEARCH 1x"  # a UID that is not a number
    port: int = 0
    received: list[bytes] = field(default_factory=list)

    def serve(self, listener: socket.socket) -> None:
        conn, _ = listener.accept()
        with conn, conn.makefile("rb") as reader:
            caps = b"IMAP4rev1 AUTH=PLAIN" + (b" IDLE" if self.idle else b"")
            conn.sendall(b"* OK [CAPABILITY " + caps + b"] hostile\r\n")
            for line in reader:
                self.received.append(line)
                if not self._answer(conn, reader, line, caps):
                    return

    def _answer(self, conn: socket.socket, reader, line: bytes, caps: bytes) -> bool:
        tag, _, rest = line.rstrip(b"\r\n").partition(b" ")
        command = rest.split(b" ")[0].upper()
        out: list[bytes] = []
        if command == b"AUTHENTICATE":
            conn.sendall(b"+ \r\n")
            self.received.append(reader.readline())
        elif command == b"CAPABILITY":
            out.append(b"* CAPABILITY " + caps)
        elif command == b"LIST":
            out += self.list_lines
        elif command == b"UID" and b"SEARCH" in rest.upper():
            out.append(self.search_line)
        elif command == b"IDLE":
            conn.sendall(b"+ idling\r\n")
            return False  # and hang up: the client must not wait for ever
        elif command == b"LOGOUT":
            out.append(b"* BYE")
        conn.sendall(b"".join(o + b"\r\n" for o in out) + tag + b" OK done\r\n")
        return command != b"LOGOUT"


@contextmanager
def hostile_imap(**options: object) -> Iterator[HostileImap]:
    server = HostileImap(**options)  # type: ignore[arg-type]
    with socket.create_server(("127.0.0.1", 0)) as listener:
        server.port = listener.getsockname()[1]
        thread = threading.Thread(target=server.serve, args=(listener,), daemon=True)
        thread.start()
        yield server

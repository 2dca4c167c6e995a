"""Detect as its tests watch it: the per-port transcript a dialog would collect (Log), a
server that never answers but notes the client spoke, and Cancel against silent servers
(checked the same way on Linux and in the Windows simulation)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import defaultdict

from smtpgui.core.discovery.detect import Detector, PortReport
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.helpers.servers import SilentServer

HOST = "127.0.0.1"


class Log:
    """The per-port transcript, as a dialog would collect it."""

    def __init__(self) -> None:
        self.lines: dict[int, list[TranscriptLine]] = defaultdict(list)
        self.connected: dict[int, threading.Event] = defaultdict(threading.Event)

    def __call__(self, port: int, line: TranscriptLine) -> None:
        self.lines[port].append(line)
        if line.text.startswith("Connected to"):
            self.connected[port].set()

    def client_commands(self) -> list[str]:
        return [
            ln.text.split()[0].upper()
            for lines in self.lines.values()
            for ln in lines
            if ln.direction is Direction.CLIENT and ln.text
        ]


class ListeningServer(SilentServer):
    """Never answers, but notes when the client has spoken (a TLS ClientHello, say)."""

    def __init__(self) -> None:
        self.heard = threading.Event()
        super().__init__()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
                threading.Thread(target=self._listen, args=(conn,), daemon=True).start()

    def _listen(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            if conn.recv(1):
                self.heard.set()


def assert_cancel_stops_every_port_against_silent_servers() -> None:
    servers = [ListeningServer(), SilentServer(), SilentServer()]
    try:
        ports = [
            (servers[0].port, Security.TLS),  # stuck in the TLS handshake
            (servers[1].port, Security.STARTTLS),  # stuck waiting for the greeting
            (servers[2].port, Security.STARTTLS),
        ]
        log = Log()
        detector = Detector(HOST, ports=ports, callback=log, timeout=30.0)
        results: list[tuple[PortReport, ...]] = []
        thread = threading.Thread(target=lambda: results.append(detector.run()))
        thread.start()
        for port, _ in ports:
            assert log.connected[port].wait(5)
        assert servers[0].heard.wait(5)  # the ClientHello is out: the handshake is waiting
        pressed = time.monotonic()
        detector.cancel()
        thread.join(5)
        took = time.monotonic() - pressed
    finally:
        for server in servers:
            server.close()
    assert not thread.is_alive()
    print(f"cancel: run() returned {took * 1000:.0f} ms after cancel()")
    assert took < 0.5
    [reports] = results
    assert [r.failure for r in reports] == [Failure.CANCELLED] * 3
    assert [r.phase for r in reports] == [Phase.TLS, Phase.GREETING, Phase.GREETING]

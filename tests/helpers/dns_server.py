"""A small authoritative DNS server on 127.0.0.1 (UDP) for the discovery tests.

Zone data is a dict: (name, type) -> list of record texts in zone-file syntax, e.g.
("_submissions._tcp.example.test", "SRV") -> ["0 1 465 smtp.example.test."]. A name not in the
data at all gets NXDOMAIN; a known name asked for another type gets an empty NOERROR answer.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.resolver
import dns.rrset

Records = dict[tuple[str, str], list[str]]


class DnsServer:
    """Answers from `records`; `queries` keeps every (name, type) asked, in order."""

    def __init__(self, records: Records, delay: float = 0.0) -> None:
        self.records = {
            (_norm(name), kind.upper()): texts for (name, kind), texts in records.items()
        }
        self.queries: list[tuple[str, str]] = []
        self.delay = delay  # seconds before each answer, as a distant DNS server (the bench)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="test-dns", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def resolver(self) -> dns.resolver.Resolver:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = self.port
        return resolver

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        # A zero-byte datagram wakes recvfrom; then the closed flag ends the loop.
        self._closing = True
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as waker:
            waker.sendto(b"", ("127.0.0.1", self.port))
        self._thread.join(5)
        self._sock.close()

    _closing = False

    def _serve(self) -> None:
        while True:
            data, peer = self._sock.recvfrom(65535)
            if self._closing:
                return
            with contextlib.suppress(Exception):  # a malformed query gets no answer
                answer = self._answer(dns.message.from_wire(data)).to_wire()
                if self.delay:
                    threading.Timer(self.delay, self._send, (answer, peer)).start()
                else:
                    self._send(answer, peer)

    def _send(self, answer: bytes, peer: tuple[str, int]) -> None:
        with contextlib.suppress(OSError):  # closed meanwhile
            self._sock.sendto(answer, peer)

    def _answer(self, query: dns.message.Message) -> dns.message.Message:
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        name = _norm(question.name.to_text())
        kind = dns.rdatatype.to_text(question.rdtype)
        self.queries.append((name, kind))
        if not any(known == name for known, _ in self.records):
            response.set_rcode(dns.rcode.NXDOMAIN)
            return response
        texts = self.records.get((name, kind), [])
        if texts:
            response.answer.append(dns.rrset.from_text(name + ".", 300, "IN", kind, *texts))
        return response


def _norm(name: str) -> str:
    return name.lower().rstrip(".")


@contextlib.contextmanager
def dns_server(records: Records, delay: float = 0.0) -> Iterator[DnsServer]:
    server = DnsServer(records, delay)
    server.start()
    try:
        yield server
    finally:
        server.stop()

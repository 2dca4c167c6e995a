"""TracingSMTP: smtplib reporting every line, credentials redacted, sockets cancellable."""

from __future__ import annotations

import base64
import hashlib
import hmac
import smtplib
import socket
import ssl
from collections.abc import Callable
from typing import BinaryIO

from smtpgui.core.connection import Interrupter
from smtpgui.core.transcript import REDACTED, Direction, Redactor

Report = Callable[[Direction, str], None]


class TracingSMTP(smtplib.SMTP):
    """smtplib.SMTP that reports each line and authenticates in UTF-8.

    smtplib's own auth() encodes the response as ASCII, so a password with "ñ" or "€" fails
    with UnicodeEncodeError; RFC 4616 (PLAIN) says UTF-8, which every server we know accepts.
    """

    def __init__(
        self, *, report: Report, redactor: Redactor, interrupter: Interrupter, timeout: float
    ) -> None:
        self._report = report
        self._redactor = redactor
        self._interrupter = interrupter
        self._hide_client_lines = False
        # An explicit local name keeps smtplib from calling socket.getfqdn(), a DNS lookup
        # that can stall for seconds; the real EHLO name is set once the socket is connected.
        super().__init__(local_hostname="localhost", timeout=timeout)

    # -- transport ---------------------------------------------------------------------------

    def attach(self, sock: socket.socket, host: str) -> None:
        """Use an already connected socket (what connect() would do, minus the greeting)."""
        self._host = host  # starttls() sends it as SNI and checks the certificate against it
        self.sock = sock
        self.file = None
        self.local_hostname = ehlo_name(sock)

    def send(self, s: str | bytes) -> None:
        if isinstance(s, str):
            line = s.rstrip("\r\n")
            if line[:5].upper() == "AUTH ":
                shown = self._redactor.auth_command(line)
            elif self._hide_client_lines:
                shown = REDACTED
            else:
                shown = self._redactor.redact(line)
            self._report(Direction.CLIENT, shown)
        else:  # the DATA payload, already dot-stuffed and ending in CRLF . CRLF
            lines = s.decode("utf-8", "replace").split("\r\n")
            for line in lines[:-1] if lines[-1] == "" else lines:
                self._report(Direction.CLIENT, self._redactor.redact(line))
        super().send(s)

    def getreply(self) -> tuple[int, bytes]:
        """smtplib's getreply(), reporting each line exactly as the server sent it.

        For a line that is not SMTP (an HTTP or SSH banner), smtplib drops the first four
        characters it takes for "NNN "; the reply then carries the whole line instead.
        """
        if self.file is None:
            self.file = _RecordingReader(self.sock.makefile("rb"))
        recorder = self.file if isinstance(self.file, _RecordingReader) else None
        if recorder is not None:
            recorder.lines.clear()
        code, message = super().getreply()
        raw = recorder.lines if recorder is not None else [message]
        for line in raw:
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            self._report(Direction.SERVER, self._redactor.redact(text))
        if code < 0 and raw:
            message = b"\n".join(line.rstrip(b"\r\n") for line in raw)
        return code, message

    def starttls_with(self, context: ssl.SSLContext) -> tuple[int, bytes]:
        """smtplib's starttls(), with a handshake that Cancel and the deadline can break."""
        code, reply = self.docmd("STARTTLS")
        if code != 220:
            return code, reply
        self.sock = self._interrupter.handshake(context, self.sock, self._host)
        self.file = None
        # RFC 3207 §4.2: forget everything learned before TLS; the caller sends EHLO again.
        self.helo_resp = self.ehlo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False
        return code, reply

    # -- authentication (RFC 4954) -----------------------------------------------------------

    def authenticate(self, mechanism: str, user: str, password: str) -> tuple[int, bytes]:
        """Run one AUTH exchange; returns the final reply (235 on success)."""
        responder = _RESPONDERS[mechanism]
        command = f"AUTH {mechanism}"
        if mechanism == "PLAIN":  # initial response (RFC 4954 §4) saves a round trip
            command += " " + _b64(responder(user, password, None))
        code, reply = self.docmd(command)
        self._hide_client_lines = True
        try:
            while code == 334:
                challenge = base64.b64decode(reply, validate=False)
                code, reply = self.docmd(_b64(responder(user, password, challenge)))
        finally:
            self._hide_client_lines = False
        return code, reply


def _plain(user: str, password: str, _challenge: bytes | None) -> bytes:
    return b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")


def _login(user: str, password: str, challenge: bytes | None) -> bytes:
    # RFC-less but universal: the server asks "Username:" then "Password:".
    asked = (challenge or b"").lower()
    return (user if b"user" in asked else password).encode("utf-8")


def _cram_md5(user: str, password: str, challenge: bytes | None) -> bytes:
    digest = hmac.new(password.encode("utf-8"), challenge or b"", hashlib.md5).hexdigest()
    return f"{user} {digest}".encode()


_RESPONDERS: dict[str, Callable[[str, str, bytes | None], bytes]] = {
    "PLAIN": _plain,
    "LOGIN": _login,
    "CRAM-MD5": _cram_md5,
}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def ehlo_name(sock: socket.socket) -> str:
    """The EHLO argument: our address literal (RFC 5321 §4.1.3), never a DNS lookup."""
    try:
        address = sock.getsockname()[0]
    except OSError:
        return "[127.0.0.1]"
    return f"[IPv6:{address}]" if ":" in address else f"[{address}]"


class _RecordingReader:
    """The socket file smtplib reads replies from, keeping the raw lines of the current reply."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.lines: list[bytes] = []

    def readline(self, limit: int = -1) -> bytes:
        line = self._file.readline(limit)
        if line:
            self.lines.append(line)
        return line

    def close(self) -> None:
        self._file.close()

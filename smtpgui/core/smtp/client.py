"""TracingSMTP: smtplib reporting every line, credentials redacted, sockets cancellable."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from smtpgui.core.smtp.connection import Interrupter
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.transcript import REDACTED, Direction, Redactor
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from typing_extensions import Buffer  # collections.abc.Buffer from Python 3.12

Report = Callable[[Direction, str], None]

# What one reply may take before the server is judged not to speak SMTP. smtplib reads a line
# with at most 8192 bytes (_MAXLINE) but keeps every line of a multi-line reply in a list with
# no bound: a server answering EHLO with megabytes of "250-..." would fill memory. RFC 5321
# §4.5.3.1.5 caps a reply line at 512 octets and real replies have a few dozen lines, so these
# caps are far above any real server and far below any memory trouble.
MAX_LINE_BYTES: int = smtplib._MAXLINE  # type: ignore[attr-defined]  # 8192; typeshed omits it
MAX_REPLY_BYTES = 64 * 1024
MAX_REPLY_LINES = 1000
# A transcript line shows at most this much of a server line (the rest is counted, not shown).
SHOWN_LINE_CHARS = 1000


class TracingSMTP(smtplib.SMTP):
    """smtplib.SMTP that reports each line and authenticates in UTF-8.

    smtplib's own auth() encodes the response as ASCII, so a password with "ñ" or "€" fails
    with UnicodeEncodeError; RFC 4616 (PLAIN) says UTF-8, which every server we know accepts.

    Lines go to `report`, which redacts every line it is given (the probe's Steps.log): the
    client itself hides only what position reveals (an AUTH payload, the lines of a login
    exchange) and redacts a server line before cutting it, so a cut never leaves half a secret.
    Redacting every line twice cost a tenth of a batch's time (issue 20).
    """

    def __init__(
        self,
        *,
        report: Report | None,
        redactor: Redactor,
        interrupter: Interrupter,
        timeout: float,
    ) -> None:
        # None: nobody listens (a script's batch), and the lines are not even decoded.
        self._listening = report is not None
        self._report: Report = report or _nobody
        self._redactor = redactor
        self._interrupter = interrupter
        self._hide_client_lines = False
        self.bearer_error: dict[str, str] | None = None  # the last OAuth2 334 error, decoded
        # The message's final CRLF . CRLF went out: from then on the server may have taken it,
        # so a batch never sends it again without the server's refusal (core/smtp/batch.py).
        self.final_dot_sent = False
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

    def send(self, s: str | Buffer) -> None:
        if isinstance(s, str):
            line = s.removesuffix("\r\n")
            _refuse_line_breaks(line)
            if self._listening:
                self._report(Direction.CLIENT, self._shown_command(line))
        elif self._listening:  # the DATA payload, already dot-stuffed and ending in CRLF . CRLF
            lines = bytes(s).decode("utf-8", "replace").split("\r\n")
            for line in lines[:-1] if lines[-1] == "" else lines:
                self._report(Direction.CLIENT, line)
        super().send(s)
        if isinstance(s, bytes):
            self.final_dot_sent = True

    def _shown_command(self, line: str) -> str:
        """What the transcript shows of a command; `report` redacts every line it is given."""
        if line[:5].upper() == "AUTH ":
            return self._redactor.auth_command(line)
        return REDACTED if self._hide_client_lines else line

    def send_lines(self, lines: list[str]) -> None:
        """Several commands in one write (PIPELINING), each reported as its own line."""
        for line in lines:
            _refuse_line_breaks(line)
        for line in lines:
            self._report(Direction.CLIENT, line)
        smtplib.SMTP.send(self, "".join(f"{line}\r\n" for line in lines))

    def getreply(self) -> tuple[int, bytes]:
        """smtplib's getreply(), reporting each line exactly as the server sent it.

        For a line that is not SMTP (an HTTP or SSH banner), smtplib drops the first four
        characters it takes for "NNN "; the reply then carries the whole line instead. The lines
        that did arrive are reported also when the reply breaks off (hang-up, too long).
        """
        if self.file is None:
            self.file = _RecordingReader(self._interrupter.reader(self._connected()))
        recorder = self.file if isinstance(self.file, _RecordingReader) else None
        if recorder is not None:
            recorder.start_reply()
        try:
            code, message = super().getreply()
        finally:
            for line in recorder.lines if recorder is not None and self._listening else []:
                self._report(Direction.SERVER, self._shown(line))
        if code < 0 and recorder is not None and recorder.lines:
            message = b"\n".join(line.rstrip(b"\r\n") for line in recorder.lines)
        return code, message

    def _connected(self) -> socket.socket:
        if self.sock is None:  # smtplib's own words for it
            raise smtplib.SMTPServerDisconnected("please run connect() first")
        return self.sock

    def _shown(self, line: bytes) -> str:
        text = self._redactor.redact(line.decode("utf-8", "replace").rstrip("\r\n"))
        if len(text) <= SHOWN_LINE_CHARS:
            return text
        return f"{text[:SHOWN_LINE_CHARS]}… [{len(line)} bytes in all]"

    def starttls_with(self, context: ssl.SSLContext) -> tuple[int, bytes]:
        """smtplib's starttls(), with a handshake that Cancel and the deadline can break."""
        code, reply = self.docmd("STARTTLS")
        if code != 220:
            return code, reply
        self.sock = self._interrupter.handshake(context, self._connected(), self._host)
        self.file = None
        # RFC 3207 §4.2: forget everything learned before TLS; the caller sends EHLO again.
        self.helo_resp = self.ehlo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False
        return code, reply

    # -- authentication (RFC 4954) -----------------------------------------------------------

    def authenticate(self, mechanism: str, user: str, password: str) -> tuple[int, bytes]:
        """Run one AUTH exchange; returns the final reply (235 on success)."""
        if mechanism in _BEARER:
            return self._bearer(mechanism, user, password)
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

    def _bearer(self, mechanism: str, user: str, token: str) -> tuple[int, bytes]:
        """XOAUTH2 or OAUTHBEARER with the token as initial response (both allow it).

        A refused token gets a 334 carrying a base64 JSON error instead of the final reply; the
        client must answer it (RFC 7628 §3.2.3: with %x01; Google's XOAUTH2: an empty line)
        before the server sends its 535/555.
        """
        if mechanism == "XOAUTH2":
            payload = xoauth2_payload(user, token)
        else:
            payload = oauthbearer_payload(user, token, self._host, _peer_port(self.sock))
        self.bearer_error = None
        code, reply = self.docmd(f"AUTH {mechanism} {_b64(payload)}")
        if code == 334:
            self.bearer_error = bearer_error(reply)
            self._report(Direction.INFO, json.dumps(self.bearer_error, ensure_ascii=False))
            code, reply = self.docmd("" if mechanism == "XOAUTH2" else _b64(b"\x01"))
        return code, reply


def xoauth2_payload(user: str, token: str) -> bytes:
    """Google's and Microsoft's XOAUTH2 initial response (before base64)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01".encode()


def oauthbearer_payload(user: str, token: str, host: str, port: int) -> bytes:
    """RFC 7628 §3.1: a GS2 header naming the user, then host, port and the bearer token."""
    # RFC 5801 §4: "," and "=" in the authzid are written =2C and =3D.
    authzid = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={authzid},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01".encode()


def bearer_error(challenge: bytes) -> dict[str, str]:
    """The JSON error of a 334 during XOAUTH2/OAUTHBEARER (RFC 7628 §3.2.2), as text values."""
    try:
        data = json.loads(base64.b64decode(challenge, validate=False).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return {"status": challenge.decode("ascii", "replace")[:200]}
    return {str(k): str(v)[:200] for k, v in data.items()}


def _peer_port(sock: socket.socket | None) -> int:
    try:
        return int(sock.getpeername()[1]) if sock is not None else 0
    except OSError:
        return 0


def _plain(user: str, password: str, _challenge: bytes | None) -> bytes:
    return b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")


def _login(user: str, password: str, challenge: bytes | None) -> bytes:
    # RFC-less but universal: the server asks "Username:" then "Password:".
    asked = (challenge or b"").lower()
    return (user if b"user" in asked else password).encode("utf-8")


def _cram_md5(user: str, password: str, challenge: bytes | None) -> bytes:
    digest = hmac.new(password.encode("utf-8"), challenge or b"", hashlib.md5).hexdigest()
    return f"{user} {digest}".encode()


_BEARER = frozenset({"XOAUTH2", "OAUTHBEARER"})
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
    """The socket file smtplib reads replies from, keeping the raw lines of the current reply.

    It also ends a reply that no SMTP server would send, before smtplib stores it: a line
    without its line end at the end of the stream (the server hung up mid-line), a line longer
    than MAX_LINE_BYTES, or a reply past MAX_REPLY_BYTES or MAX_REPLY_LINES. Memory for one
    reply is thus bounded by MAX_REPLY_BYTES + MAX_LINE_BYTES.
    """

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.lines: list[bytes] = []
        self._size = 0

    def start_reply(self) -> None:
        self.lines.clear()
        self._size = 0

    def readline(self, limit: int = -1) -> bytes:
        line = self._file.readline(limit)
        if not line:
            return line  # smtplib reports the hang-up
        self.lines.append(line)
        self._size += len(line)
        if len(line) > MAX_LINE_BYTES:  # smtplib would call it a "500 Line too long" reply
            raise _not_smtp(
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "The server sent a line longer than {limit} bytes; an SMTP reply line has "
                    "at most 512 (RFC 5321 §4.5.3.1.5).",
                ),
                line,
                limit=str(MAX_LINE_BYTES),
            )
        if not line.endswith(b"\n"):
            # Not an OSError: smtplib would turn that into its own, vaguer hang-up message.
            raise smtplib.SMTPServerDisconnected("Connection closed in the middle of a line")
        if self._size > MAX_REPLY_BYTES or len(self.lines) > MAX_REPLY_LINES:
            raise _not_smtp(
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "The server's reply went on past {limit} KiB or {lines} lines without "
                    "ending; no SMTP server sends that.",
                ),
                self.lines[0],
                limit=str(MAX_REPLY_BYTES // 1024),
                lines=str(MAX_REPLY_LINES),
            )
        return line

    def close(self) -> None:
        self._file.close()


def _nobody(_direction: Direction, _text: str) -> None:
    """The report of a client nobody listens to."""


def _not_smtp(template: str, first_line: bytes, **values: str) -> ProbeFailed:
    """A PROTOCOL failure quoting the start of what the server sent (never all of it)."""
    # The whole line: the probe redacts it and only then cuts it (result.MAX_SHOWN_CHARS), so a
    # password that straddles the cut is never half shown.
    start = first_line.decode("utf-8", "replace").rstrip("\r\n")
    return ProbeFailed(Failure.PROTOCOL, Text("Probe", template, **values), None, start)


def _refuse_line_breaks(line: str) -> None:
    """The last defence against command injection: a command is one line, whatever the caller.

    A CR, LF or NUL inside a command would let the rest be read as commands of their own (a
    forged MAIL FROM, RCPT and DATA inside the office's authenticated session). smtplib checks
    its own commands; PIPELINING writes several at once, so every line is checked here.
    """
    if _LINE_BREAK.search(line):
        raise ProbeFailed(
            Failure.PROTOCOL,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe",
                    "A command with a line break in it was refused before it was sent (an "
                    "address or value holds a line break); nothing more was sent.",
                ),
            ),
        )


def dot_stuffed(data: bytes) -> bytes:
    """The DATA payload as sent: leading dots doubled, ending in CRLF . CRLF (RFC 5321 §4.5.2)."""
    stuffed = _LEADING_DOT.sub(b"..", data)
    if not stuffed.endswith(b"\r\n"):
        stuffed += b"\r\n"
    return stuffed + b".\r\n"


_LEADING_DOT = re.compile(rb"(?m)^\.")
_LINE_BREAK = re.compile("[\r\n\0]")

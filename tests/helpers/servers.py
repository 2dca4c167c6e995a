"""Real SMTP servers on 127.0.0.1 for the tests: aiosmtpd with trustme TLS, and hostile ones."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.helpers.listening import stop_listening, wake

USER = "alice@example.test"
PASSWORD = "pässw0rd-Ünïcode-€"  # non-ASCII on purpose: smtplib's own auth() fails on it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Recorder:
    """aiosmtpd handler: keeps what arrived; can reject MAIL FROM or RCPT TO with a given reply."""

    users: dict[str, str] = field(default_factory=lambda: {USER: PASSWORD})
    reject_mail: str = ""
    reject_rcpt: str = ""
    envelopes: list[Envelope] = field(default_factory=list)

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if self.reject_mail:
            return self.reject_mail
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if self.reject_rcpt:
            return self.reject_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 2.0.0 Message accepted"

    async def auth_CRAM__MD5(self, server: SMTP, args: list[str]) -> AuthResult:
        challenge = b"<1896.697170952@smtpgui.test>"
        answer = await server.challenge_auth(challenge)
        if not isinstance(answer, bytes):
            return AuthResult(success=False, handled=True)
        user, _, digest = answer.decode().partition(" ")
        password = self.users.get(user, "")
        expected = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()
        return AuthResult(success=bool(password) and hmac.compare_digest(digest, expected))

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            user, password = auth_data.login.decode(), auth_data.password.decode()
            if self.users.get(user) == password:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


class RefuseOne(Recorder):
    """Refuses the recipient clerk1@... (550, no such user) and accepts every other one."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address.startswith("clerk1@"):
            return "550 5.1.1 No such user"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


# What Gmail sends in its 334 when a token is refused (base64 of this JSON).
BEARER_ERROR = {"status": "401", "schemes": "bearer", "scope": "https://mail.google.com/"}


@dataclass
class OAuthRecorder(Recorder):
    """Also takes XOAUTH2 and OAUTHBEARER, accepting the bearer tokens in `tokens` for USER.

    A refused token gets Gmail's answer: a 334 with `error` as base64 JSON, and once the
    client has answered that, 535. `oauthbearer=False` leaves OAUTHBEARER out of EHLO (pass
    `auth_exclude_mechanism` too, see oauth_smtp_kwargs).
    """

    tokens: set[str] = field(default_factory=set)
    error: dict[str, str] = field(default_factory=lambda: dict(BEARER_ERROR))
    dummy_replies: list[bytes] = field(default_factory=list)

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        fields = dict(item.split("=", 1) for item in _initial(args).split("\x01") if "=" in item)
        return await self._bearer(server, fields.get("user", ""), fields.get("auth", ""))

    async def auth_OAUTHBEARER(self, server: SMTP, args: list[str]) -> AuthResult:
        gs2, _, rest = _initial(args).partition("\x01")
        user = gs2.split(",")[1].removeprefix("a=").replace("=2C", ",").replace("=3D", "=")
        fields = dict(item.split("=", 1) for item in rest.split("\x01") if "=" in item)
        assert fields.get("host") and fields.get("port", "").isdigit()
        return await self._bearer(server, user, fields.get("auth", ""))

    async def _bearer(self, server: SMTP, user: str, auth: str) -> AuthResult:
        token = auth.removeprefix("Bearer ")
        if user == USER and token in self.tokens:
            return AuthResult(success=True, auth_data=user)
        answer = await server.challenge_auth(json.dumps(self.error))
        if isinstance(answer, bytes):
            self.dummy_replies.append(answer)
        await server.push("535 5.7.8 Username and Password not accepted")
        return AuthResult(success=False, handled=True)


def _initial(args: list[str]) -> str:
    return base64.b64decode(args[1]).decode() if len(args) > 1 else ""


@dataclass
class RunningServer:
    host: str
    port: int
    mode: str
    handler: Recorder

    @property
    def server(self) -> str:
        prefix = {"tls": "ssl://", "starttls": "tls://", "plain": ""}[self.mode]
        return f"{prefix}{self.host}:{self.port}"


@contextlib.contextmanager
def smtp_server(
    ca: trustme.CA,
    mode: str = "starttls",
    handler: Recorder | None = None,
    auth: bool = True,
    **smtp_kwargs: object,
) -> Iterator[RunningServer]:
    """mode: "starttls" (STARTTLS offered), "tls" (implicit TLS), "plain" (no TLS at all)."""
    handler = handler or Recorder()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    kwargs: dict[str, object] = dict(smtp_kwargs)
    if auth:
        kwargs.update(authenticator=handler.authenticate, auth_require_tls=mode == "starttls")
        # aiosmtpd does not see implicit TLS as TLS, so with "tls" it would hide AUTH.
    if mode == "starttls":
        kwargs["tls_context"] = context
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        ssl_context=context if mode == "tls" else None,
        server_hostname="smtp.test",
        **kwargs,
    )
    controller.start()
    try:
        yield RunningServer("127.0.0.1", port, mode, handler)
    finally:
        controller.stop()


class SilentServer:
    """Accepts connections and never says a word (a black hole after the TCP handshake)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.connected = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
                self.connected.set()

    def close(self) -> None:
        stop_listening(self.sock, self._thread)
        for conn in self.accepted:
            conn.close()


class StallAfterStarttls:
    """Says 220 to STARTTLS, then never answers the TLS ClientHello (a handshake stall)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.hello_seen = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            conn, _ = self.sock.accept()
            self.accepted.append(conn)
            reader = conn.makefile("rb")
            conn.sendall(b"220 stall.test ESMTP\r\n")
            for line in reader:
                verb = line.split(b" ")[0].strip().upper()
                if verb == b"EHLO":
                    conn.sendall(b"250-stall.test\r\n250 STARTTLS\r\n")
                elif verb == b"STARTTLS":
                    conn.sendall(b"220 go ahead\r\n")
                    conn.recv(1, socket.MSG_PEEK)  # blocks until the ClientHello arrives
                    self.hello_seen.set()
                    return

    def close(self) -> None:
        stop_listening(self.sock)
        for conn in self.accepted:
            wake(conn)  # first: that ends the thread's read
            conn.close()

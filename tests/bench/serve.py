"""The bench's mail servers, run in a process of their own: `python -m tests.bench.serve SPECS`.

Their Python threads (aiosmtpd's event loop, the latency proxy) then never compete with the
GUI process for its GIL, which would blur what the GUI itself costs. SPECS is a JSON list of
ServerSpec fields; the process prints {"ca_file": ..., "ports": [...]} once every server
listens, and serves until its standard input closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.bench.account import PASSWORD, USER
from tests.bench.latency import LatencyProxy
from tests.helpers.servers import free_port


@dataclass(frozen=True)
class ServerSpec:
    """One server. mode: "starttls" (port 587 style) or "tls" (implicit TLS, port 465 style).

    reply_delay: seconds the server waits before every reply; greeting_delay: before the
    greeting (None: the reply delay). latency: seconds a proxy in front adds to everything the
    server sends, TLS handshake included, as a network's round trip would.
    """

    mode: str = "starttls"
    reply_delay: float = 0.0
    greeting_delay: float | None = None
    pipelining: bool = False
    latency: float = 0.0

    def to_json(self) -> dict[str, object]:
        return asdict(self)


class DelayedSMTP(SMTP):
    """aiosmtpd's server, waiting before each reply (once per reply, not per line of it)."""

    def __init__(self, *args: object, reply_delay: float, greeting_delay: float, **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self._delays = (greeting_delay, reply_delay)
        self._greeted = False
        self._reply_starts = True

    async def push(self, status: str | bytes) -> None:  # type: ignore[override]
        if self._reply_starts:
            delay = self._delays[1] if self._greeted else self._delays[0]
            if delay:
                await asyncio.sleep(delay)
        self._greeted = True
        text = status.decode() if isinstance(status, bytes) else status
        self._reply_starts = text[3:4] != "-"  # "250-..." is continued, "250 ..." ends a reply
        await super().push(status)


class Handler:
    """Accepts USER/PASSWORD with PLAIN or LOGIN (nothing else, so both clients use PLAIN)."""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return "250 2.0.0 Message accepted"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: object
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        return AuthResult(success=ok)


class PipeliningHandler(Handler):
    """Also offers PIPELINING (RFC 2920); aiosmtpd reads commands one line at a time anyway."""

    async def handle_EHLO(
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str, responses: list
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]


class BenchController(Controller):
    def __init__(self, spec: ServerSpec, context: ssl.SSLContext) -> None:
        handler = PipeliningHandler() if spec.pipelining else Handler()
        starttls = spec.mode == "starttls"
        super().__init__(
            handler,
            hostname="127.0.0.1",
            port=free_port(),
            ssl_context=None if starttls else context,
            server_hostname="smtp.test",
            authenticator=handler.authenticate,
            # aiosmtpd does not see implicit TLS as TLS: requiring it would hide AUTH there.
            auth_require_tls=starttls,
            tls_context=context if starttls else None,
        )
        greeting = spec.reply_delay if spec.greeting_delay is None else spec.greeting_delay
        self._delays = {"reply_delay": spec.reply_delay, "greeting_delay": greeting}

    def factory(self) -> SMTP:
        return DelayedSMTP(self.handler, **self._delays, **self.SMTP_kwargs)


@contextlib.contextmanager
def serving(specs: list[ServerSpec], folder: Path) -> Iterator[dict[str, object]]:
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with contextlib.ExitStack() as stack:
        ports = []
        for spec in specs:
            controller = BenchController(spec, context)
            controller.start()
            stack.callback(controller.stop)
            port = controller.port
            if spec.latency:
                proxy = LatencyProxy(port, spec.latency)
                stack.callback(proxy.close)
                port = proxy.port
            ports.append(port)
        yield {"ca_file": str(ca_file), "ports": ports}


def main() -> None:
    # aiosmtpd logs on every AUTH that Session.login_data is deprecated: its own business.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    specs = [ServerSpec(**fields) for fields in json.loads(sys.argv[1])]
    with tempfile.TemporaryDirectory() as folder, serving(specs, Path(folder)) as info:
        print(json.dumps(info), flush=True)
        sys.stdin.read()  # until the bench closes it (or ends)


if __name__ == "__main__":
    main()

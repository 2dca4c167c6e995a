"""The opening every conversation shares, the Test's (probe) and Detect's: DNS, TCP, implicit
TLS, the greeting, EHLO (HELO for a server without ESMTP) and STARTTLS, each a step of Steps."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable

from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.connection import Resolver
from smtpgui.core.smtp.endpoint import Endpoint, Security
from smtpgui.core.smtp.failures import expect
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.steps import Steps
from smtpgui.core.smtp.transcript import Direction
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

TlsContext = Callable[[], ssl.SSLContext]  # made inside the TLS step: a bad CA file fails it
SeenTls = Callable[[ssl.SSLSocket], None]  # looks at the session inside the step; may refuse


def open_socket(
    steps: Steps,
    endpoint: Endpoint,
    timeout: float,
    resolver: Resolver | None,
    context: TlsContext,
    seen: SeenTls,
) -> socket.socket:
    """DNS, TCP and, for ssl://, the TLS handshake."""
    host = endpoint.ascii_host
    with steps.step(Phase.DNS):
        addresses = steps.interrupter.resolve(host, endpoint.port, timeout, resolver)
    with steps.step(Phase.CONNECT):
        sock = _connect_any(steps, addresses, timeout)
        steps.log(
            Direction.INFO,
            Text("Probe", QT_TRANSLATE_NOOP("Probe", "Connected to {peer}"), peer=_peer(sock)),
        )
    if endpoint.security is not Security.TLS:
        steps.skip(Phase.TLS)
        return sock
    with steps.step(Phase.TLS):
        tls_sock = steps.interrupter.handshake(context(), sock, host)
        seen(tls_sock)
    return tls_sock


def greet(steps: Steps, client: TracingSMTP) -> None:
    """The server's 220 greeting."""
    with steps.step(Phase.GREETING):
        expect(*client.getreply(), 220)


def hello(steps: Steps, client: TracingSMTP, phase: Phase) -> None:
    """EHLO, or HELO for a server without ESMTP; `client.esmtp_features` holds the answer."""
    with steps.step(phase):
        code, text = client.ehlo()
        # RFC 5321 §3.2: fall back to HELO for servers without ESMTP, which answer EHLO with
        # 500/502. Not after a 4yz: a 421 means the server is closing (§3.8), and HELO
        # would only hide its reason behind a hang-up.
        if 500 <= code < 600:
            code, text = client.helo()
        expect(code, text, 250)


def start_tls(steps: Steps, client: TracingSMTP, context: TlsContext, seen: SeenTls) -> None:
    """STARTTLS (RFC 3207), the handshake, and EHLO again over TLS."""
    with steps.step(Phase.STARTTLS):
        if not client.has_extn("starttls"):
            raise ProbeFailed(
                Failure.NO_STARTTLS,
                Text(
                    "Probe",
                    QT_TRANSLATE_NOOP("Probe", "The server does not offer STARTTLS on this port."),
                ),
            )
        code, text = client.starttls_with(context())
        expect(code, text, 220)
        if isinstance(client.sock, ssl.SSLSocket):  # always, after a 220
            seen(client.sock)
    # RFC 3207 §4.2: the client must discard what it learned before TLS and ask again.
    hello(steps, client, Phase.EHLO_TLS)


def _connect_any(steps: Steps, addresses: list[tuple], timeout: float) -> socket.socket:  # type: ignore[type-arg]
    error: OSError | None = None
    for address in addresses:
        try:
            return steps.interrupter.connect(address, timeout)
        except OSError as exc:
            error = exc
            steps.log(Direction.INFO, f"{address[4][0]}: {exc.strerror or exc}")
    assert error is not None
    raise error


def _peer(sock: socket.socket) -> str:
    try:
        host, port = sock.getpeername()[:2]
    except OSError:
        return "?"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

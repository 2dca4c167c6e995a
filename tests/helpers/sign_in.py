"""The browser's side of an OAuth2 sign-in in tests: following the redirect to the loopback
listener, reading the listener's port from the authorization URL, and timing how a sign-in
ends while silent clients hold that listener (the tests and the benchmark use it)."""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.request

from smtpgui.core.oauth.browser import sign_in
from smtpgui.core.oauth.tokens import TokenEndpoint
from tests.helpers.oauth_server import CLIENT_ID


def follow(url: str) -> None:
    """The admin's browser: /authorize redirects to the loopback listener, which answers."""
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=10) as page:
        assert b"close this tab" in page.read()


def listener_port(url: str) -> int:
    match = re.search(r"redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A(\d+)", url)
    assert match
    return int(match.group(1))


def cancel_time(auth_server, **options: float) -> tuple[float, BaseException | None]:
    """Seconds from Cancel (or the limit) to sign_in's end, with a silent and a half-sent
    request holding the listener."""
    cancel = threading.Event()
    held: list[socket.socket] = []
    marks: dict[str, float] = {}
    outcome: list[BaseException] = []

    def browser(url: str) -> None:
        port = listener_port(url)
        held.append(socket.create_connection(("127.0.0.1", port)))
        half = socket.create_connection(("127.0.0.1", port))
        half.sendall(b"GET /?code=1&state=")
        held.append(half)
        if not options:
            marks["cancel"] = time.monotonic()
            cancel.set()

    def attempt() -> None:
        try:
            sign_in(
                auth_server.provider.for_tenant(""),
                TokenEndpoint(CLIENT_ID),
                browser,
                cancel,
                **options,
            )
        except BaseException as exc:  # the test looks at it
            outcome.append(exc)
        marks["end"] = time.monotonic()

    thread = threading.Thread(target=attempt, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(10)
    for sock in held:
        sock.close()
    assert not thread.is_alive(), "the sign-in hung"
    return marks["end"] - marks.get("cancel", started), (outcome or [None])[0]

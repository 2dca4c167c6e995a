"""The CLI signing in with OAuth2 in a test: its `check` arguments against the local
authorization server, and a running CLI whose stderr a test reads line by line."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time

from tests.helpers.cli_terminal import base_args
from tests.helpers.oauth_server import CLIENT_ID, SCOPE, AuthorizationServer
from tests.helpers.servers import RunningServer

TENANT = "contoso.example"
PROXIES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def oauth_args(
    smtp: RunningServer, auth: AuthorizationServer, ca_file: str, *extra: str
) -> list[str]:
    return [
        *base_args(smtp.server, ca_file),
        "--auth",
        "oauth2",
        "--client-id",
        CLIENT_ID,
        "--tenant",
        TENANT,
        "--authorize-url",
        f"{auth.base}/{{tenant}}/authorize",
        "--token-url",
        f"{auth.base}/{{tenant}}/token",
        "--device-url",
        f"{auth.base}/{{tenant}}/device",
        "--scopes",
        SCOPE,
        *extra,
    ]


class Lines:
    """Reads a running process's stderr on a thread, so that a wait for a line can time out."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stderr is not None
        stream = process.stderr
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self._queue.put(line)
        self._queue.put("")  # end of the stream

    def after(self, prefix: str, timeout: float = 20) -> str:
        """What follows `prefix` on the first line that starts with it."""
        deadline = time.monotonic() + timeout
        while True:
            line = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            self.seen.append(line)
            assert line, f"stderr ended without {prefix!r}: {''.join(self.seen)}"
            if line.startswith(prefix):
                return line.removeprefix(prefix).strip()

    def rest(self) -> str:
        self._thread.join(10)
        while not self._queue.empty():
            self.seen.append(self._queue.get())
        return "".join(self.seen)


def start(env, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "smtpgui", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )

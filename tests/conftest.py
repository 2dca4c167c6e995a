"""Shared fixtures: per-test config dir and keyring, a test CA, real SMTP servers, the CLI's env."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import trustme

from smtpgui.core.oauth import session as oauth_session
from smtpgui.core.profile.memory_keyring import MemoryKeyring
from tests.helpers.cli import cli_env
from tests.helpers.cli_oauth import PROXIES
from tests.helpers.dns_server import DnsServer, dns_server
from tests.helpers.oauth_server import AuthorizationServer, authorization_server
from tests.helpers.servers import OAuthRecorder, RunningServer, SilentServer, smtp_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MemoryKeyring | None]:
    """Never touch the real config folder or keyring: each test gets its own.

    Tests marked secret_service keep the system's keyring: it is what they test (under a
    service name of their own, so a user's saved password is never touched).
    """
    monkeypatch.setenv("SMTPGUI_CONFIG_DIR", str(tmp_path / "config"))
    if request.node.get_closest_marker("secret_service") is not None:
        yield None
        return
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def empty_dns() -> Iterator[DnsServer]:
    """A DNS server on 127.0.0.1 that knows no name (NXDOMAIN for everything)."""
    with dns_server({}) as server:
        yield server


@pytest.fixture(autouse=True)
def local_dns(empty_dns: DnsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The domain check after every passed test asks DNS: never the system's DNS server."""
    monkeypatch.setenv("SMTPGUI_DNS_SERVER", empty_dns.address)


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def starttls_server(ca: trustme.CA) -> Iterator[RunningServer]:
    with smtp_server(ca, "starttls") as server:
        yield server


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[RunningServer]:
    with smtp_server(ca, "tls") as server:
        yield server


@pytest.fixture
def plain_server(ca: trustme.CA) -> Iterator[RunningServer]:
    with smtp_server(ca, "plain") as server:
        yield server


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


# -- the CLI as a child process: its own config folder and file keyring ----------------------


@pytest.fixture
def env(tmp_path):
    return cli_env(tmp_path)


@pytest.fixture
def oauth_env(tmp_path):
    """The CLI's env for a sign-in: no browser (the test plays it), no proxy."""
    # BROWSER: webbrowser.open runs `true URL`; the test itself plays the browser.
    values = cli_env(tmp_path, BROWSER="true", NO_PROXY="127.0.0.1,localhost")
    for name in PROXIES:  # every request goes straight to 127.0.0.1
        values.pop(name, None)
    return values


# -- OAuth2: a local authorization server and an SMTP server that checks its tokens ------------


@pytest.fixture(autouse=True)
def no_remembered_tokens() -> Iterator[None]:
    oauth_session._cache.clear()
    yield
    oauth_session._cache.clear()


@pytest.fixture
def auth_server() -> Iterator[AuthorizationServer]:
    with authorization_server() as server:
        yield server


@pytest.fixture
def xoauth2_server(ca: trustme.CA, auth_server: AuthorizationServer) -> Iterator[RunningServer]:
    handler = OAuthRecorder(tokens=auth_server.valid_access)
    with smtp_server(ca, "starttls", handler, auth_exclude_mechanism=["OAUTHBEARER"]) as server:
        yield server


@pytest.fixture
def on_loopback(monkeypatch: pytest.MonkeyPatch):
    """`on_loopback("smtp.gmail.com", ...)`: those names resolve to 127.0.0.1.

    Only the DNS edge is replaced, so a provider's host name reaches a real local server.
    """
    import socket

    real = socket.getaddrinfo

    def names(*hosts: str) -> None:
        def resolve(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
            return real("127.0.0.1" if host in hosts else host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", resolve)

    return names

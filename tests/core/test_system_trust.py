"""System trust is the operating system's verifier (truststore), for SMTP and HTTPS alike.

macOS with python.org's Python (or a frozen app) is simulated on Linux: OpenSSL's own CA paths
are emptied (SSL_CERT_FILE / SSL_CERT_DIR point at nothing, as the compiled-in paths do there),
and truststore's platform hook is given a "Keychain": a verifier, built on cryptography's X.509
path validation, that trusts the test CA, as the Security framework trusts a root deployed by
MDM. `ssl.create_default_context()` never asks that hook, so only the OS verifier passes.
"""

from __future__ import annotations

import contextlib
import http.server
import importlib
import json
import ssl
import threading
from collections.abc import Iterator

import pytest
import trustme
import truststore
from cryptography.exceptions import InvalidSignature

from smtpgui.core.discovery.autoconfig import fetch_url
from smtpgui.core.oauth.tokens import TokenEndpoint
from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.tls import make_context
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for

TLS_PHASES = (Phase.TLS, Phase.STARTTLS)


class Keychain:
    """The platform verifier of a Mac whose Keychain trusts `ca`: what truststore calls."""

    def __init__(self, ca: trustme.CA) -> None:
        from cryptography import x509

        self._root = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
        self.chains: list[list[bytes]] = []

    @contextlib.contextmanager
    def configure(self, ctx: ssl.SSLContext) -> Iterator[None]:
        # As truststore/_macos.py: OpenSSL verifies nothing, the Security framework does.
        check_hostname, verify_mode = ctx.check_hostname, ctx.verify_mode
        ctx.check_hostname = False
        ssl.SSLContext.verify_mode.__set__(ctx, ssl.CERT_NONE)  # type: ignore[attr-defined]
        try:
            yield
        finally:
            ctx.check_hostname = check_hostname
            ssl.SSLContext.verify_mode.__set__(ctx, verify_mode)  # type: ignore[attr-defined]

    def verify(self, context: ssl.SSLContext, chain: list[bytes], server_hostname: str) -> None:
        """Issued by the trusted root, for this address (enough for a stand-in Keychain)."""
        import ipaddress

        from cryptography import x509

        self.chains.append(chain)
        if context.verify_mode == ssl.CERT_NONE:
            return
        leaf = x509.load_der_x509_certificate(chain[0])
        names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        try:
            leaf.verify_directly_issued_by(self._root)
        except (ValueError, TypeError, InvalidSignature):
            raise ssl.SSLCertVerificationError("Keychain: not issued by a trusted root") from None
        if ipaddress.ip_address(server_hostname) not in names.get_values_for_type(x509.IPAddress):
            raise ssl.SSLCertVerificationError("Keychain: not for this address")


@pytest.fixture
def no_openssl_cas(monkeypatch, tmp_path):
    """python.org's macOS Python: OpenSSL's compiled-in CA file and folder hold nothing."""
    empty = tmp_path / "no-cas"
    empty.mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(empty / "cert.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(empty))
    # truststore's Linux hook would look in /etc/ssl next: on a Mac there is nothing there.
    monkeypatch.setattr(importlib.import_module("truststore._openssl"), "_CA_FILE_CANDIDATES", [])


@pytest.fixture
def keychain(monkeypatch, ca, no_openssl_cas) -> Keychain:
    chain = Keychain(ca)
    api = importlib.import_module("truststore._api")  # the package hides the module's name
    monkeypatch.setattr(api, "_configure_context", chain.configure)
    monkeypatch.setattr(api, "_verify_peercerts_impl", chain.verify)
    return chain


def test_system_trust_builds_a_truststore_context():
    context = make_context(TrustMode.SYSTEM)
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_ca_file_and_pinned_keep_their_own_contexts(ca_file):
    assert not isinstance(make_context(TrustMode.CA_FILE, ca_file), truststore.SSLContext)
    assert not isinstance(make_context(TrustMode.PINNED), truststore.SSLContext)


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_system_trust_still_refuses_a_ca_the_system_does_not_know(mode, ca, no_openssl_cas):
    server_fixture = _server(ca, mode)
    with server_fixture as server:
        result, _, _ = run(settings_for(server.server, "", trust=TrustMode.SYSTEM))
    assert not result.ok
    assert result.failure is Failure.CERTIFICATE and result.phase in TLS_PHASES


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_system_trust_accepts_a_ca_the_system_store_has(mode, ca, ca_file, monkeypatch):
    """Linux: the OS store is OpenSSL's, and SSL_CERT_FILE names it."""
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    with _server(ca, mode) as server:
        result, _, _ = run(settings_for(server.server, "", trust=TrustMode.SYSTEM))
    assert result.ok and result.verified, result


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_macos_smtp_with_system_trust_asks_the_keychain(mode, ca, keychain):
    with _server(ca, mode) as server:
        result, _, _ = run(settings_for(server.server, "", trust=TrustMode.SYSTEM))
    assert result.ok and result.verified, result
    assert keychain.chains  # the handshake was judged by the platform verifier


def test_macos_keychain_refuses_a_certificate_it_does_not_trust(keychain):
    stranger = trustme.CA()
    with _server(stranger, "starttls") as server:
        result, _, _ = run(settings_for(server.server, "", trust=TrustMode.SYSTEM))
    assert result.failure is Failure.CERTIFICATE and result.phase in TLS_PHASES
    assert "Keychain" in result.detail


def test_macos_oauth_token_request_asks_the_keychain(ca, keychain):
    with _https_server(ca) as url:
        status, answer = TokenEndpoint("client").post(f"{url}/token", {"grant_type": "x"})
    assert (status, answer) == (200, {"access_token": "at"})
    assert keychain.chains


def test_macos_autoconfig_lookup_asks_the_keychain(ca, keychain):
    with _https_server(ca) as url:
        _answered, body = fetch_url(f"{url}/mail/config-v1.1.xml", 5.0)
    assert json.loads(body) == {"access_token": "at"}
    assert keychain.chains


def test_https_with_a_ca_the_system_does_not_know_fails(ca, no_openssl_cas):
    from smtpgui.core.oauth.tokens import OAuthError

    with _https_server(ca) as url, pytest.raises(OAuthError):
        TokenEndpoint("client").post(f"{url}/token", {"grant_type": "x"})


# -- servers ---------------------------------------------------------------------------------


def _server(ca: trustme.CA, mode: str) -> contextlib.AbstractContextManager:  # type: ignore[type-arg]
    from tests.helpers.servers import smtp_server

    return smtp_server(ca, mode)


class _Answer(http.server.BaseHTTPRequestHandler):
    def _json(self) -> None:
        body = json.dumps({"access_token": "at"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _json

    def log_message(self, *_args: object) -> None:
        pass


@contextlib.contextmanager
def _https_server(ca: trustme.CA) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""Certificate details and trust choices, against real aiosmtpd servers with trustme certs."""

from __future__ import annotations

import contextlib
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session

from smtpgui.core.profile.settings import Settings, TrustMode, field_errors, from_json, to_json
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.certificate import fingerprint, format_fingerprint, normalise_fingerprint
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult
from smtpgui.core.smtp.tls import INSECURE_NOTICE
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.helpers.certificates import Leaf, leaf_from
from tests.helpers.hostile import RefuseThenHang
from tests.helpers.probe import client_lines_starting, run, transcript
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, Recorder, RunningServer, free_port

NOW = datetime.now(UTC)


@dataclass
class LoginSpy(Recorder):
    """A Recorder that also notes every AUTH attempt the server sees."""

    logins: list[str] = field(default_factory=list)

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
    ) -> AuthResult:
        self.logins.append(mechanism)
        return super().authenticate(server, session, envelope, mechanism, auth_data)


@contextlib.contextmanager
def serving(leaf: Leaf, mode: str) -> Iterator[RunningServer]:
    """aiosmtpd on 127.0.0.1 presenting `leaf`; mode "starttls" or "tls" (implicit)."""
    handler = LoginSpy()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure(context)
    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        ssl_context=context if mode == "tls" else None,
        tls_context=context if mode == "starttls" else None,
        server_hostname="smtp.test",
        authenticator=handler.authenticate,
        auth_require_tls=mode == "starttls",
    )
    controller.start()
    try:
        yield RunningServer("127.0.0.1", port, mode, handler)
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def good(ca: trustme.CA) -> Leaf:
    return leaf_from(ca.issue_cert("127.0.0.1", "localhost"))


@pytest.fixture(scope="module")
def expired(ca: trustme.CA) -> Leaf:
    past = NOW - timedelta(days=30)
    return leaf_from(ca.issue_cert("127.0.0.1", not_before=past, not_after=NOW - timedelta(1)))


@pytest.fixture(scope="module")
def other_name(ca: trustme.CA) -> Leaf:
    return leaf_from(ca.issue_cert("smtp.other.test"))


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> Leaf:
    """A certificate signed by its own key: a fresh CA's root, presented as the server's."""
    root = trustme.CA()
    folder = tmp_path_factory.mktemp("self-signed")
    cert, key = folder / "cert.pem", folder / "key.pem"
    root.cert_pem.write_to_path(str(cert))
    root.private_key_pem.write_to_path(str(key))
    der = ssl.PEM_cert_to_DER_cert(cert.read_text())
    return Leaf(lambda context: context.load_cert_chain(cert, key), fingerprint(der))


MODES = ["starttls", "tls"]


def assert_no_login(server: RunningServer, lines: list[TranscriptLine]) -> None:
    assert not client_lines_starting(lines, "AUTH")
    assert server.handler.logins == []  # type: ignore[attr-defined]
    assert server.handler.envelopes == []


def failed_handshake_phase(mode: str) -> Phase:
    return Phase.STARTTLS if mode == "starttls" else Phase.TLS


# -- details after a handshake ----------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_success_carries_session_and_certificate(good, ca_file, mode):
    with serving(good, mode) as server:
        result, lines, _ = run(settings_for(server.server, ca_file))
    assert result.ok, result
    assert result.verified
    assert result.tls is not None and result.tls.version.startswith("TLSv1.")
    assert result.tls.cipher and "trustme" in result.tls.subject
    cert = result.certificate
    assert cert is not None
    assert set(cert.alt_names) == {"localhost", "127.0.0.1"}
    assert "trustme" in cert.subject and "Testing CA" in cert.issuer
    assert cert.not_before < NOW < cert.not_after
    assert cert.fingerprint_sha256 == good.sha256 == result.tls.fingerprint_sha256
    assert not cert.self_signed
    tls_lines = [ln.text for ln in lines if ln.direction is Direction.TLS]
    assert any("(verified)" in text for text in tls_lines)
    assert any(format_fingerprint(good.sha256) in text for text in tls_lines)


# -- details after a refused certificate --------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_unknown_ca_still_shows_the_certificate_without_logging_in(good, mode):
    with serving(good, mode) as server:
        result, lines, _ = run(settings_for(server.server, ""))  # system CAs: trustme is unknown
    assert (result.phase, result.failure) == (failed_handshake_phase(mode), Failure.CERTIFICATE)
    assert "unable to get local issuer certificate" in result.detail
    assert result.certificate is not None
    assert result.certificate.fingerprint_sha256 == good.sha256
    assert not result.verified
    assert_no_login(server, lines)
    shown = [ln for ln in lines if ln.direction is Direction.TLS]
    assert shown and format_fingerprint(good.sha256) in shown[-1].text
    assert "valid 20" in shown[-1].text and "issued by" in shown[-1].text


@pytest.mark.parametrize("mode", MODES)
def test_expired_certificate_is_shown_with_its_dates(expired, ca_file, mode):
    with serving(expired, mode) as server:
        result, lines, _ = run(settings_for(server.server, ca_file))
    assert result.failure is Failure.CERTIFICATE
    assert "certificate has expired" in result.detail
    assert result.certificate is not None and result.certificate.not_after < NOW
    assert result.certificate.fingerprint_sha256 == expired.sha256
    assert_no_login(server, lines)


@pytest.mark.parametrize("mode", MODES)
def test_name_mismatch_is_shown_with_the_names_it_is_for(other_name, ca_file, mode):
    with serving(other_name, mode) as server:
        result, lines, _ = run(settings_for(server.server, ca_file))
    assert result.failure is Failure.CERTIFICATE
    assert "IP address mismatch" in result.detail
    assert result.certificate is not None
    assert result.certificate.alt_names == ("smtp.other.test",)
    assert_no_login(server, lines)


def test_self_signed_certificate_is_recognised(self_signed):
    with serving(self_signed, "starttls") as server:
        result, lines, _ = run(settings_for(server.server, ""))
    assert result.failure is Failure.CERTIFICATE
    assert "self-signed certificate" in result.detail or "self signed" in result.detail
    assert result.certificate is not None and result.certificate.self_signed
    assert result.certificate.fingerprint_sha256 == self_signed.sha256
    assert "(self-signed)" in transcript(lines)
    assert_no_login(server, lines)


# -- the second connection: bounded and cancellable ---------------------------------------------


@pytest.fixture
def refuse_then_hang(good: Leaf) -> Iterator[RefuseThenHang]:
    server = RefuseThenHang(good)
    yield server
    server.close()


def test_a_hanging_second_connection_ends_within_the_time_limit(refuse_then_hang):
    settings = settings_for(f"ssl://127.0.0.1:{refuse_then_hang.port}", "", timeout=1.0)
    started = time.monotonic()
    result, lines, _ = run(settings)
    took = time.monotonic() - started
    assert (result.phase, result.failure) == (Phase.TLS, Failure.CERTIFICATE)  # not TIMEOUT
    assert result.certificate is None
    assert "could not be fetched" in transcript(lines)
    assert took < 2.5


def test_cancel_breaks_the_second_connection_at_once(refuse_then_hang):
    settings = settings_for(f"ssl://127.0.0.1:{refuse_then_hang.port}", "", timeout=30.0)
    fetching = threading.Event()

    def watch(event: object) -> None:
        if isinstance(event, TranscriptLine) and "Connecting again" in event.text:
            fetching.set()

    probe = SmtpProbe(settings, PASSWORD, None, watch)
    results: list[ProbeResult] = []
    thread = threading.Thread(target=lambda: results.append(probe.run()))
    thread.start()
    assert fetching.wait(5)
    pressed = time.monotonic()
    probe.cancel()
    thread.join(5)
    assert not thread.is_alive()
    assert time.monotonic() - pressed < 0.5
    assert results[0].failure is Failure.CERTIFICATE  # what was found before Cancel stands


# -- trust choices ------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_pinned_certificate_is_accepted_whatever_its_ca(good, mode):
    with serving(good, mode) as server:
        settings = settings_for(
            server.server,
            "",
            trust=TrustMode.PINNED,
            pinned_sha256=format_fingerprint(good.sha256),  # as openssl prints it
        )
        result, lines, _ = run(settings)
    assert result.ok, result
    assert result.verified
    assert settings.pinned_sha256 == good.sha256
    assert "pinned fingerprint matches" in transcript(lines)


@pytest.mark.parametrize("leaf_name", ["expired", "other_name", "self_signed"])
def test_pinned_certificate_is_accepted_whatever_its_name_or_dates(request, leaf_name):
    leaf: Leaf = request.getfixturevalue(leaf_name)
    with serving(leaf, "starttls") as server:
        result, _, _ = run(
            settings_for(server.server, "", trust=TrustMode.PINNED, pinned_sha256=leaf.sha256)
        )
    assert result.ok, result
    assert result.certificate is not None and result.certificate.fingerprint_sha256 == leaf.sha256


@pytest.mark.parametrize("mode", MODES)
def test_a_different_certificate_than_the_pinned_one_is_refused(good, expired, mode):
    with serving(good, mode) as server:
        settings = settings_for(
            server.server, "", trust=TrustMode.PINNED, pinned_sha256=expired.sha256
        )
        result, lines, _ = run(settings)
    assert (result.phase, result.failure) == (failed_handshake_phase(mode), Failure.CERTIFICATE)
    assert result.detail == (
        f"The server's certificate changed: pinned {format_fingerprint(expired.sha256)}, "
        f"got {format_fingerprint(good.sha256)}"
    )
    assert result.certificate is not None
    assert result.certificate.fingerprint_sha256 == good.sha256
    assert not result.verified
    assert_no_login(server, lines)


@pytest.mark.parametrize("mode", MODES)
def test_insecure_connects_to_an_untrusted_server_and_says_so(other_name, mode):
    with serving(other_name, mode) as server:
        result, lines, _ = run(settings_for(server.server, "", trust=TrustMode.INSECURE))
    assert result.ok, result
    assert not result.verified
    assert result.certificate is not None
    assert (lines[0].direction, lines[0].text) == (Direction.TLS, INSECURE_NOTICE)
    assert not [ln for ln in lines if ln.direction is Direction.ERROR]
    assert "NOT verified" in transcript(lines)


def test_ca_file_trust_uses_only_that_file(good, ca_file):
    with serving(good, "starttls") as server:
        trusted, _, _ = run(settings_for(server.server, ca_file, trust=TrustMode.CA_FILE))
        system, _, _ = run(settings_for(server.server, ca_file, trust=TrustMode.SYSTEM))
    assert trusted.ok and trusted.verified
    assert system.ok  # an old-style ca_file with the default trust still means CA_FILE


# -- settings -----------------------------------------------------------------------------------

BASE = dict(recipient="admin@example.test", auth="none")


def settings(**changes: object) -> Settings:
    return from_json({"version": 1, "server": "tls://smtp.example.com", **BASE, **changes})


@pytest.mark.parametrize(
    ("changes", "trust"),
    [
        ({}, TrustMode.SYSTEM),
        ({"trust": "ca-file", "ca_file": "/etc/ssl/company.pem"}, TrustMode.CA_FILE),
        ({"trust": "pinned", "pinned_sha256": "ab" * 32}, TrustMode.PINNED),
        ({"trust": "insecure"}, TrustMode.INSECURE),
    ],
)
def test_each_trust_mode_survives_the_file(tmp_path, changes, trust):
    original = settings(**changes)
    assert original.trust is trust
    store = SettingsStore(tmp_path)
    store.save(original)
    assert store.load() == original
    saved = json.loads(store.path.read_text())
    assert saved["trust"] == str(trust)
    assert saved["pinned_sha256"] == original.pinned_sha256


def test_old_files_keep_their_meaning():
    assert settings(ca_file="/etc/ssl/company.pem").trust is TrustMode.CA_FILE
    assert settings().trust is TrustMode.SYSTEM
    assert settings(ca_file="").trust is TrustMode.SYSTEM


def test_a_missing_ca_file_does_not_make_the_settings_unloadable(tmp_path):
    gone = str(tmp_path / "gone.pem")
    store = SettingsStore(tmp_path)
    store.save(settings(trust="ca-file", ca_file=gone))
    loaded = store.load()
    assert loaded is not None and loaded.ca_file == gone
    assert "There is no file" in field_errors(loaded)["ca_file"]  # but the form says so


def test_fingerprint_is_normalised_from_what_tools_print():
    colons = format_fingerprint("0a" * 32)
    assert normalise_fingerprint(colons) == "0a" * 32
    assert normalise_fingerprint(" ".join(colons.split(":"))) == "0a" * 32
    assert normalise_fingerprint("0a" * 31) is None
    assert normalise_fingerprint("zz" * 32) is None
    pinned = Settings(endpoints=(), trust=TrustMode.PINNED, pinned_sha256=colons.lower())
    assert pinned.pinned_sha256 == "0a" * 32
    assert to_json(pinned)["pinned_sha256"] == "0a" * 32


@pytest.mark.parametrize("fingerprint", ["", "abc", "ab" * 31, "g" * 64, "ab" * 33])
def test_a_bad_fingerprint_is_a_field_error(fingerprint):
    values = Settings(endpoints=(), trust=TrustMode.PINNED, pinned_sha256=fingerprint)
    assert "64 hexadecimal digits" in field_errors(values)["pinned_sha256"]
    with pytest.raises(ValueError, match="pinned_sha256"):
        settings(trust=TrustMode.PINNED, pinned_sha256=fingerprint)


def test_ca_file_errors(tmp_path, ca_file):
    def error(path: str) -> str | None:
        values = Settings(endpoints=(), trust=TrustMode.CA_FILE, ca_file=path)
        return field_errors(values).get("ca_file")

    assert error(ca_file) is None
    assert "Choose the CA certificate file" in (error("") or "")
    assert "There is no file" in (error(str(tmp_path / "missing.pem")) or "")
    assert "There is no file" in (error(str(tmp_path)) or "")  # a folder is not a file
    with pytest.raises(ValueError, match="ca_file"):
        settings(trust="ca-file", ca_file="")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_ca_file_is_a_field_error(tmp_path):
    locked = tmp_path / "locked.pem"
    locked.write_text("x")
    locked.chmod(0)
    values = Settings(endpoints=(), trust=TrustMode.CA_FILE, ca_file=str(locked))
    assert "cannot be read" in field_errors(values)["ca_file"]


def test_other_modes_ignore_the_ca_file():
    for trust in (TrustMode.PINNED, TrustMode.INSECURE):
        values = Settings(
            endpoints=(), trust=trust, ca_file="/nowhere.pem", pinned_sha256="ab" * 32
        )
        assert "ca_file" not in field_errors(values)


def test_an_unknown_trust_mode_is_refused():
    with pytest.raises(ValueError):
        settings(trust="trust-me")


def test_cryptography_is_imported_only_when_a_certificate_is_read():
    code = (
        "import sys, smtpgui.core.smtp.probe, smtpgui.core.profile.settings;"
        "import smtpgui.core.smtp.certificate;"
        "assert 'cryptography' not in sys.modules, 'imported at start-up'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""Every diagnosis, produced for real against servers on 127.0.0.1 (never a faked ProbeResult).

Each cause is a function registered with @produces(rule id, words the admin must read): it runs
a real probe against aiosmtpd or a hostile server and returns the result. One parametrized test
runs them all; another checks that every catalogue rule has at least one.
"""

from __future__ import annotations

import dataclasses
import datetime
import ipaddress
import re
import socket
import ssl
import string
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID

from smtpgui.core.diagnosis.catalogue import PLACEHOLDERS, RULES
from smtpgui.core.diagnosis.diagnose import Diagnosis, diagnose, matching_rule
from smtpgui.core.diagnosis.rule import CONNECTING, ConnectAdvice
from smtpgui.core.jobs import Job, JobRunner
from smtpgui.core.profile.secrets import SecretKind, SecretStore, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings, TrustMode
from smtpgui.core.smtp.certificate import display_name
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.phases import Phase, PhaseChange
from smtpgui.core.smtp.probe import SmtpProbe
from smtpgui.core.smtp.result import ProbeResult
from tests.helpers.diagnosis_lab import CASES, Lab, Produce, produces
from tests.helpers.hostile import (
    FullBacklogServer,
    HostileServer,
    answer,
    greet_then_hang_up,
    greet_then_wait,
    hang_up,
    read_then_hang_up,
    say,
    say_nothing,
)
from tests.helpers.hostile_smtp import SHUTDOWN, smtp_script
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, Recorder, free_port, smtp_server

FROM = "office@example.test"  # a From that is not the login's own address


@pytest.fixture
def lab(ca: trustme.CA, ca_file: str, tmp_path: Path) -> Lab:
    return Lab(ca, ca_file, tmp_path)


def test_success_has_no_diagnosis(starttls_server, ca_file):
    assert diagnose(probe(settings_for(starttls_server.server, ca_file))) is None


def test_every_text_is_translated_including_the_hint(ca, ca_file):
    with smtp_server(ca, "starttls", Answering(auth_reply=GMAIL_535)) as server:
        result = probe(settings_for(server.server, ca_file))
    found = diagnose(result, lambda context, text: f"«{text}»")
    assert found is not None and found.hint
    for text in (found.title, found.explanation, *found.steps, found.hint):
        assert text.startswith("«") and text.endswith("»")


def test_the_outcome_carries_the_one_diagnosis_each_view_translates(ca, ca_file):
    # Made once, in the core, as Text: the window, the CLI and the API each translate it.
    with smtp_server(ca, "starttls", Answering(auth_reply=GMAIL_535)) as server:
        job = Job(settings_for(server.server, ca_file), PASSWORD, False, "smtpgui test", "Hi.")
        outcome = JobRunner(job, lambda event: None).run()
    assert outcome.diagnosis is not None
    assert outcome.diagnosis == diagnose(outcome.result)  # English, as str
    shown = outcome.diagnosis.translated(lambda context, text: f"«{text}»")
    for text in (shown.title, shown.explanation, *shown.steps, shown.hint):
        assert text.startswith("«") and text.endswith("»")


def test_a_passed_outcome_has_no_diagnosis(starttls_server, ca_file):
    job = Job(settings_for(starttls_server.server, ca_file), PASSWORD, False, "s", "Hi.")
    assert JobRunner(job, lambda event: None).run().diagnosis is None


def test_the_probes_own_detail_is_translated_inside_the_explanation(ca, ca_file):
    with smtp_server(ca, "starttls") as server:  # AUTH is offered only after STARTTLS
        settings = settings_for(f"127.0.0.1:{server.port}", ca_file, allow_insecure_auth=True)
        result = probe(settings)
    assert "offers no login" in result.detail  # English as a str

    def translate(context: str, text: str) -> str:
        return f"<{context}>{text}"

    found = diagnose(result, translate)
    assert found.id == "no-auth"
    assert found.title.startswith("<Diagnosis>")
    assert found.explanation == "<Diagnosis><Probe>The server offers no login on this connection."


def test_placeholders_are_known_and_the_catch_all_is_last():
    for rule in RULES:
        for text in rule.texts:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            assert used <= PLACEHOLDERS, (rule.id, text)
    assert RULES[-1].is_catch_all
    assert not any(rule.is_catch_all for rule in RULES[:-1])
    assert len({rule.id for rule in RULES}) == len(RULES)
    assert all(rule.title and rule.explanation for rule in RULES)


def test_every_rule_names_its_phases():
    for rule in RULES[:-1]:
        assert rule.phases, f"{rule.id} names no phase"


def test_connect_advice_only_where_the_server_has_not_answered_ehlo():
    # Port, firewall and security mode are proven right once the server answered EHLO.
    for rule in RULES:
        if any(isinstance(text, ConnectAdvice) for text in rule.texts):
            assert rule.phases and rule.phases <= CONNECTING, rule.id


# -- helpers ------------------------------------------------------------------------------------


def probe(
    settings: Settings,
    password: str = PASSWORD,
    resolver: Callable[..., list[tuple]] | None = None,  # type: ignore[type-arg]
) -> ProbeResult:
    message = build_test_message(
        own_address=settings.recipient,
        forced_from=settings.from_address,
        subject="smtpgui test",
        body="It works.",
    )
    return SmtpProbe(settings, password, message, lambda event: None, resolver=resolver).run()


def everything(found: Diagnosis) -> str:
    return "\n".join((found.title, found.explanation, *found.steps, found.hint))


def assert_well_formed(found: Diagnosis) -> None:
    assert found.title and found.explanation
    assert found.steps or found.id == "cancelled"
    left = re.findall(r"\{(\w+)\}", everything(found))
    assert not set(left) & PLACEHOLDERS, left


def on_loopback(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
    """A resolver that answers every name with 127.0.0.1, so no DNS server is asked."""
    return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("127.0.0.1", port))]


def no_such_name(host: str, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def server_context(cert: trustme.LeafCert) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return context


@dataclass
class Answering(Recorder):
    """Recorder that refuses every login, or the message after DATA, with a reply of choice."""

    auth_reply: str = ""
    data_reply: str = ""

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
    ) -> AuthResult:
        if self.auth_reply:
            return AuthResult(success=False, handled=False, message=self.auth_reply)
        return super().authenticate(server, session, envelope, mechanism, auth_data)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self.data_reply or await super().handle_DATA(server, session, envelope)


def refused_login(lab: Lab, reply: str) -> ProbeResult:
    with smtp_server(lab.ca, "starttls", Answering(auth_reply=reply)) as server:
        return probe(settings_for(server.server, lab.ca_file))


def scripted(
    lab: Lab, replies: dict[str, str], auth: AuthMethod = AuthMethod.AUTO, **script: object
) -> ProbeResult:
    """STARTTLS to hostile_smtp's scripted server (AUTH PLAIN LOGIN), one second per step."""
    context = server_context(lab.ca.issue_cert("127.0.0.1"))
    with HostileServer(smtp_script(replies, context=context, **script)) as server:  # type: ignore[arg-type]
        settings = settings_for(f"tls://127.0.0.1:{server.port}", lab.ca_file, auth=auth)
        return probe(dataclasses.replace(settings, timeout=1.0))


def refused_without_login(lab: Lab, **replies: str) -> ProbeResult:
    """No login (Authentication None) at a server that offers one after STARTTLS."""
    with smtp_server(lab.ca, "starttls", Recorder(**replies)) as server:
        return probe(settings_for(server.server, lab.ca_file, auth=AuthMethod.NONE))


def refused_at(lab: Lab, **replies: str) -> ProbeResult:
    """Log in, then have MAIL FROM (reject_mail), RCPT TO (reject_rcpt) or DATA refused."""
    with smtp_server(lab.ca, "starttls", Answering(**replies)) as server:
        return probe(settings_for(server.server, lab.ca_file, from_address=FROM))


# -- reaching the server ------------------------------------------------------------------------


@produces("dns", "“smtp.example.invalid”")
def name_not_found(lab: Lab) -> ProbeResult:
    settings = settings_for("smtp.example.invalid", lab.ca_file)
    return probe(settings, resolver=no_such_name)


@produces("dns-timeout", "DNS")
def name_server_silent(lab: Lab) -> ProbeResult:
    released = threading.Event()

    def stuck(*args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        released.wait(10)
        return []

    try:
        return probe(settings_for("smtp.example.test", lab.ca_file, timeout=1.0), resolver=stuck)
    finally:
        released.set()


@produces("refused", "587", "465")
def nothing_listens(lab: Lab) -> ProbeResult:
    return probe(settings_for(f"127.0.0.1:{free_port()}", lab.ca_file))


@produces("unreachable", "Network is unreachable")
def no_route(lab: Lab) -> ProbeResult:
    # TCP never sends to a multicast address: the kernel refuses the connect at once with
    # ENETUNREACH, so nothing leaves this machine.
    def multicast(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ("224.0.0.1", port))]

    return probe(settings_for("smtp.example.test:25", lab.ca_file), resolver=multicast)


@produces("blocked", "587", "465", "port 25")
def firewall_drops_the_connection(lab: Lab) -> ProbeResult:
    with FullBacklogServer() as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file, timeout=1.0))


@produces("closed-before-greeting", "without a greeting")
def hangs_up_at_once(lab: Lab) -> ProbeResult:
    with HostileServer(hang_up) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("closed-after-greeting", "EHLO")
def hangs_up_after_greeting(lab: Lab) -> ProbeResult:
    with HostileServer(greet_then_hang_up) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


# -- security mode and TLS ----------------------------------------------------------------------


@produces("tls-wrong-mode", "STARTTLS with port 587", "SSL/TLS and use port 465")
def implicit_tls_against_starttls_port(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls") as server:
        return probe(settings_for(f"ssl://127.0.0.1:{server.port}", lab.ca_file))


@produces("tls-expected", "For port 465, choose SSL/TLS.", "For STARTTLS, use port 587.")
def starttls_against_implicit_tls_port(lab: Lab) -> ProbeResult:
    # The server waits for a TLS ClientHello; the client waits for a greeting: nobody speaks.
    with smtp_server(lab.ca, "tls") as server:
        return probe(settings_for(f"tls://127.0.0.1:{server.port}", lab.ca_file, timeout=1.0))


@produces("tls-expected", "For port 465, choose SSL/TLS.")
def no_encryption_against_implicit_tls_port(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "tls") as server:
        settings = settings_for(
            f"127.0.0.1:{server.port}", lab.ca_file, timeout=1.0, auth=AuthMethod.NONE
        )
        return probe(settings)


@produces("tls-outdated", "TLS 1.2")
def server_stuck_at_tls_1_1(lab: Lab) -> ProbeResult:
    context = server_context(lab.ca.issue_cert("127.0.0.1"))
    context.set_ciphers("DEFAULT:@SECLEVEL=0")  # let OpenSSL 3 offer TLS 1.1 at all
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # deprecated is the point
        context.minimum_version = ssl.TLSVersion.TLSv1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    with HostileServer(greet_then_wait, context) as server:
        return probe(settings_for(f"ssl://127.0.0.1:{server.port}", lab.ca_file))


@produces("tls", "The TLS handshake failed")
def hangs_up_on_the_client_hello(lab: Lab) -> ProbeResult:
    with HostileServer(read_then_hang_up) as server:
        return probe(settings_for(f"ssl://127.0.0.1:{server.port}", lab.ca_file))


@produces("no-starttls", "does not offer it")
def starttls_not_offered(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "plain") as server:
        return probe(settings_for(f"tls://127.0.0.1:{server.port}", lab.ca_file))


@produces("insecure-auth", "did not send it")
def login_offered_without_encryption(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "plain") as server:
        return probe(settings_for(server.server, lab.ca_file))


@produces("no-auth", "offers no login on this connection", "once the connection is encrypted")
def login_offered_only_after_starttls(lab: Lab) -> ProbeResult:
    # aiosmtpd (auth_require_tls) advertises AUTH only after STARTTLS, like most servers.
    with smtp_server(lab.ca, "starttls") as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, allow_insecure_auth=True)
        return probe(settings)


# -- certificates -------------------------------------------------------------------------------


def tls_server_with(
    lab: Lab, context: ssl.SSLContext, host: str = "127.0.0.1", trusting: str | None = None
) -> ProbeResult:
    """Implicit TLS to a server with `context`, trusting the test CA unless told otherwise."""
    ca_file = lab.ca_file if trusting is None else trusting
    with HostileServer(greet_then_wait, context) as server:
        settings = settings_for(f"ssl://{host}:{server.port}", ca_file)
        return probe(settings, resolver=on_loopback)


def self_signed_context(lab: Lab) -> ssl.SSLContext:
    # A CA's own certificate is self-signed: serve one nobody trusts as the server's.
    own = trustme.CA()
    pem = lab.tmp_path / "self-signed.pem"
    pem.write_bytes(own.private_key_pem.bytes() + own.cert_pem.bytes())
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pem)
    return context


@produces("cert-self-signed", "signed itself")
def self_signed_with_company_ca(lab: Lab) -> ProbeResult:
    return tls_server_with(lab, self_signed_context(lab))


@produces("cert-self-signed", "signed itself")
def self_signed_with_system_cas(lab: Lab) -> ProbeResult:
    return tls_server_with(lab, self_signed_context(lab), trusting="")  # system CAs


@produces("cert-unknown-ca", "does not trust", "CA certificate file")
def private_ca_not_chosen(lab: Lab) -> ProbeResult:
    # The server sends its certificate and the company's intermediate one; nobody trusts the root.
    with smtp_server(lab.ca.create_child_ca(), "starttls") as server:
        return probe(settings_for(server.server, ""))  # system CAs only


def leaf_only_context(lab: Lab) -> tuple[ssl.SSLContext, str]:
    """A server certificate from an intermediate CA, served without the intermediate one."""
    intermediate = lab.ca.create_child_ca()
    leaf = intermediate.issue_cert("127.0.0.1")
    pem = lab.tmp_path / "leaf-only.pem"
    pem.write_bytes(leaf.private_key_pem.bytes() + leaf.cert_chain_pems[0].bytes())
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pem)
    issuer = x509.load_pem_x509_certificate(intermediate.cert_pem.bytes()).subject
    return context, issuer.rfc4514_string()


AIA_URL = "http://ca.example.test/intermediate.der"


def leaf_with_aia_context(lab: Lab) -> ssl.SSLContext:
    """Like a public CA's: the leaf names where its issuer's certificate is published (AIA)."""
    intermediate = lab.ca.create_child_ca()
    issuer_key = serialization.load_pem_private_key(intermediate.private_key_pem.bytes(), None)
    issuer = x509.load_pem_x509_certificate(intermediate.cert_pem.bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    aia = x509.AuthorityInformationAccess(
        [
            x509.AccessDescription(
                AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(AIA_URL)
            )
        ]
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(issuer.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(aia, critical=False)
        .sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    pem = lab.tmp_path / "leaf-aia.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        + leaf.public_bytes(serialization.Encoding.PEM)
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pem)
    return context


@produces("cert-incomplete-chain", "sent only its own certificate", "administrator", "fullchain")
def intermediate_left_out_with_the_right_ca_file(lab: Lab) -> ProbeResult:
    context, issuer = leaf_only_context(lab)
    result = tls_server_with(lab, context)  # the CA file holds the root: it is right
    assert display_name(issuer) in result.detail
    return result


@produces("cert-unknown-ca", "does not trust")
def intermediate_left_out_by_a_tls_1_3_only_server(lab: Lab) -> ProbeResult:
    # TLS 1.3 encrypts the Certificate message: the count is unknown, so no claim is made.
    context, _ = leaf_only_context(lab)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    return tls_server_with(lab, context)


@produces("cert-incomplete-chain", AIA_URL, "does not fetch it")
def intermediate_left_out_by_a_public_style_certificate(lab: Lab) -> ProbeResult:
    result = tls_server_with(lab, leaf_with_aia_context(lab))
    assert result.certificate is not None and result.certificate.ca_issuers == (AIA_URL,)
    return result


@produces("cert-incomplete-chain", "sent only its own certificate", "root authority")
def intermediate_left_out_at_a_starttls_port(lab: Lab) -> ProbeResult:
    context, _ = leaf_only_context(lab)
    with HostileServer(smtp_script(context=context)) as server:
        return probe(settings_for(f"tls://127.0.0.1:{server.port}", ""))  # system CAs


@produces("cert-expired", "renewed")
def expired_certificate(lab: Lab) -> ProbeResult:
    now = datetime.datetime.now(datetime.UTC)
    cert = lab.ca.issue_cert(
        "127.0.0.1",
        not_before=now - datetime.timedelta(days=400),
        not_after=now - datetime.timedelta(days=1),
    )
    return tls_server_with(lab, server_context(cert))


@produces("cert-name-mismatch", "“smtp.example.test”", "smtp.office365.com")
def certificate_for_another_name(lab: Lab) -> ProbeResult:
    context = server_context(lab.ca.issue_cert("other.example.test"))
    return tls_server_with(lab, context, host="smtp.example.test")


@produces("certificate", "certificate is not yet valid", "date and time")
def certificate_not_yet_valid(lab: Lab) -> ProbeResult:
    now = datetime.datetime.now(datetime.UTC)
    cert = lab.ca.issue_cert(
        "127.0.0.1",
        not_before=now + datetime.timedelta(days=1),
        not_after=now + datetime.timedelta(days=400),
    )
    return tls_server_with(lab, server_context(cert))


@produces("cert-pin-changed", "pin it again", "fingerprint")
def pinned_certificate_replaced(lab: Lab) -> ProbeResult:
    context = server_context(lab.ca.issue_cert("127.0.0.1"))
    with HostileServer(greet_then_wait, context) as server:
        settings = settings_for(
            f"ssl://127.0.0.1:{server.port}", "", trust=TrustMode.PINNED, pinned_sha256="ab" * 32
        )
        return probe(settings)


@produces("ca-file", "PEM")
def ca_file_is_not_a_certificate(lab: Lab) -> ProbeResult:
    bad = lab.tmp_path / "not-a-ca.pem"
    bad.write_text("this is not a certificate\n")
    with HostileServer(say_nothing) as server:
        return probe(settings_for(f"ssl://127.0.0.1:{server.port}", str(bad)))


# -- login --------------------------------------------------------------------------------------

GMAIL_535 = (
    "535 5.7.8 Username and Password not accepted. For more information, go to "
    "https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-a8d2 - gsmtp"
)


@produces("must-starttls", "STARTTLS (port 587)")
def aiosmtpd_requires_starttls(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls", auth=False, require_starttls=True) as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, auth=AuthMethod.NONE)
        return probe(settings)  # 530 Must issue a STARTTLS command first


@produces("must-starttls", "530 5.7.0 Must issue a STARTTLS command first")
def postfix_requires_starttls(lab: Lab) -> ProbeResult:
    replies = {"MAIL": "530 5.7.0 Must issue a STARTTLS command first"}
    with HostileServer(answer(replies)) as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, auth=AuthMethod.NONE)
        return probe(settings)


@produces("must-starttls", "538 5.7.11")
def login_requires_encryption(lab: Lab) -> ProbeResult:
    # The admin allowed a login in the clear; the server offers PLAIN there, then refuses it
    # unencrypted (RFC 4954 §6: 538).
    reply = "538 5.7.11 Encryption required for requested authentication mechanism"
    with HostileServer(smtp_script({"AUTH": reply}, extensions=("AUTH PLAIN",))) as server:
        settings = settings_for(
            f"127.0.0.1:{server.port}",
            lab.ca_file,
            auth=AuthMethod.PLAIN,
            allow_insecure_auth=True,
        )
        return probe(settings)


@produces("no-auth", "offers no login on this connection")
def forced_method_before_starttls(lab: Lab) -> ProbeResult:
    # aiosmtpd offers AUTH only after STARTTLS: a forced PLAIN is not sent in the clear either.
    with smtp_server(lab.ca, "starttls") as server:
        settings = settings_for(
            f"127.0.0.1:{server.port}", lab.ca_file, auth=AuthMethod.PLAIN, allow_insecure_auth=True
        )
        return probe(settings)


@produces("auth-required", "530 5.7.0 Authentication required", "Automatic", "STARTTLS")
def login_required(lab: Lab) -> ProbeResult:
    # No encryption, so the server's AUTH (offered only after STARTTLS) was never seen.
    with smtp_server(lab.ca, "starttls", auth_required=True) as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, auth=AuthMethod.NONE)
        return probe(settings)


@produces("login-not-used", "530 5.7.0 Authentication required", "wants a login", "Automatic")
def submission_server_wants_a_login(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls", auth_required=True) as server:
        return probe(settings_for(server.server, lab.ca_file, auth=AuthMethod.NONE))


@produces("login-not-used", "554 5.7.1", "Access denied", "It offers a login (", "CRAM-MD5")
def access_denied_without_login(lab: Lab) -> ProbeResult:
    return refused_without_login(lab, reject_rcpt="554 5.7.1 <admin@example.test>: Access denied")


@produces("login-not-used", "550 5.7.1 Relaying denied", "Automatic")
def relaying_denied_without_login(lab: Lab) -> ProbeResult:
    return refused_without_login(lab, reject_rcpt="550 5.7.1 Relaying denied")


@produces("login-not-used", "Relay access denied", "wants a login")
def relay_access_denied_without_login(lab: Lab) -> ProbeResult:
    return refused_without_login(
        lab, reject_rcpt="554 5.7.1 <admin@example.test>: Relay access denied"
    )


@produces("ms-smtp-auth-disabled", "Authenticated SMTP", "security defaults")
def microsoft_smtp_auth_disabled_for_tenant(lab: Lab) -> ProbeResult:
    return refused_login(
        lab,
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the "
        "Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
    )


@produces("ms-smtp-auth-disabled", "Security defaults")
def microsoft_security_defaults(lab: Lab) -> ProbeResult:
    return refused_login(
        lab,
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's "
        "security defaults policy. Contact your administrator.",
    )


@produces("ms-basic-auth", "OAuth2", "relay service")
def microsoft_basic_auth_retired(lab: Lab) -> ProbeResult:
    return refused_login(
        lab, "550 5.7.30 Basic authentication is not supported for Client Submission."
    )


@produces(
    "mechanism-not-offered",
    "You chose LOGIN, but the server offers only CRAM-MD5",
    "Set Authentication to CRAM-MD5",
)
def only_cram_md5_offered(lab: Lab) -> ProbeResult:
    # aiosmtpd then offers only the Recorder's own CRAM-MD5 (Cyrus SASL set up the same way).
    excluded = ["LOGIN", "PLAIN"]
    with smtp_server(lab.ca, "starttls", auth_exclude_mechanism=excluded) as server:
        return probe(settings_for(server.server, lab.ca_file, auth=AuthMethod.LOGIN))


@produces("mechanism", "504 5.5.4", "Automatic")
def mechanism_refused_though_offered(lab: Lab) -> ProbeResult:
    reply = "504 5.5.4 Unrecognized authentication type"
    return scripted(lab, {"AUTH": reply}, AuthMethod.LOGIN, extensions=("AUTH LOGIN",))


@produces("mechanism", "Invalid authentication mechanism")
def postfix_mechanism_refused(lab: Lab) -> ProbeResult:
    return refused_login(
        lab, "535 5.7.8 Error: authentication failed: Invalid authentication mechanism"
    )


@produces("auth-failed-google", "app password", "2-Step Verification")
def gmail_bad_credentials(lab: Lab) -> ProbeResult:
    return refused_login(lab, GMAIL_535)


@produces("auth-failed-google", "app password")
def gmail_wants_an_app_password(lab: Lab) -> ProbeResult:
    return refused_login(
        lab,
        "534 5.7.9 Application-specific password required. Learn more at "
        "https://support.google.com/mail/?p=InvalidSecondFactor",
    )


@produces("auth-failed-microsoft", "535 5.7.3 Authentication unsuccessful", "Authenticated SMTP")
def microsoft_bad_credentials(lab: Lab) -> ProbeResult:
    return refused_login(
        lab, "535 5.7.3 Authentication unsuccessful [AM0PR01CA0123.eurprd01.prod.exchangelabs.com]"
    )


@produces("auth-failed", "535 5.7.8 Authentication credentials invalid", "app password")
def wrong_password(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls") as server:
        return probe(settings_for(server.server, lab.ca_file), password="not-the-password")


# -- try later ----------------------------------------------------------------------------------


@produces("busy", "421 4.3.2", "Wait a few minutes")
def server_shutting_down(lab: Lab) -> ProbeResult:
    with HostileServer(say(SHUTDOWN)) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("rate-limited", "421 4.7.0 Too many connections", "Wait 15 minutes", "longer")
def too_many_connections(lab: Lab) -> ProbeResult:
    with HostileServer(say("421 4.7.0 Too many connections from your IP, try later")) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("rate-limited", "Wait 10 minutes", "not greylisting")
def sending_rate_exceeded(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_rcpt="450 4.7.1 Rate limit exceeded, try again in 600 seconds")


@produces("temporary", "greylisting")
def greylisted(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_rcpt="451 4.7.1 Greylisted, please try again in 300 seconds")


@produces("rate-limited", "Too many login attempts", "Wait 15 minutes", "repeated tests")
def too_many_login_attempts(lab: Lab) -> ProbeResult:
    # A 4xx at AUTH is a "try later", even from Google: the 4xx rules come before the login ones.
    return refused_login(
        lab,
        "454 4.7.0 Too many login attempts, please try again later. "
        "https://support.google.com/mail/answer/7126229 - gsmtp",
    )


# -- sending ------------------------------------------------------------------------------------


@produces("no-smtputf8", "josé@example.test", "(é)", "jose@", "Detect")
def non_ascii_address_without_smtputf8(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls", enable_SMTPUTF8=False) as server:
        return probe(settings_for(server.server, lab.ca_file, recipient="josé@example.test"))


@produces("ms-send-as", "own address", "Send As", "relay service", "Delegation")
def microsoft_send_as_denied_after_data(lab: Lab) -> ProbeResult:
    return refused_at(
        lab,
        data_reply=(
            "554 5.2.252 SendAsDenied; alice@example.test not allowed to send as "
            "office@example.test; STOREDRV.Submission.Exception:SendAsDeniedException."
            "MapiExceptionSendAsDenied; Failed to process message due to a permanent exception"
        ),
    )


@produces("ms-send-as", "Send As")
def microsoft_send_as_denied_at_mail_from(lab: Lab) -> ProbeResult:
    return refused_at(
        lab, reject_mail="550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    )


@produces("sender-denied", "not about relaying", "own address", "Send As", "relay service")
def postfix_sender_not_owned(lab: Lab) -> ProbeResult:
    return refused_at(
        lab,
        reject_mail=(
            "553 5.7.1 <office@example.test>: Sender address rejected: not owned by user "
            "alice@example.test"
        ),
    )


@produces("sender-denied", "Send As")
def exchange_sender_not_permitted(lab: Lab) -> ProbeResult:
    return refused_at(
        lab, reject_mail="550 5.7.1 Client does not have permissions to send as this sender"
    )


@produces("relay-denied", "Relaying means", "Automatic")
def relay_access_denied(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_rcpt="554 5.7.1 <admin@example.test>: Relay access denied")


@produces("relay-denied", "Unable to relay")
def microsoft_unable_to_relay(lab: Lab) -> ProbeResult:
    return refused_at(
        lab, reject_rcpt="550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"
    )


@produces("mailbox-full", "552 5.2.2 Mailbox full")
def recipient_mailbox_full(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_rcpt="552 5.2.2 Mailbox full")


@produces("too-large", "552 Error: Too much mail data", "size limit")
def over_aiosmtpd_size_limit(lab: Lab) -> ProbeResult:
    with smtp_server(lab.ca, "starttls", data_size_limit=200) as server:
        return probe(settings_for(server.server, lab.ca_file))


@produces("too-large", "554 5.3.4 Message too big for system")
def message_too_big_for_system(lab: Lab) -> ProbeResult:
    return refused_at(lab, data_reply="554 5.3.4 Message too big for system")


@produces("policy", "550 5.7.1 Message rejected as spam by Content Filtering.")
def rejected_as_spam(lab: Lab) -> ProbeResult:
    return refused_at(lab, data_reply="550 5.7.1 Message rejected as spam by Content Filtering.")


@produces("policy", "blocked using zen.spamhaus.org")
def client_on_a_block_list(lab: Lab) -> ProbeResult:
    return refused_at(
        lab,
        reject_rcpt=(
            "554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using "
            "zen.spamhaus.org"
        ),
    )


@produces("sender-refused", "550 5.1.8 Bad sender address")
def sender_domain_unknown(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_mail="550 5.1.8 Bad sender address")


@produces("recipient-refused", "550 5.1.1 User unknown")
def recipient_unknown(lab: Lab) -> ProbeResult:
    return refused_at(lab, reject_rcpt="550 5.1.1 User unknown")


@produces("message-refused", "554 5.6.0 Message content rejected")
def content_rejected(lab: Lab) -> ProbeResult:
    return refused_at(lab, data_reply="554 5.6.0 Message content rejected")


# -- last resorts -------------------------------------------------------------------------------


@produces("cancelled", "Nothing was saved")
def cancelled_while_waiting(lab: Lab) -> ProbeResult:
    greeting = threading.Event()

    def on_event(event: object) -> None:
        if isinstance(event, PhaseChange) and event.phase is Phase.GREETING:
            greeting.set()

    with HostileServer(say_nothing) as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, timeout=30.0)
        running = SmtpProbe(settings, PASSWORD, None, on_event)
        results: list[ProbeResult] = []
        thread = threading.Thread(target=lambda: results.append(running.run()))
        thread.start()
        assert greeting.wait(5)
        running.cancel()
        thread.join(5)
    assert not thread.is_alive()
    return results[0]


@produces("unconfirmed", "may have been delivered", "inbox", "timed out")
def silent_after_the_final_dot(lab: Lab) -> ProbeResult:
    released = threading.Event()
    try:
        return scripted(lab, {}, hold={".": released})
    finally:
        released.set()


@produces("unconfirmed", "may have been delivered", "closed the connection")
def hangs_up_after_the_final_dot(lab: Lab) -> ProbeResult:
    return scripted(lab, {".": ""})


@produces("timeout", "GREETING", "use SSL/TLS with 465")
def silent_after_the_tls_handshake(lab: Lab) -> ProbeResult:
    context = server_context(lab.ca.issue_cert("127.0.0.1"))
    with HostileServer(say_nothing, context) as server:
        return probe(settings_for(f"ssl://127.0.0.1:{server.port}", lab.ca_file, timeout=1.0))


@produces("stalled", "during MAIL", "security mode are right")
def stuck_at_mail_from(lab: Lab) -> ProbeResult:
    released = threading.Event()
    try:
        return scripted(lab, {}, hold={"MAIL": released})
    finally:
        released.set()


@produces("stalled", "during EHLO", "raise the time limit")
def stuck_after_greeting(lab: Lab) -> ProbeResult:
    with HostileServer(greet_then_wait) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file, timeout=1.0))


@produces("closed", "STARTTLS")
def hangs_up_on_starttls(lab: Lab) -> ProbeResult:
    replies = {"EHLO": "250-smtp.test\r\n250 STARTTLS", "STARTTLS": ""}
    with HostileServer(answer(replies)) as server:
        return probe(settings_for(f"tls://127.0.0.1:{server.port}", lab.ca_file))


@produces("protocol", "HTTP/1.1 400 Bad Request")  # the whole line, not smtplib's cut
def web_server_on_the_port(lab: Lab) -> ProbeResult:
    with HostileServer(say("HTTP/1.1 400 Bad Request", "Connection: close", "")) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("protocol-later", "not an SMTP reply", "HTTP/1.1 400 Bad Request", "MAIL")
def garbage_at_mail_from(lab: Lab) -> ProbeResult:
    with HostileServer(answer({"MAIL": "HTTP/1.1 400 Bad Request"})) as server:
        settings = settings_for(f"127.0.0.1:{server.port}", lab.ca_file, auth=AuthMethod.NONE)
        return probe(settings)


@produces("protocol", "OpenSSH")
def ssh_server_on_the_port(lab: Lab) -> ProbeResult:
    with HostileServer(say("SSH-2.0-OpenSSH_9.6")) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("unknown", "EHLO", "554 5.5.0 Not today")
def greets_then_refuses_ehlo(lab: Lab) -> ProbeResult:
    replies = {"EHLO": "554 5.5.0 Not today", "HELO": "554 5.5.0 Not today"}
    with HostileServer(answer(replies)) as server:
        return probe(settings_for(f"127.0.0.1:{server.port}", lab.ca_file))


@produces("no-stored-password", "No password for these settings", "saved with")
def password_saved_for_another_server(lab: Lab) -> ProbeResult:
    saved = settings_for("smtp.example.com:587", lab.ca_file)
    SecretStore(saved=lambda: None).set(binding_of(saved, SecretKind.PASSWORD), PASSWORD)
    with smtp_server(lab.ca, "starttls") as server:
        job = Job(settings_for(server.server, lab.ca_file), None, False, "s", "b")
        result = JobRunner(job, lambda _event: None).run().result
        assert server.handler.envelopes == []
    return result


import tests.core.oauth_diagnosis_cases  # noqa: E402, F401  (its @produces join CASES)

# -- the table: after every @produces above, so CASES is complete ------------------------------


@pytest.mark.parametrize(("rule_id", "says", "how"), CASES)
def test_cause_is_diagnosed(lab: Lab, rule_id: str, says: tuple[str, ...], how: Produce):
    result = how(lab)
    found = diagnose(result)
    assert found is not None, result
    assert found.id == rule_id, (found, result)
    assert_well_formed(found)
    if result.phase not in CONNECTING:
        rule = matching_rule(result)
        assert not any(isinstance(text, ConnectAdvice) for text in rule.texts), rule.id
    shown = everything(found)
    for words in says:
        assert words in shown, (words, found)


def test_every_rule_is_produced_by_a_case():
    produced = {param.values[0] for param in CASES}  # type: ignore[attr-defined]
    assert produced == {rule.id for rule in RULES}


def test_the_readme_table_lists_every_diagnosis():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Diagnoses", 1)[1].split("\n## ", 1)[0]
    assert {rule.id for rule in RULES} <= set(re.findall(r"\(`([a-z0-9-]+)`\)", table))

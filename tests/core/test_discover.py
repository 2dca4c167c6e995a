"""Discovery against a DNS server, an HTTP server and SMTP servers on 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from smtpgui.core.discovery.autoconfig import parse_config
from smtpgui.core.discovery.findings import (
    DiscoverError,
    DiscoverOptions,
    Finding,
    Source,
    domain_of,
)
from smtpgui.core.discovery.run import Discovery, discover
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.providers.catalogue import AuthKind
from smtpgui.core.smtp.endpoint import Security
from tests.helpers.discovery import ADDRESS, CONFIG, no_network
from tests.helpers.dns_server import dns_server
from tests.helpers.servers import smtp_server


def only_smtp_host(host, port, *args, **kwargs):
    """getaddrinfo for the probes: smtp.example.test is 127.0.0.1; every other name is unknown."""
    if host != "smtp.example.test":
        raise socket.gaierror(socket.EAI_NONAME, "no such name (test)")
    return socket.getaddrinfo("127.0.0.1", port, *args, **kwargs)


def found(findings: list[Finding]) -> list[tuple[str, int, Security, Source]]:
    return [(f.host, f.port, f.security, f.source) for f in findings]


# -- catalogue and DNS -----------------------------------------------------------------------


def test_catalogue_by_domain_comes_first_and_dns_duplicates_go():
    records = {("_submissions._tcp.gmail.com", "SRV"): ["0 1 465 smtp.gmail.com."]}
    with dns_server(records) as dns:
        findings = discover(
            "Office@Gmail.com", resolver=dns.resolver(), address_resolver=no_network
        )
    assert found(findings) == [
        ("smtp.gmail.com", 465, Security.TLS, Source.CATALOGUE),
        ("smtp.gmail.com", 587, Security.STARTTLS, Source.CATALOGUE),
    ]
    assert findings[0].provider_id == "google"
    assert AuthKind.OAUTH2 in findings[0].auth
    assert findings[0].source_text == "catalogue: Gmail / Google Workspace, by the domain gmail.com"


def test_srv_records_in_priority_then_weight_order_and_dot_means_not_offered():
    records = {
        ("_submissions._tcp.example.test", "SRV"): [
            "10 5 465 backup.example.test.",
            "0 1 465 light.example.test.",
            "0 9 1465 heavy.example.test.",
            "0 0 0 noport.example.test.",  # untrusted answers: never a port 0 ...
            "0 0 465 bad_name.example.test.",  # ... nor a name that is no host name
        ],
        ("_submission._tcp.example.test", "SRV"): ["0 0 0 ."],  # RFC 6186: not offered
    }
    with dns_server(records) as dns:
        findings = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    assert found(findings) == [
        ("heavy.example.test", 1465, Security.TLS, Source.SRV_SUBMISSIONS),
        ("light.example.test", 465, Security.TLS, Source.SRV_SUBMISSIONS),
        ("backup.example.test", 465, Security.TLS, Source.SRV_SUBMISSIONS),
    ]
    assert findings[0].source_text == "DNS SRV record _submissions._tcp.example.test"
    assert ("_submission._tcp.example.test", "SRV") in dns.queries


def test_starttls_srv_record():
    records = {("_submission._tcp.example.test", "SRV"): ["0 0 587 mail.example.test."]}
    with dns_server(records) as dns:
        findings = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    assert found(findings) == [("mail.example.test", 587, Security.STARTTLS, Source.SRV_SUBMISSION)]


def test_mx_hosts_matched_against_the_catalogue_once_per_provider():
    records = {
        ("example.test", "MX"): [
            "10 alt1.aspmx.l.google.com.",
            "5 aspmx.l.google.com.",
            "20 mx.unknown.test.",
        ]
    }
    with dns_server(records) as dns:
        findings = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    assert found(findings) == [
        ("smtp.gmail.com", 465, Security.TLS, Source.MX),
        ("smtp.gmail.com", 587, Security.STARTTLS, Source.MX),
    ]
    assert findings[0].source_text == "DNS MX record aspmx.l.google.com → Gmail / Google Workspace"


def test_mx_of_a_regional_provider_names_the_region():
    records = {("example.test", "MX"): ["10 mx.zoho.eu."]}
    with dns_server(records) as dns:
        findings = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    # Both of Zoho's EU servers: smtppro is for paid custom-domain accounts.
    assert {f.host for f in findings} == {"smtp.zoho.eu", "smtppro.zoho.eu"}
    assert findings[0].provider_id == "zoho" and findings[0].host == "smtp.zoho.eu"


def test_microsoft_365_by_mx_suggests_oauth2_and_starttls():
    records = {("example.test", "MX"): ["0 example-test.mail.protection.outlook.com."]}
    with dns_server(records) as dns:
        (finding,) = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    assert (finding.host, finding.port, finding.security) == (
        "smtp.office365.com",
        587,
        Security.STARTTLS,
    )
    assert finding.auth[0] is AuthKind.OAUTH2


def test_nothing_known_and_no_guessing_finds_nothing():
    with dns_server({}) as dns:
        assert discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False) == []
    assert ("example.test", "MX") in dns.queries  # NXDOMAIN was asked and answered


def test_a_silent_dns_server_is_no_answer_within_the_time_limit():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        resolver = dns_resolver_at(silent.getsockname()[1])
        assert discover(ADDRESS, resolver=resolver, probe_guesses=False, timeout=0.3) == []


def dns_resolver_at(port: int):
    import dns.resolver

    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = port
    return resolver


# -- guesses -----------------------------------------------------------------------------------


def test_guessed_hosts_are_probed_in_parallel_when_nothing_else_is_known(ca, ca_file):
    with dns_server({}) as dns, smtp_server(ca, "starttls") as server:
        findings = discover(
            ADDRESS,
            resolver=dns.resolver(),
            guess_ports=[(server.port, Security.STARTTLS)],
            address_resolver=only_smtp_host,
            ca_file=ca_file,
            timeout=5.0,
        )
        envelopes = server.handler.envelopes
    assert found(findings) == [("smtp.example.test", server.port, Security.STARTTLS, Source.GUESS)]
    assert findings[0].auth_method is AuthMethod.PLAIN
    assert findings[0].source_text == "guess: smtp.example.test answered"
    assert envelopes == []  # Detect never sends mail


def test_guess_hosts_are_injectable_and_silence_means_nothing(ca_file):
    with dns_server({}) as dns:
        findings = discover(
            ADDRESS,
            resolver=dns.resolver(),
            guess_hosts=("mail.{domain}",),
            address_resolver=only_smtp_host,  # mail.example.test: no such name
            timeout=2.0,
        )
    assert findings == []


# -- autoconfig -------------------------------------------------------------------------------


@contextlib.contextmanager
def http_server(pages: dict[str, bytes]) -> Iterator[tuple[str, list[str]]]:
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body else 404)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def test_autoconfig_is_off_unless_asked(ca_file):
    with dns_server({}) as dns, http_server({}) as (base, asked):
        discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False, ispdb_url=base + "/x")
    assert asked == []


def test_autoconfig_falls_back_to_the_ispdb_and_reads_the_outgoing_servers():
    with dns_server({}) as dns, http_server({"/v1.1/example.test": CONFIG}) as (base, asked):
        findings = discover(
            ADDRESS,
            resolver=dns.resolver(),
            autoconfig=True,
            autoconfig_urls=(base + "/mail/config-v1.1.xml?emailaddress={address}",),
            ispdb_url=base + "/v1.1/{domain}",
            probe_guesses=False,
        )
    assert asked == [
        "/mail/config-v1.1.xml?emailaddress=alice@example.test",
        "/v1.1/example.test",
    ]
    assert found(findings) == [
        ("smtp.example.test", 465, Security.TLS, Source.ISPDB),
        ("smtp.example.test", 587, Security.STARTTLS, Source.ISPDB),
    ]
    assert findings[0].auth == (AuthKind.PASSWORD, AuthKind.OAUTH2)
    assert [f.username for f in findings] == ["alice@example.test", "alice"]
    assert findings[0].source_text == f"Thunderbird ISPDB: {base}/v1.1/example.test"


def test_autoconfig_with_a_dtd_or_not_a_config_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><clientConfig/>'
    with pytest.raises(ValueError, match="DTD"):
        parse_config(bomb, ADDRESS, Source.AUTOCONFIG, "u")
    with pytest.raises(ValueError, match="clientConfig"):
        parse_config(b"<html/>", ADDRESS, Source.AUTOCONFIG, "u")


# -- the address ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad", ["", "alice", "@example.test", "alice@", "alice@localhost", "a@b c.d"]
)
def test_an_invalid_address_is_refused(bad):
    with pytest.raises(DiscoverError):
        domain_of(bad)


def test_an_international_domain_is_looked_up_in_ascii():
    assert domain_of("José@Bücher.example") == "xn--bcher-kva.example"


# -- a run the window can follow and cancel ---------------------------------------------------


def test_each_finding_reaches_the_callback_as_its_source_answers():
    records = {("_submission._tcp.gmail.com", "SRV"): ["0 0 2587 relay.gmail.test."]}
    seen: list[Finding] = []
    with dns_server(records) as dns:
        run = Discovery("a@gmail.com", DiscoverOptions(resolver=dns.resolver()), seen.append)
        findings = run.run()
    assert seen == findings
    assert [f.source for f in findings] == [Source.CATALOGUE] * 2 + [Source.SRV_SUBMISSION]


def test_cancel_stops_the_guess_probes_at_once(silent_server):
    with dns_server({}) as dns:
        run = Discovery(
            ADDRESS,
            DiscoverOptions(
                resolver=dns.resolver(),
                guess_hosts=("smtp.{domain}",),
                guess_ports=[(silent_server.port, Security.STARTTLS)],
                address_resolver=only_smtp_host,
                timeout=60.0,
            ),
        )
        box: list[list[Finding]] = []
        thread = threading.Thread(target=lambda: box.append(run.run()))
        thread.start()
        assert silent_server.connected.wait(10)
        started = time.monotonic()
        run.cancel()
        thread.join(10)
    assert not thread.is_alive() and box == [[]]
    assert time.monotonic() - started < 5  # far below the 60 s the probe would wait


def test_cancel_before_run_asks_nothing_but_the_catalogue():
    with dns_server({}) as dns:
        run = Discovery("a@gmail.com", DiscoverOptions(resolver=dns.resolver()))
        run.cancel()
        findings = run.run()
    assert {f.source for f in findings} == {Source.CATALOGUE}
    assert dns.queries == []


def test_an_error_in_a_source_is_raised_not_swallowed():
    def broken_opener(url, timeout):
        raise RuntimeError("a bug")

    with dns_server({}) as dns, pytest.raises(RuntimeError, match="a bug"):
        discover(
            ADDRESS,
            resolver=dns.resolver(),
            autoconfig=True,
            http_opener=broken_opener,
            probe_guesses=False,
        )


def test_an_invalid_address_is_refused_before_anything_runs():
    with pytest.raises(DiscoverError):
        Discovery("no address")

"""The DNS part of discovery: submission SRV records, and MX hosts matched to the catalogue.

dnspython is imported here only, so the window starts without it.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import TYPE_CHECKING, Any

from smtpgui.core.discovery.findings import Finding, Source, provider_findings, server_host
from smtpgui.core.providers.catalogue import by_mx
from smtpgui.core.smtp.endpoint import Security

if TYPE_CHECKING:
    import dns.resolver

# RFC 8314 §5.1 names implicit TLS submission "_submissions"; RFC 6186 §3.1 names STARTTLS
# submission "_submission". Implicit TLS first, as RFC 8314 §3.3 prefers it.
SRV_SERVICES: tuple[tuple[str, Security, Source], ...] = (
    ("_submissions._tcp", Security.TLS, Source.SRV_SUBMISSIONS),
    ("_submission._tcp", Security.STARTTLS, Source.SRV_SUBMISSION),
)


def make_resolver(server: str = "") -> dns.resolver.Resolver:
    """The resolver that asks only `server` ("host", "host:port", "[v6]:port"), else the one
    the environment variable SMTPGUI_DNS_SERVER names, else the system's.

    Admins with split-horizon DNS choose the server that knows the office's own names
    (`--resolver`); a bad choice raises ResolverError with a sentence for the admin.
    """
    import dns.resolver

    server = (server or os.environ.get("SMTPGUI_DNS_SERVER", "")).strip()
    if not server:
        return dns.resolver.Resolver()
    host, port = parse_resolver(server)
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host]
    resolver.port = port
    return resolver


class ResolverError(ValueError):
    """The DNS server to ask is not an address (and its name cannot be looked up)."""


def parse_resolver(server: str) -> tuple[str, int]:
    """(IP address, port) of "host[:port]"; a host name is looked up once, here."""
    if server.startswith("["):
        host, _, rest = server[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif server.count(":") == 1:
        host, _, port_text = server.partition(":")
    else:
        host, port_text = server, ""
    if port_text and not (port_text.isdigit() and 0 < int(port_text) < 65536):
        raise ResolverError(f"{server!r}: the DNS server's port must be a number from 1 to 65535")
    return _ip_of(host, server), int(port_text or 53)


def _ip_of(host: str, server: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        return str(socket.getaddrinfo(host, 53, proto=socket.IPPROTO_UDP)[0][4][0])
    except (OSError, UnicodeError):
        raise ResolverError(f"{server!r}: no DNS server of that name was found") from None


def srv_findings(
    domain: str, resolver: dns.resolver.Resolver | None, timeout: float
) -> list[Finding]:
    findings = []
    for service, security, source in SRV_SERVICES:
        name = f"{service}.{domain}"
        records = _answer(resolver, name, "SRV", timeout)
        # RFC 2782: lowest priority first; among equals, the heavier weight is the more likely.
        for record in sorted(records, key=lambda r: (r.priority, -r.weight)):
            # RFC 6186 §3.1 / RFC 2782: a target of "." means not offered at this domain.
            target = server_host(record.target.to_text(omit_final_dot=True))
            if target is None or not 0 < record.port < 65536:
                continue
            findings.append(Finding(target, record.port, security, source, name))
    return findings


def mx_findings(
    domain: str, resolver: dns.resolver.Resolver | None, timeout: float
) -> list[Finding]:
    findings: list[Finding] = []
    matched: set[tuple[str, str]] = set()  # (provider, region): each once
    records = _answer(resolver, domain, "MX", timeout)
    for record in sorted(records, key=lambda r: r.preference):
        host = record.exchange.to_text(omit_final_dot=True).lower()
        match = by_mx(host)
        if match is None or (match.provider.id, match.region) in matched:
            continue
        matched.add((match.provider.id, match.region))
        findings += provider_findings(match, Source.MX, host)
    return findings


def _answer(
    resolver: dns.resolver.Resolver | None, name: str, rdtype: str, timeout: float
) -> list[Any]:
    """The records, or none when the name does not exist, has none, or nobody answers."""
    import dns.exception

    chosen = resolver or make_resolver()
    try:
        return list(chosen.resolve(name, rdtype, lifetime=timeout, search=False))
    except dns.exception.DNSException:  # NXDOMAIN, NoAnswer, NoNameservers, Timeout
        return []

"""The domain check: the From domain's SPF, DKIM and DMARC records, judged against the server.

checkdmarc parses and follows SPF (with RFC 7208 §4.6.4's limit of 10 lookups) and DMARC (with
the organisational domain of RFC 7489 §3.2); dnspython asks for the rest. Both are imported
when a check runs, on the worker, never when the window starts.
"""

from __future__ import annotations

import enum
import ipaddress
import re
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from smtpgui.core.deliverability.model import DomainReport, Finding, Record
from smtpgui.core.deliverability.verdicts import finding
from smtpgui.core.providers.catalogue import by_host

if TYPE_CHECKING:
    import dns.resolver

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# What checkdmarc says when the DNS failed (dnspython's words), not when a record is wrong.
_DNS_FAILED = re.compile(r"timed out|lifetime expired|no nameservers|servfail|refused", re.I)
_NOT_FOUND = re.compile(r"does not exist", re.I)
# checkdmarc's first import parses the public suffix list (publicsuffixlist: some 60 ms in one
# Python loop) and builds its SPF and DMARC grammars. At CPython's switch interval of 5 ms that
# kept the window's thread from the GIL for 40 ms at a time during a process's first Test; with
# 0.5 ms turns for this import alone, under 20 ms (issue 20). The interval is set back as soon
# as checkdmarc is loaded. Not for dnspython's import, which runs beside the SMTP test: short
# turns there cut the window's own slots into pieces, and the longest stall grew.
_IMPORT_TURN = 0.0005
_importing = threading.Lock()


class DomainCheckError(ValueError):
    """The address has no domain that can be looked up."""


@dataclass(frozen=True)
class Sender:
    """The server the mail goes through, as SPF and DKIM see it."""

    host: str
    provider_id: str = ""
    provider_name: str = ""
    spf_include: str = ""  # from the catalogue
    selectors: tuple[str, ...] = ()
    addresses: tuple[IpAddress, ...] = ()  # the server's own addresses, when not a provider

    @property
    def mechanism(self) -> str:
        """The SPF mechanism that allows this server ("" when unknown)."""
        if self.spf_include:
            return f"include:{self.spf_include}"
        if not self.addresses:
            return ""
        if _is_ip(self.host):
            return f"ip{self.addresses[0].version}:{self.addresses[0]}"
        return f"a:{self.host}"


def check_domain(
    address: str, server_host: str = "", *, dns_server: str = "", timeout: float = 5.0
) -> DomainReport:
    """Judge the domain of `address` against `server_host`; `dns_server` is "host[:port]"."""
    started = time.monotonic()
    domain = from_domain(address)
    resolver = _resolver(dns_server, timeout)
    _load_checkdmarc()
    _forget_cached_answers()
    sender = sender_of(server_host, resolver)
    spf, spf_allows = _spf(domain, sender, resolver)
    if spf.verdict == "dns-failed":  # the DNS server is away: one time limit, not ten
        findings = tuple(replace(spf, record=record) for record in Record)
    else:
        dkim, dkim_signs = _dkim(domain, sender, resolver)
        findings = (spf, dkim, _dmarc(domain, resolver, _aligned(spf_allows, dkim_signs)))
    return DomainReport(
        address=address,
        domain=domain,
        server=server_host,
        provider=sender.provider_id,
        findings=findings,
        elapsed_ms=round((time.monotonic() - started) * 1000),
    )


def from_domain(address: str) -> str:
    """The domain of an address, in the ASCII form DNS uses."""
    local, at, domain = address.strip().rpartition("@")
    domain = domain.strip().rstrip(".").lower()
    if not at or not local or not domain or any(c.isspace() or ord(c) < 32 for c in domain):
        raise DomainCheckError(f"{address!r} is not an e-mail address (name@domain)")
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise DomainCheckError(f"{domain!r} is not a valid domain name") from None


def sender_of(server_host: str, resolver: dns.resolver.Resolver) -> Sender:
    """The provider of this submission server, else the server's own addresses."""
    host = server_host.strip().strip("[]").rstrip(".").lower()
    match = by_host(host) if host else None
    if match is not None:
        entry = match.provider
        return Sender(host, entry.id, entry.name, entry.spf_include, entry.dkim_selectors)
    return Sender(host, addresses=tuple(_addresses(host, resolver)))


def _resolver(dns_server: str, timeout: float) -> dns.resolver.Resolver:
    from smtpgui.core.discovery.dns_records import make_resolver

    resolver = make_resolver(dns_server)
    resolver.timeout = resolver.lifetime = timeout  # checkdmarc's own timeout is per try
    return resolver


def _load_checkdmarc() -> None:
    """Import checkdmarc, once per process, in short turns of the GIL (_IMPORT_TURN); the
    functions below import it where they use it."""
    if "checkdmarc.dmarc" in sys.modules:
        return
    with _importing:
        before = sys.getswitchinterval()
        sys.setswitchinterval(min(before, _IMPORT_TURN))
        try:
            import checkdmarc.dmarc
            import checkdmarc.spf
            import checkdmarc.utils  # noqa: F401
        finally:
            sys.setswitchinterval(before)


def _forget_cached_answers() -> None:
    """checkdmarc keeps answers for hours, per name, whatever the resolver: an admin who just
    fixed a record, or who asks another DNS server (split horizon), must see the answer now."""
    import checkdmarc.utils

    checkdmarc.utils.DNS_CACHE.clear()


class Alignment(enum.Enum):
    """Whether a mail From the domain through the server passes DMARC (RFC 7489 §4.2)."""

    PASSES = "passes"  # SPF or DKIM vouches for the server
    FAILS = "fails"  # neither does
    NEEDS_DKIM = "needs-dkim"  # SPF does not; the server's DKIM signing cannot be seen
    UNKNOWN = "unknown"


def _aligned(spf_allows: bool | None, dkim_signs: bool | None) -> Alignment:
    if spf_allows or dkim_signs:
        return Alignment.PASSES
    if spf_allows is False and dkim_signs is False:
        return Alignment.FAILS
    return Alignment.NEEDS_DKIM if spf_allows is False else Alignment.UNKNOWN


# -- SPF ---------------------------------------------------------------------------------------


def _spf(domain: str, sender: Sender, resolver: Any) -> tuple[Finding, bool | None]:
    """The SPF finding, and whether SPF allows the server (None: cannot tell)."""
    import checkdmarc.spf

    result = checkdmarc.spf.check_spf(domain, resolver=resolver, timeout=resolver.lifetime)
    record = result.get("record") or ""
    error = str(result.get("error") or "")
    mechanism = sender.mechanism
    if _DNS_FAILED.search(error):
        return finding(Record.SPF, "dns-failed", domain=domain, detail=error), None
    if not record and (not error or _NOT_FOUND.search(error)):
        publish = f"v=spf1 {mechanism} ~all" if mechanism else ""
        return finding(Record.SPF, "spf-missing", publish=publish, domain=domain), False
    if not result.get("valid"):
        return finding(Record.SPF, "spf-invalid", found=record, domain=domain, detail=error), False
    if not mechanism:
        return finding(Record.SPF, "spf-unknown-sender", found=record, domain=domain), None
    if _allows(result.get("parsed") or {}, sender, resolver):
        return finding(Record.SPF, "spf-good", found=record, domain=domain, sender=mechanism), True
    publish = with_mechanism(record, mechanism)
    verdict = finding(
        Record.SPF,
        "spf-sender-missing",
        publish=publish,
        found=record,
        domain=domain,
        sender=mechanism,
    )
    return verdict, False


def with_mechanism(record: str, mechanism: str) -> str:
    """The SPF record with `mechanism` added before its final "all" or redirect."""
    terms = record.split()
    at = next(
        (
            i
            for i, t in enumerate(terms)
            if t.lstrip("+-~?").lower() == "all" or t.lower().startswith("redirect=")
        ),
        len(terms),
    )
    return " ".join([*terms[:at], mechanism, *terms[at:]])


def _allows(parsed: dict[str, Any], sender: Sender, resolver: Any) -> bool:
    mechanisms = list(_mechanisms(parsed))
    if sender.spf_include:
        return any(
            kind in ("include", "redirect") and value.lower().rstrip(".") == sender.spf_include
            for kind, value in mechanisms
        )
    return any(_covers(kind, value, sender, resolver) for kind, value in mechanisms)


def _mechanisms(parsed: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every (mechanism, value) of the record and of the records it includes, depth first."""
    for item in parsed.get("mechanisms") or []:
        yield str(item.get("mechanism", "")), str(item.get("value") or "")
        yield from _mechanisms(item.get("parsed") or {})
    redirect = parsed.get("redirect")
    if isinstance(redirect, dict):
        yield "redirect", str(redirect.get("domain") or redirect.get("value") or "")
        yield from _mechanisms(redirect.get("parsed") or {})


def _covers(kind: str, value: str, sender: Sender, resolver: Any) -> bool:
    """Whether an ip4/ip6/a mechanism names one of the server's own addresses."""
    if kind in ("ip4", "ip6"):
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            return False
        return any(address in network for address in sender.addresses)
    if kind == "a" and value:
        name = value.split("/")[0]
        return bool(set(_addresses(name, resolver)) & set(sender.addresses))
    return False


# -- DKIM --------------------------------------------------------------------------------------


def _dkim(domain: str, sender: Sender, resolver: Any) -> tuple[Finding, bool | None]:
    if not sender.selectors:
        return finding(Record.DKIM, "dkim-unknown", domain=domain), None
    names = [f"{selector}._domainkey.{domain}" for selector in sender.selectors]
    published = [name for name in names if _published(name, resolver)]
    values = {"domain": domain, "provider": sender.provider_name}
    if published:
        found = ", ".join(published)
        return finding(Record.DKIM, "dkim-good", found=found, selectors=found, **values), True
    selectors = ", ".join(sender.selectors)
    publish = ", ".join(names)
    return finding(
        Record.DKIM, "dkim-missing", publish=publish, selectors=selectors, **values
    ), False


def _published(name: str, resolver: Any) -> bool:
    """A DKIM key as a TXT record, or a CNAME to the provider's (Microsoft 365, SendGrid)."""
    return bool(_answer(resolver, name, "TXT") or _answer(resolver, name, "CNAME"))


# -- DMARC -------------------------------------------------------------------------------------


def _dmarc(domain: str, resolver: Any, aligned: Alignment) -> Finding:
    import checkdmarc.dmarc

    result: dict[str, Any] = dict(
        checkdmarc.dmarc.check_dmarc(domain, resolver=resolver, timeout=resolver.lifetime)
    )
    record = str(result.get("record") or "")
    error = str(result.get("error") or "")
    if _DNS_FAILED.search(error):
        return finding(Record.DMARC, "dns-failed", domain=domain, detail=error)
    if not record:
        return finding(Record.DMARC, "dmarc-missing", publish="v=DMARC1; p=none", domain=domain)
    if not result.get("valid"):
        return finding(Record.DMARC, "dmarc-invalid", found=record, domain=domain, detail=error)
    policy = _policy(result, domain)
    return finding(
        Record.DMARC, _dmarc_verdict(policy, aligned), found=record, domain=domain, policy=policy
    )


def _dmarc_verdict(policy: str, aligned: Alignment) -> str:
    if aligned is Alignment.PASSES:
        return "dmarc-good"
    enforced = policy in ("reject", "quarantine")
    if aligned is Alignment.NEEDS_DKIM and enforced:
        return "dmarc-needs-dkim"
    if aligned is not Alignment.FAILS:
        return "dmarc-unknown"
    misaligned = {"reject": "dmarc-reject-misaligned", "quarantine": "dmarc-quarantine-misaligned"}
    return misaligned.get(policy, "dmarc-none-misaligned")


def _policy(result: dict[str, Any], domain: str) -> str:
    """p=, or sp= when the record is the organisational domain's (RFC 7489 §6.6.3)."""
    tags = result.get("tags") or {}
    location = str(result.get("location") or domain).lower()
    key = "sp" if location != domain and "sp" in tags else "p"
    return str((tags.get(key) or {}).get("value") or "none").lower()


# -- DNS ---------------------------------------------------------------------------------------


def _addresses(host: str, resolver: Any) -> Iterator[IpAddress]:
    if not host:
        return
    if _is_ip(host):
        yield ipaddress.ip_address(host)
        return
    for kind in ("A", "AAAA"):
        for record in _answer(resolver, host, kind):
            yield ipaddress.ip_address(record.to_text())


def _answer(resolver: Any, name: str, rdtype: str) -> list[Any]:
    import dns.exception

    try:
        return list(resolver.resolve(name, rdtype, search=False))
    except dns.exception.DNSException:  # NXDOMAIN, NoAnswer, NoNameservers, Timeout
        return []


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True

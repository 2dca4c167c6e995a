"""What discovery finds: a Finding per suggested server, and where it came from.

Discovery (run.py) asks the catalogue, DNS, autoconfig, then guesses. Every answer is a Finding
that says where it came from; nothing is applied here. The admin chooses one, and the normal test
checks it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.discovery.detect import DETECT_PORTS
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.providers.catalogue import AuthKind, Match, UsernameRule, by_domain, provider
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    import dns.resolver

    from smtpgui.core.smtp.connection import Resolver

__all__ = [
    "AUTOCONFIG_URLS",
    "GUESS_HOSTS",
    "ISPDB_URL",
    "DiscoverError",
    "DiscoverOptions",
    "Finding",
    "HttpOpener",
    "Source",
    "domain_of",
]

# Thunderbird's lookup order: the domain's own autoconfig server, then its well-known path.
AUTOCONFIG_URLS: tuple[str, ...] = (
    "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={address}",
    "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
)
ISPDB_URL = "https://autoconfig.thunderbird.net/v1.1/{domain}"
GUESS_HOSTS: tuple[str, ...] = ("smtp.{domain}", "mail.{domain}")

# (url, timeout) -> (the URL that answered, after any redirect; the body); raises OSError
HttpOpener = Callable[[str, float], tuple[str, bytes]]


class DiscoverError(ValueError):
    """The address cannot be looked up (no @, no domain, a domain that is not a host name)."""


class Source(enum.StrEnum):
    CATALOGUE = "catalogue"
    SRV_SUBMISSIONS = "srv-submissions"  # RFC 8314 §5.1: implicit TLS
    SRV_SUBMISSION = "srv-submission"  # RFC 6186 §3.1: STARTTLS
    MX = "mx"
    AUTOCONFIG = "autoconfig"
    ISPDB = "ispdb"
    GUESS = "guess"


@dataclass(frozen=True)
class Finding:
    """One suggested server and where it came from.

    `detail` is what the source looked at: the domain, the SRV or MX name, the URL, or the
    guessed host. `auth` lists the secrets the provider accepts (from the catalogue or
    autoconfig); `auth_method` is what a probe saw the server offer (guesses only).
    """

    host: str
    port: int
    security: Security
    source: Source
    detail: str
    provider_id: str = ""
    auth: tuple[AuthKind, ...] = ()
    auth_method: AuthMethod | None = None
    username: str = ""
    outside: str = ""  # the address's domain, when the server is outside it and the catalogue

    @property
    def source_text(self) -> Text:
        name = provider(self.provider_id).name if self.provider_id else ""
        return Text("Discover", _SOURCE_TEMPLATES[self.source], detail=self.detail, name=name)

    @property
    def warning(self) -> Text | None:
        """RFC 6186 §6: a server outside the domain, named by DNS or the web, may be an
        attacker's; the admin hears so before using it."""
        if not self.outside:
            return None
        return Text(
            "Discover",
            QT_TRANSLATE_NOOP(
                "Discover",
                "Caution: {host} is outside {domain} and is no known provider's server. Use it "
                "only if your mail provider confirms it.",
            ),
            host=self.host,
            domain=self.outside,
        )


def outside_of(finding: Finding, domain: str) -> bool:
    """True when the finding's server is neither in `domain` (ASCII) nor in the catalogue."""
    from smtpgui.core.providers.catalogue import by_host
    from smtpgui.core.smtp.endpoint import Endpoint, EndpointError

    if finding.source is Source.CATALOGUE or finding.provider_id:
        return False
    try:
        host = Endpoint(finding.security, finding.host, finding.port).ascii_host.lower()
    except (EndpointError, UnicodeError):
        return True
    host = host.rstrip(".")
    if host == domain or host.endswith("." + domain):
        return False
    return by_host(host) is None


_SOURCE_TEMPLATES = {
    Source.CATALOGUE: QT_TRANSLATE_NOOP("Discover", "catalogue: {name}, by the domain {detail}"),
    Source.SRV_SUBMISSIONS: QT_TRANSLATE_NOOP("Discover", "DNS SRV record {detail}"),
    Source.SRV_SUBMISSION: QT_TRANSLATE_NOOP("Discover", "DNS SRV record {detail}"),
    Source.MX: QT_TRANSLATE_NOOP("Discover", "DNS MX record {detail} → {name}"),
    Source.AUTOCONFIG: QT_TRANSLATE_NOOP("Discover", "autoconfig: {detail}"),
    Source.ISPDB: QT_TRANSLATE_NOOP("Discover", "Thunderbird ISPDB: {detail}"),
    Source.GUESS: QT_TRANSLATE_NOOP("Discover", "guess: {detail} answered"),
}


@dataclass(frozen=True)
class DiscoverOptions:
    """Where discovery may look. The defaults ask the system's DNS and probe the guesses.

    `resolver` is the dnspython resolver (the system's when None). Autoconfig asks web
    servers about the domain, so it is off unless asked for. `guess_hosts` are templates with
    {domain}; `address_resolver` replaces getaddrinfo for the probes (tests map names to
    127.0.0.1). `timeout` bounds each DNS lookup, each web request and each probe step.
    """

    resolver: dns.resolver.Resolver | None = None
    autoconfig: bool = False
    autoconfig_urls: Sequence[str] = AUTOCONFIG_URLS
    ispdb_url: str = ISPDB_URL
    http_opener: HttpOpener | None = None
    probe_guesses: bool = True
    guess_hosts: Sequence[str] = GUESS_HOSTS
    guess_ports: Sequence[tuple[int, Security]] = DETECT_PORTS
    address_resolver: Resolver | None = None
    ca_file: str = ""
    timeout: float = 10.0


def domain_of(address: str) -> str:
    """The address's domain in ASCII (IDNA), lower case; DiscoverError if there is none."""
    local, at, domain = address.strip().rpartition("@")
    domain = domain.strip().rstrip(".").lower()
    if not at or not local or "." not in domain or any(c.isspace() for c in domain):
        raise DiscoverError(f"{address!r} is not an e-mail address (name@domain.example)")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise DiscoverError(f"{domain!r} is not a valid domain name") from None
    if not all(label and len(label) < 64 for label in ascii_domain.split(".")):
        raise DiscoverError(f"{domain!r} is not a valid domain name")
    return ascii_domain


def server_host(name: str) -> str | None:
    """`name` as a valid server name (lower case), or None: DNS and web answers are untrusted."""
    from smtpgui.core.smtp.endpoint import EndpointError, parse_entries

    try:
        entries = parse_entries(name)
    except EndpointError:
        return None
    if len(entries) != 1 or entries[0].security is not None or entries[0].port is not None:
        return None  # "a;b", "ssl://a" or "a:25" is not a host name
    return entries[0].host


def catalogue_findings(domain: str) -> list[Finding]:
    match = by_domain(domain)
    return provider_findings(match, Source.CATALOGUE, domain) if match else []


def provider_findings(match: Match, source: Source, detail: str) -> list[Finding]:
    entry = match.provider
    username = entry.username if entry.username_rule is UsernameRule.FIXED else ""
    return [
        Finding(
            server.host,
            server.port,
            server.security,
            source,
            detail,
            provider_id=entry.id,
            auth=entry.auth,
            username=username,
        )
        for server in match.servers
    ]

"""The provider catalogue's data model: what providers.json says about one mail service."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from smtpgui.core.smtp.endpoint import Security

REGION = "{region}"


class AuthKind(enum.StrEnum):
    """What the provider accepts as the secret of an SMTP login."""

    PASSWORD = "password"  # the account's own password
    APP_PASSWORD = "app-password"  # a separate password made in the account (2-Step on)
    API_KEY = "api-key"  # a key or token made in the service's dashboard
    OAUTH2 = "oauth2"  # XOAUTH2 / OAUTHBEARER (RFC 7628) with a token


class UsernameRule(enum.StrEnum):
    ADDRESS = "address"  # the full e-mail address
    FIXED = "fixed"  # a literal user name, in Provider.username (SendGrid: "apikey")
    SERVICE = "service"  # the SMTP user name the service's dashboard shows
    API_TOKEN = "api-token"  # the API token is both user name and password (Postmark)


class FromRule(enum.StrEnum):
    OWN_OR_ALIAS = "own-or-alias"  # other From addresses are rewritten to the account's
    OWN_ADDRESS = "own-address"  # other From addresses are refused (Outlook.com: 5.2.252)
    SEND_AS = "send-as"  # another From needs the Send As (or Send on Behalf) permission
    VERIFIED_SENDER = "verified-sender"  # From must be a verified sender or domain


@dataclass(frozen=True)
class Server:
    host: str  # may hold "{region}"
    port: int
    security: Security


@dataclass(frozen=True)
class OAuth2:
    """Endpoints may hold "{tenant}" (Microsoft); `tenant` is the default to fill in."""

    authorization_endpoint: str
    token_endpoint: str
    device_endpoint: str  # "" when the provider has no device flow for this scope
    scopes: tuple[str, ...]
    tenant: str = ""
    # What a token also needs to read the mailbox over IMAP (the arrival check); not asked at
    # sign-in, so that sending mail never asks the user to consent to mailbox reading.
    imap_scopes: tuple[str, ...] = ()

    def url(self, endpoint: str, tenant: str = "") -> str:
        return endpoint.replace("{tenant}", tenant or self.tenant)


@dataclass(frozen=True)
class HelpLink:
    topic: str  # settings, app-password, oauth2, credentials
    url: str


@dataclass(frozen=True)
class Provider:
    """One service. `regions` are the names the admin picks from; `region_fills` (same
    order) what each puts in place of "{region}" ("" for Mailgun's US, "eu." for its EU)."""

    id: str
    name: str
    domains: tuple[str, ...]
    mx_suffixes: tuple[str, ...]  # may hold "{region}"
    servers: tuple[Server, ...]  # preferred first
    regions: tuple[str, ...]  # empty unless hosts hold "{region}"
    auth: tuple[AuthKind, ...]
    oauth2: OAuth2 | None
    username_rule: UsernameRule
    username: str
    from_rule: FromRule | None  # None: not known
    help: tuple[HelpLink, ...]
    region_fills: tuple[str, ...] = ()
    password_retiring: bool = False  # the provider is turning password (Basic) login off
    # The domain check: what a customer domain's SPF record includes to let this provider send
    # for it ("" when unknown), and the DKIM selectors the provider signs with under that
    # domain (empty when each account chooses its own).
    spf_include: str = ""
    dkim_selectors: tuple[str, ...] = ()
    # The provider's published sending rate for one account (None: none published); a batch
    # paces itself by it instead of being throttled (core/smtp/batch.py).
    messages_per_minute: int | None = None
    # The mailbox's IMAP server as the provider publishes it (None: none published, or the
    # service has no mailboxes): where the arrival check looks for the test message.
    imap: Server | None = None

    def fill(self, template: str, region: str = "") -> str:
        """`template` with the region filled in (the first region when none is given)."""
        if not self.regions:
            return template
        index = self.regions.index(region) if region in self.regions else 0
        return template.replace(REGION, self.region_fills[index])

    def servers_in(self, region: str = "") -> tuple[Server, ...]:
        """The servers with the region filled in (the first region when none is given)."""
        return tuple(Server(self.fill(s.host, region), s.port, s.security) for s in self.servers)

    def links(self, *topics: str) -> tuple[HelpLink, ...]:
        """The help pages on these topics, in the order asked."""
        return tuple(link for topic in topics for link in self.help if link.topic == topic)


@dataclass(frozen=True)
class Match:
    provider: Provider
    region: str = ""

    @property
    def servers(self) -> tuple[Server, ...]:
        return self.provider.servers_in(self.region)

    @property
    def imap(self) -> Server | None:
        """The provider's IMAP server with the region filled in (None: none published)."""
        imap = self.provider.imap
        if imap is None:
            return None
        return Server(self.provider.fill(imap.host, self.region), imap.port, imap.security)

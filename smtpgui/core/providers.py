"""The provider catalogue: well-known mail services and their submission settings, from data.

The facts live in providers.json (versioned, shipped as package data) so that a new provider
or a changed host name is a data change. Words for the admin are not in the file: it holds
rule names, and `rule_text()` turns them into marked, translatable text.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smtpgui.core.endpoint import Security
from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text

__all__ = [
    "AuthKind",
    "FromRule",
    "HelpLink",
    "Match",
    "OAuth2",
    "Provider",
    "ProviderFileError",
    "Server",
    "UsernameRule",
    "by_domain",
    "by_host",
    "by_mx",
    "load_providers",
    "parse_providers",
    "provider",
    "rule_text",
]

VERSION = 1
REGION = "{region}"


class ProviderFileError(ValueError):
    """providers.json is missing, not JSON, or does not follow the schema."""


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


# -- reading the file --------------------------------------------------------------------------


@functools.cache
def load_providers() -> tuple[Provider, ...]:
    """The shipped catalogue, read once; ProviderFileError if it is broken."""
    # Beside this module first: importlib.resources costs the window 4 ms of start-up.
    try:
        text = Path(__file__).with_name("providers.json").read_text("utf-8")
    except OSError:
        from importlib import resources  # (a zip or other loader)

        try:
            text = resources.files("smtpgui.core").joinpath("providers.json").read_text("utf-8")
        except OSError as exc:
            raise ProviderFileError(f"providers.json cannot be read: {exc}") from exc
    return parse_providers(text)


def parse_providers(text: str) -> tuple[Provider, ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProviderFileError(f"providers.json is not valid JSON: {exc}") from exc
    root = _Reader(data, "providers.json")
    if root.get("version", int) != VERSION:
        raise ProviderFileError(f"providers.json: version must be {VERSION}")
    providers = tuple(_provider(_Reader(p, "provider")) for p in root.get("providers", list))
    ids = [p.id for p in providers]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ProviderFileError(f"providers.json: duplicate id {', '.join(duplicates)}")
    return providers


class _Reader:
    """One JSON object, with checked access and errors that name where the problem is."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ProviderFileError(f"providers.json: {where} must be an object")
        self.data: dict[str, Any] = data
        self.where = where

    def get(self, key: str, kind: type, default: object = None) -> Any:
        value = self.data.get(key, default)
        if value is None or not isinstance(value, kind) or isinstance(value, bool):
            raise ProviderFileError(
                f"providers.json: {self.where}: {key!r} must be a {kind.__name__}"
            )
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        if not all(isinstance(v, str) and v for v in values):
            raise ProviderFileError(f"providers.json: {self.where}: {key!r} must list strings")
        return tuple(values)

    def choice(self, key: str, enum_type: Callable[[str], Any], default: str = "") -> Any:
        value = self.get(key, str, default)
        try:
            return enum_type(value)
        except ValueError:
            raise ProviderFileError(
                f"providers.json: {self.where}: {key!r} cannot be {value!r}"
            ) from None


def _provider(raw: _Reader) -> Provider:
    raw.where = f"provider {raw.get('id', str)!r}"
    servers = tuple(_server(_Reader(s, raw.where)) for s in raw.get("servers", list))
    regions, fills = _regions(raw)
    if not servers:
        raise ProviderFileError(f"providers.json: {raw.where}: no servers")
    if any(REGION in s.host for s in servers) != bool(regions):
        raise ProviderFileError(f"providers.json: {raw.where}: {{region}} needs 'regions'")
    oauth = raw.data.get("oauth2")
    from_rule = raw.get("from_rule", str, "")
    return Provider(
        id=raw.get("id", str),
        name=raw.get("name", str),
        domains=tuple(d.lower() for d in raw.strings("domains")),
        mx_suffixes=tuple(s.lower().rstrip(".") for s in raw.strings("mx_suffixes")),
        servers=servers,
        regions=regions,
        auth=tuple(
            _Reader({"auth": a}, raw.where).choice("auth", AuthKind) for a in raw.strings("auth")
        ),
        oauth2=_oauth2(_Reader(oauth, f"{raw.where} oauth2")) if oauth is not None else None,
        username_rule=raw.choice("username_rule", UsernameRule),
        username=raw.get("username", str, ""),
        from_rule=raw.choice("from_rule", FromRule) if from_rule else None,
        help=tuple(
            HelpLink(link.get("topic", str), link.get("url", str))
            for link in (_Reader(h, f"{raw.where} help") for h in raw.get("help", list, []))
        ),
        region_fills=fills,
        password_retiring=_flag(raw, "password_retiring"),
    )


def _flag(raw: _Reader, key: str) -> bool:
    value = raw.data.get(key, False)
    if not isinstance(value, bool):
        raise ProviderFileError(f"providers.json: {raw.where}: {key!r} must be true or false")
    return value


def _regions(raw: _Reader) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names and fills: "eu" fills in itself; {"name": "EU", "fill": "eu."} names its fill."""
    names: list[str] = []
    fills: list[str] = []
    for item in raw.get("regions", list, []):
        if isinstance(item, str) and item:
            names.append(item)
            fills.append(item)
            continue
        region = _Reader(item, f"{raw.where} region")
        names.append(region.get("name", str))
        fills.append(region.get("fill", str))
    return tuple(names), tuple(fills)


def _server(raw: _Reader) -> Server:
    port = raw.get("port", int)
    if not 0 < port < 65536:
        raise ProviderFileError(f"providers.json: {raw.where}: port {port} is out of range")
    return Server(raw.get("host", str).lower(), port, raw.choice("security", Security))


def _oauth2(raw: _Reader) -> OAuth2:
    return OAuth2(
        authorization_endpoint=raw.get("authorization_endpoint", str),
        token_endpoint=raw.get("token_endpoint", str),
        device_endpoint=raw.get("device_endpoint", str, ""),
        scopes=raw.strings("scopes"),
        tenant=raw.get("tenant", str, ""),
    )


# -- looking up --------------------------------------------------------------------------------


def provider(provider_id: str) -> Provider:
    """The provider with this id; KeyError if there is none."""
    for entry in load_providers():
        if entry.id == provider_id:
            return entry
    raise KeyError(provider_id)


def by_domain(domain: str) -> Match | None:
    """The provider whose own addresses use this domain (gmail.com, or x.onmicrosoft.com)."""
    name = _normal(domain)
    for entry in load_providers():
        if any(name == d or name.endswith("." + d) for d in entry.domains):
            return Match(entry)
    return None


def by_mx(mx_host: str) -> Match | None:
    """The provider that receives mail on this MX host, with the region the host names."""
    name = _normal(mx_host)
    best: tuple[int, Match] | None = None
    for entry in load_providers():
        for suffix in entry.mx_suffixes:
            for region in entry.regions if REGION in suffix else ("",):
                filled = entry.fill(suffix, region)
                if (name == filled or name.endswith("." + filled)) and (
                    best is None or len(filled) > best[0]
                ):
                    best = (len(filled), Match(entry, region))
    return best[1] if best else None


def by_host(host: str) -> Match | None:
    """The provider whose submission server this is (smtp.gmail.com, smtp.zoho.eu)."""
    name = _normal(host)
    for entry in load_providers():
        for region in entry.regions or ("",):
            if any(server.host == name for server in entry.servers_in(region)):
                return Match(entry, region)
    return None


def _normal(name: str) -> str:
    return name.strip().lower().rstrip(".")


# -- words for the admin -----------------------------------------------------------------------

_RULE_TEXTS: Mapping[enum.StrEnum, str] = {
    UsernameRule.ADDRESS: QT_TRANSLATE_NOOP("Providers", "User name: your full e-mail address."),
    UsernameRule.FIXED: QT_TRANSLATE_NOOP("Providers", "User name: literally {username}."),
    UsernameRule.SERVICE: QT_TRANSLATE_NOOP(
        "Providers", "User name: the SMTP user name shown in the service's dashboard."
    ),
    UsernameRule.API_TOKEN: QT_TRANSLATE_NOOP(
        "Providers", "User name and password: both are the server's API token."
    ),
    FromRule.OWN_OR_ALIAS: QT_TRANSLATE_NOOP(
        "Providers",
        "Any other From address is replaced by the account's own, unless it is a verified "
        "alias of the account.",
    ),
    FromRule.OWN_ADDRESS: QT_TRANSLATE_NOOP(
        "Providers",
        "The From address must be the account's own address or one of its aliases; the "
        "server refuses any other.",
    ),
    FromRule.SEND_AS: QT_TRANSLATE_NOOP(
        "Providers",
        "To send with another From address, the mailbox needs the Send As permission for it.",
    ),
    FromRule.VERIFIED_SENDER: QT_TRANSLATE_NOOP(
        "Providers", "The From address must be a verified sender or domain in the service."
    ),
}


def rule_text(rule: UsernameRule | FromRule, username: str = "") -> Text:
    """The admin's words for a user name or From rule (username: for UsernameRule.FIXED)."""
    template = _RULE_TEXTS[rule]
    return Text("Providers", template, **({"username": username} if "{" in template else {}))

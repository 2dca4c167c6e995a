"""Reading providers.json: checked, with errors that name the provider and the key.

The loader is strict on purpose: a typo in the catalogue fails the tests and the self-test,
not an admin's form.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from smtpgui.core.providers.model import (
    REGION,
    AuthKind,
    FromRule,
    HelpLink,
    OAuth2,
    Provider,
    Server,
    UsernameRule,
)
from smtpgui.core.smtp.endpoint import Security

VERSION = 1


class ProviderFileError(ValueError):
    """providers.json is missing, not JSON, or does not follow the schema."""


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
        spf_include=raw.get("spf_include", str, "").lower(),
        dkim_selectors=raw.strings("dkim_selectors"),
        messages_per_minute=_rate(raw),
        imap=_imap(raw, bool(regions)),
    )


def _imap(raw: _Reader, has_regions: bool) -> Server | None:
    """`imap`, an encrypted server, with the provider's own page that publishes it
    (`imap_source`): a password is sent there, so only a documented host will do."""
    if "imap" not in raw.data:
        return None
    server = _server(_Reader(raw.data["imap"], f"{raw.where} imap"))
    if server.security is Security.NONE or (REGION in server.host and not has_regions):
        raise ProviderFileError(
            f"providers.json: {raw.where}: 'imap' must be encrypted (tls or starttls), and "
            "{region} in it needs 'regions'"
        )
    if not raw.get("imap_source", str, "").startswith("https://"):
        raise ProviderFileError(
            f"providers.json: {raw.where}: 'imap' needs the https 'imap_source' that publishes it"
        )
    return server


def _rate(raw: _Reader) -> int | None:
    """`messages_per_minute`, with the page that publishes it (`rate_source`) required."""
    if "messages_per_minute" not in raw.data:
        return None
    rate: int = raw.get("messages_per_minute", int)
    if rate < 1 or not raw.get("rate_source", str, "").startswith("https://"):
        raise ProviderFileError(
            f"providers.json: {raw.where}: 'messages_per_minute' needs a positive number and "
            "the https 'rate_source' that publishes it"
        )
    return rate


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
        imap_scopes=raw.strings("imap_scopes"),
    )

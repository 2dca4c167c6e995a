"""The provider catalogue: well-known mail services and their submission settings, from data.

The facts live in providers.json (versioned, shipped as package data) so that a new provider
or a changed host name is a data change; provider_model.py describes an entry and
providers_file.py reads the file. Words for the admin are not in the file: it holds rule
names, and `rule_text()` turns them into marked, translatable text.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from pathlib import Path

from smtpgui.core.providers.json_file import ProviderFileError, parse_providers
from smtpgui.core.providers.model import (
    REGION,
    AuthKind,
    FromRule,
    HelpLink,
    Match,
    OAuth2,
    Provider,
    Server,
    UsernameRule,
)
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

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
    "catalogue_imap",
    "load_providers",
    "parse_providers",
    "provider",
    "rule_text",
]


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
    return _server_hosts().get(_normal(host))


def catalogue_imap(smtp_host: str, recipient: str) -> tuple[Server | None, bool]:
    """The provider catalogue's IMAP server, and whether the catalogue vouches that it
    belongs to the SMTP server's provider (outlook.office365.com for smtp-mail.outlook.com):
    the SMTP server's provider first, else the test recipient's (gmail.com's, when mail goes
    out through another server)."""
    smtp = by_host(smtp_host) if smtp_host else None
    if smtp is not None and smtp.imap is not None:
        return smtp.imap, True
    domain = recipient.rpartition("@")[2]
    theirs = by_domain(domain) if domain else None
    return (theirs.imap if theirs is not None else None), False


@functools.cache
def _server_hosts() -> dict[str, Match]:
    """Every server host of the catalogue, with its provider and region; built once.

    Every test looks its host up (login_notice): filling each provider's regions in anew cost
    about 0.5 ms of the engine's time per test (issue 20's profile).
    """
    found: dict[str, Match] = {}
    for entry in load_providers():
        for region in entry.regions or ("",):
            for server in entry.servers_in(region):
                found.setdefault(server.host, Match(entry, region))  # the first, as before
    return found


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

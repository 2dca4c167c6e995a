"""What the provider catalogue tells the admin about a profile or a failed test.

`login_notice()` warns while the form is being filled in (a password where the provider
wants an app password or OAuth2); `advice()` adds the provider's own rules and help pages to a
diagnosis, chosen by the step that failed. Both come from providers.json: a new provider gets
them without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.providers.catalogue import AuthKind, HelpLink, Match, Provider, by_host, rule_text
from smtpgui.core.smtp.endpoint import PREFIXES
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from smtpgui.core.smtp.result import ProbeResult

# Which help pages matter for a failure at each step, most useful first.
_LOGIN_TOPICS = ("app-password", "credentials", "oauth2", "settings")
_SENDER_PHASES = frozenset({Phase.MAIL, Phase.RCPT, Phase.DATA})

_KIND_TEXTS = {
    AuthKind.PASSWORD: QT_TRANSLATE_NOOP("Providers", "the account's password"),
    AuthKind.APP_PASSWORD: QT_TRANSLATE_NOOP("Providers", "an app password"),
    AuthKind.API_KEY: QT_TRANSLATE_NOOP("Providers", "a key made in the service's dashboard"),
    AuthKind.OAUTH2: QT_TRANSLATE_NOOP("Providers", "OAuth2 sign-in"),
}


@dataclass(frozen=True)
class Advice:
    """The provider's words for a failure: `notes` are Text, `links` its help pages."""

    provider: str
    notes: tuple[str, ...]
    links: tuple[HelpLink, ...]


def login_notice(settings: Settings) -> Text | None:
    """A warning for a password login the provider does not take, or is turning off."""
    if settings.auth in (AuthMethod.NONE, AuthMethod.OAUTH2) or not settings.endpoints:
        return None
    match = by_host(settings.endpoints[0].ascii_host)
    return _password_notice(match.provider) if match else None


def _password_notice(entry: Provider) -> Text | None:
    kinds = set(entry.auth)
    if entry.password_retiring:
        return Text(
            "Providers",
            QT_TRANSLATE_NOOP(
                "Providers",
                "{provider} is turning off password login for SMTP (Basic authentication): off "
                "by default from the end of December 2026. Set Authentication to OAuth2 and "
                "sign in, so that mail keeps flowing.",
            ),
            provider=entry.name,
        )
    if kinds == {AuthKind.OAUTH2}:
        return Text(
            "Providers",
            QT_TRANSLATE_NOOP(
                "Providers",
                "{provider} accepts only OAuth2 sign-in for SMTP: set Authentication to OAuth2.",
            ),
            provider=entry.name,
        )
    if AuthKind.PASSWORD not in kinds and AuthKind.APP_PASSWORD in kinds:
        return Text(
            "Providers",
            QT_TRANSLATE_NOOP(
                "Providers",
                "{provider} refuses the account's own password here: make an app password in "
                "the account's security settings (2-Step Verification must be on) and enter "
                "it as the password.",
            ),
            provider=entry.name,
        )
    return None


def advice(result: ProbeResult, host: str) -> Advice | None:
    """The provider's rules and help pages that bear on this failure at `host`, if known."""
    # Imported here, where a test has loaded it: the window's first paint imports this module
    # for its other functions, and needs no result.py (6 ms of start-up, issue 20).
    from smtpgui.core.smtp.result import Failure

    if result.ok or result.failure is Failure.CANCELLED:
        return None
    match = by_host(host)
    if match is None:
        return None
    entry = match.provider
    if result.phase is Phase.AUTH:
        notes: list[str] = [_accepts(entry), rule_text(entry.username_rule, entry.username)]
        links = entry.links(*_LOGIN_TOPICS)
    elif result.phase in _SENDER_PHASES:
        notes = [rule_text(entry.from_rule)] if entry.from_rule else []
        links = entry.links("settings")
    else:
        notes = [_servers(match)]
        links = entry.links("settings")
    return Advice(entry.name, tuple(notes), links)


def _accepts(entry: Provider) -> Text:
    # The list is a Text of Texts ("{k0}, {k1}"), so that each kind is translated on its own.
    kinds = [Text("Providers", _KIND_TEXTS[kind]) for kind in entry.auth]
    values = {f"k{i}": kind for i, kind in enumerate(kinds)}
    listed = Text("Providers", ", ".join(f"{{k{i}}}" for i in range(len(kinds))), **values)
    return Text(
        "Providers",
        QT_TRANSLATE_NOOP("Providers", "{provider} accepts for SMTP: {kinds}."),
        provider=entry.name,
        kinds=listed,
    )


def _servers(match: Match) -> Text:
    listed = ", ".join(f"{PREFIXES[s.security]}{s.host}:{s.port}" for s in match.servers)
    return Text(
        "Providers",
        QT_TRANSLATE_NOOP("Providers", "{provider} uses: {servers}."),
        provider=match.provider.name,
        servers=listed,
    )

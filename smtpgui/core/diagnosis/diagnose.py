"""ProbeResult -> Diagnosis: what went wrong in plain words, and numbered steps to fix it.

The catalogue is data: one Rule per cause, most specific first (see rule.Rule for how a rule
matches). Unknown failures still get the phase and the server's exact reply.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from smtpgui.core.diagnosis.catalogue import RULES, Rule
from smtpgui.core.providers.catalogue import HelpLink
from smtpgui.core.providers.hints import advice
from smtpgui.core.smtp.certificate import display_name
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.mechanisms import PREFERENCE_CLEAR, PREFERENCE_TLS
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.core.text.i18n import ContextTranslate, Text, shown


@dataclass(frozen=True)
class Diagnosis:
    """A cause the admin can act on; its texts are filled in, and Text until translated().

    `hint` is provider-specific advice (Microsoft 365, Gmail, ...), or "". When the server
    is in the provider catalogue, `provider` names it, `notes` are its rules that bear on the
    failed step and `links` its help pages.
    """

    id: str
    title: str
    explanation: str
    steps: tuple[str, ...] = field(default=())
    hint: str = ""
    provider: str = ""
    notes: tuple[str, ...] = field(default=())
    links: tuple[HelpLink, ...] = field(default=())

    def translated(self, translate: ContextTranslate) -> Diagnosis:
        """The same diagnosis in the language of `translate` (QCoreApplication.translate)."""
        return replace(
            self,
            title=shown(self.title, translate),
            explanation=shown(self.explanation, translate),
            steps=tuple(shown(step, translate) for step in self.steps),
            hint=shown(self.hint, translate),
            notes=tuple(shown(note, translate) for note in self.notes),
        )

    def provider_lines(self) -> list[str]:
        """The provider's notes and help pages as plain text lines (CLI, support file)."""
        if not self.provider:
            return []
        return [f"{self.provider}:", *(f"- {note}" for note in self.notes)] + [
            f"- {link.url}" for link in self.links
        ]


def matching_rule(result: ProbeResult) -> Rule:
    for rule in RULES:
        if _matches(rule, result):
            return rule
    raise AssertionError("the catalogue ends with a rule that matches everything")


def diagnose(result: ProbeResult, translate: ContextTranslate | None = None) -> Diagnosis | None:
    """None for a success; otherwise the first catalogue rule that matches the result.

    The texts are Text: English as str, translated when shown (`Diagnosis.translated`), so
    the one diagnosis the core makes serves the window, the CLI and the API in their own
    language. `translate(context, text)`, if given, translates them at once.
    """
    if result.ok:
        return None
    rule = matching_rule(result)
    values = fill_values(result)

    def fill(template: str) -> str:
        return Text("Diagnosis", template, **values) if template else ""

    endpoint = result.endpoint
    found = advice(result, endpoint.host if endpoint else "")
    made = Diagnosis(
        rule.id,
        fill(rule.title),
        fill(rule.explanation),
        tuple(fill(step) for step in rule.steps),
        fill(rule.hint),
        provider=found.provider if found else "",
        notes=found.notes if found else (),
        links=found.links if found else (),
    )
    return made if translate is None else made.translated(translate)


def fill_values(result: ProbeResult) -> dict[str, str]:
    """What the catalogue's {placeholders} stand for (rule.PLACEHOLDERS)."""
    endpoint = result.endpoint
    return {
        "host": endpoint.host if endpoint else "",
        "port": str(endpoint.port) if endpoint else "",
        "phase": (result.phase or Phase.DNS).value.upper(),
        "reply": result.reply or result.detail,
        "text": result.server_text or result.detail,
        "detail": result.detail,
        "offered": ", ".join(result.auth_offered),
        "usable": _usable_mechanism(result),
        "minutes": wait_minutes(result.server_text),
        "issuer": display_name(result.certificate.issuer) if result.certificate else "",
    }


# What a server says about waiting: "try again in 300 seconds", "in 5 minutes", "1 hour".
_WAIT = re.compile(r"\b(\d{1,5})\s*(seconds?|secs?|minutes?|mins?|hours?)\b", re.IGNORECASE)
DEFAULT_WAIT_MINUTES = 15  # Gmail's and Postfix's login and connection blocks last about this


def wait_minutes(text: str) -> str:
    """How long the server says to wait, in whole minutes; DEFAULT_WAIT_MINUTES if it does not."""
    match = _WAIT.search(text)
    if match is None:
        return str(DEFAULT_WAIT_MINUTES)
    seconds = int(match[1]) * {"s": 1, "m": 60, "h": 3600}[match[2][0].lower()]
    return str(max(1, math.ceil(seconds / 60)))


def _usable_mechanism(result: ProbeResult) -> str:
    """The offered login method Automatic would choose (what a forced choice should be)."""
    preference = PREFERENCE_TLS if result.tls is not None else PREFERENCE_CLEAR
    return next((m for m in preference if m in result.auth_offered), "")


def _matches(rule: Rule, result: ProbeResult) -> bool:
    return (
        (not rule.failures or result.failure in rule.failures)
        and (not rule.phases or result.phase in rule.phases)
        and _reply_matches(rule, result)
        and (not rule.text or _text_matches(rule.text, result))
        and (not rule.security or _security(result) in rule.security)
        and (not rule.login_unused or (bool(result.auth_offered) and not result.auth_mechanism))
    )


def _reply_matches(rule: Rule, result: ProbeResult) -> bool:
    if not (rule.codes or rule.code_class or rule.enhanced):
        return True
    code = result.code
    return (code is not None and (code in rule.codes or code // 100 == rule.code_class)) or any(
        _enhanced_matches(pattern, result.enhanced) for pattern in rule.enhanced
    )


def _enhanced_matches(pattern: str, enhanced: str) -> bool:
    # Exact: "5.7.1" must not take "5.7.139"; "5.7.*" names the whole subject (RFC 3463 §3).
    if pattern.endswith(".*"):
        return enhanced.startswith(pattern[:-1])
    return enhanced == pattern


def _text_matches(pattern: str, result: ProbeResult) -> bool:
    # The reply as the log shows it (so a pattern may anchor on the code), then the detail.
    return re.search(pattern, f"{result.reply}\n{result.detail}", re.IGNORECASE) is not None


def _security(result: ProbeResult) -> Security | None:
    return result.endpoint.security if result.endpoint else None

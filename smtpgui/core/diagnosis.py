"""ProbeResult -> Diagnosis: what went wrong in plain words, and numbered steps to fix it.

The catalogue is data: one Rule per cause, most specific first. A rule matches when every
criterion it names matches (enhanced status code prefix, reply code, server text, failure,
phase). Unknown failures still get the phase and the server's exact reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smtpgui.core.catalogue import RULES, Rule
from smtpgui.core.i18n import Translate, untranslated
from smtpgui.core.result import Phase, ProbeResult


@dataclass(frozen=True)
class Diagnosis:
    """A cause the admin can act on; strings are translated and filled in."""

    id: str
    title: str
    explanation: str
    steps: tuple[str, ...] = field(default=())


def matching_rule(result: ProbeResult) -> Rule:
    for rule in RULES:
        if _matches(rule, result):
            return rule
    raise AssertionError("the catalogue ends with a rule that matches everything")


def diagnose(result: ProbeResult, translate: Translate = untranslated) -> Diagnosis | None:
    """None for a success; otherwise the first catalogue rule that matches the result."""
    if result.ok:
        return None
    rule = matching_rule(result)
    values = _values(result)

    def fill(text: str) -> str:
        return translate(text).format(**values)

    return Diagnosis(
        rule.id, fill(rule.title), fill(rule.explanation), tuple(fill(step) for step in rule.steps)
    )


def _matches(rule: Rule, result: ProbeResult) -> bool:
    checks = (
        not rule.failures or result.failure in rule.failures,
        not rule.phases or result.phase in rule.phases,
        not rule.codes or result.code in rule.codes,
        not rule.code_class or (result.code is not None and result.code // 100 == rule.code_class),
        not rule.enhanced or result.enhanced.startswith(rule.enhanced),
        not rule.text or re.search(rule.text, f"{result.server_text} {result.detail}", re.I),
    )
    return all(checks)


def _values(result: ProbeResult) -> dict[str, str]:
    host, port = _split_endpoint(result.endpoint)
    return {
        "host": host,
        "port": port,
        "reply": result.reply or result.detail,
        "detail": result.detail,
        "phase": (result.phase or Phase.DNS).value.upper(),
    }


def _split_endpoint(endpoint: str) -> tuple[str, str]:
    bare = endpoint.split("://", 1)[-1]
    host, _, port = bare.rpartition(":")
    return host.strip("[]") or bare, port

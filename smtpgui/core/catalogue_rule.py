"""One entry of the diagnosis catalogue: what it matches, and what the admin reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smtpgui.core.endpoint import Security
from smtpgui.core.result import Failure, Phase

# Texts may use {host} {port} {phase} (the failed step), {reply} (the server's reply as in the
# log, e.g. "535 5.7.8 Bad login", else the probe's detail), {text} (the server's words without
# the code, else the detail) and {detail} (what the probe found, e.g. OpenSSL's reason).
PLACEHOLDERS = frozenset({"host", "port", "phase", "reply", "text", "detail"})


@dataclass(frozen=True)
class Rule:
    """A cause the admin can act on: the first rule whose every criterion holds is the diagnosis.

    Criteria left empty always hold. The reply criterion holds when the reply code is in
    `codes`, or its first digit is `code_class`, or its RFC 3463 enhanced status code matches one
    of `enhanced` ("5.7.139" exactly, "5.7.*" a whole subject): any one of them, because enhanced
    codes are optional (RFC 2034) and a server without them must still be recognised by its code.
    `text` is a case-insensitive regular expression searched in the reply as the log shows it
    ("550 5.7.1 Relay access denied") and in the probe's detail (e.g. OpenSSL's reason).
    `security` is the security mode the admin chose for the server that failed.
    """

    id: str
    title: str
    explanation: str
    steps: tuple[str, ...] = ()
    hint: str = ""  # provider-specific advice (Microsoft 365, Gmail, ...), shown apart
    failures: frozenset[Failure] = frozenset()
    phases: frozenset[Phase] = frozenset()
    codes: frozenset[int] = frozenset()
    code_class: int = 0
    enhanced: frozenset[str] = frozenset()
    text: str = ""
    security: frozenset[Security] = frozenset()

    def __post_init__(self) -> None:
        re.compile(self.text)  # a typo in a pattern fails at import, not at the admin's desk

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text the admin may read, as marked for translation."""
        return (self.title, self.explanation, *self.steps, *((self.hint,) if self.hint else ()))

    @property
    def is_catch_all(self) -> bool:
        criteria = (self.failures, self.phases, self.codes, self.code_class, self.enhanced)
        return not any((*criteria, self.text, self.security))


def failures(*items: Failure) -> frozenset[Failure]:
    return frozenset(items)


def phases(*items: Phase) -> frozenset[Phase]:
    return frozenset(items)


def codes(*items: int) -> frozenset[int]:
    return frozenset(items)


def enhanced(*items: str) -> frozenset[str]:
    return frozenset(items)


def security(*items: Security) -> frozenset[Security]:
    return frozenset(items)

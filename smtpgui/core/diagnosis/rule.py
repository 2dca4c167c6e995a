"""One entry of the diagnosis catalogue: what it matches, and what the admin reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure

# Texts may use {host} {port} {phase} (the failed step), {reply} (the server's reply as in the
# log, e.g. "535 5.7.8 Bad login", else the probe's detail), {text} (the server's words without
# the code, else the detail), {detail} (what the probe found, e.g. OpenSSL's reason),
# {offered} (the login methods the server offers), {usable} (the one Automatic would pick),
# {minutes} (how long the server says to wait, else a default) and {issuer} (who issued the
# server's certificate).
PLACEHOLDERS = frozenset(
    {"host", "port", "phase", "reply", "text", "detail", "offered", "usable", "minutes", "issuer"}
)


class ConnectAdvice(str):
    """A text about reaching the server (port, firewall, security mode, server name).

    Wrap its QT_TRANSLATE_NOOP in it: only a rule for a failure before the server answered
    EHLO (phases within CONNECTING) may use it, as the catalogue tests check.
    """

    __slots__ = ()


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
    `login_unused` holds when the server offered a login (AUTH) and the test did not log in.
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
    login_unused: bool = False

    def __post_init__(self) -> None:
        re.compile(self.text)  # a typo in a pattern fails at import, not at the admin's desk

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text the admin may read, as marked for translation."""
        return (self.title, self.explanation, *self.steps, *((self.hint,) if self.hint else ()))

    @property
    def is_catch_all(self) -> bool:
        criteria = (self.failures, self.phases, self.codes, self.code_class, self.enhanced)
        return not any((*criteria, self.text, self.security, self.login_unused))


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


# Every rule names the phases it explains (catalogue tests hold them to it). Until the server
# has greeted, the port, a firewall or the security mode may be wrong; once it answered EHLO
# they are proven right, and advice about them would send the admin the wrong way.
CONNECTING = phases(Phase.DNS, Phase.CONNECT, Phase.TLS, Phase.GREETING)
HANDSHAKE = phases(Phase.TLS, Phase.STARTTLS)  # where a certificate is judged
ENVELOPE = phases(Phase.MAIL, Phase.RCPT, Phase.DATA)
AFTER_EHLO = phases(Phase.EHLO, Phase.STARTTLS, Phase.EHLO_TLS, Phase.AUTH, *ENVELOPE, Phase.QUIT)
ANSWERED = phases(Phase.GREETING, *AFTER_EHLO)  # a reply code can come in any of these
EVERY_PHASE = frozenset(Phase)

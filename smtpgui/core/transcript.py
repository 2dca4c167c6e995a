"""Transcript lines of an SMTP conversation, and the redaction every line passes through."""

from __future__ import annotations

import base64
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from smtpgui.core.i18n import Text
from smtpgui.core.printable import printable

REDACTED = "[redacted]"


class Direction(enum.StrEnum):
    """Who a transcript line comes from."""

    CLIENT = "client"
    SERVER = "server"
    INFO = "info"
    TLS = "tls"
    ERROR = "error"


@dataclass(frozen=True)
class TranscriptLine:
    """One line of the conversation, already redacted, with milliseconds since the probe began."""

    direction: Direction
    text: str
    elapsed_ms: int

    def __post_init__(self) -> None:
        # Every line reaches a terminal, the log pane or a file: a peer's control characters
        # are written out here, where all of them pass.
        object.__setattr__(self, "text", printable(self.text))

    def format(self) -> str:
        """Render as in swaks: arrows for client/server, markers for the rest."""
        marker = _MARKERS[self.direction]
        return f"{self.elapsed_ms:>5} ms {marker} {self.text}"


_MARKERS = {
    Direction.CLIENT: " ->",
    Direction.SERVER: "<- ",
    Direction.INFO: "===",
    Direction.TLS: "TLS",
    Direction.ERROR: "***",
}

# An AUTH command carrying an initial response: keep the mechanism, hide the payload.
_AUTH_WITH_PAYLOAD = re.compile(r"^(AUTH\s+\S+)\s+\S+", re.IGNORECASE)


class Redactor:
    """Removes credentials from text before it leaves the core.

    Two nets: the probe marks AUTH exchanges so payloads are hidden by position, and every line is
    also searched for the literal secrets and their base64 forms (AUTH PLAIN/LOGIN payloads are
    base64 of the password, so hiding the plain password alone would not be enough).
    """

    def __init__(self, secrets: Iterable[str] = (), user: str = "") -> None:
        self._needles = sorted(_needles(secrets, user), key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text without secrets; a Text stays a Text (its template holds no secret)."""
        if isinstance(text, Text):
            return text.with_values(self.redact)
        for needle in self._needles:
            text = text.replace(needle, REDACTED)
        return text

    def auth_command(self, text: str) -> str:
        """Redact the payload of an `AUTH MECH payload` command line."""
        return self.redact(_AUTH_WITH_PAYLOAD.sub(rf"\1 {REDACTED}", text))


def _needles(secrets: Iterable[str], user: str) -> set[str]:
    needles: set[str] = set()
    for secret in secrets:
        if not secret:
            continue
        raw = secret.encode("utf-8")
        needles.add(secret)
        needles.add(_b64(raw))
        # AUTH PLAIN: authzid NUL authcid NUL passwd (RFC 4616 §2).
        needles.add(_b64(b"\0" + user.encode("utf-8") + b"\0" + raw))
        needles.add(_b64(user.encode("utf-8") + b"\0" + user.encode("utf-8") + b"\0" + raw))
        # A base64 string is only found verbatim at a 3-byte alignment; also hide the
        # password's base64 at the other two offsets, as it appears inside longer payloads.
        for pad in (b"\0", b"\0\0"):
            shifted = _b64(pad + raw)
            needles.add(shifted[4:-4] if len(shifted) > 12 else shifted)
    return {n for n in needles if len(n) >= 4}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

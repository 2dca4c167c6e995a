"""Transcript lines of an SMTP conversation, and the redaction every line passes through."""

from __future__ import annotations

import base64
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, ContextTranslate, Text, shown
from smtpgui.core.text.printable import printable

REDACTED = QT_TRANSLATE_NOOP("Transcript", "[redacted]")


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

    def shown(self, translate: ContextTranslate) -> str:
        """The line as the admin reads it: the core's notes and the redaction marker in the
        UI language (the marker only ever replaces a secret, so no server text is changed
        that the admin needs to read as sent)."""
        text = shown(self.text, translate).replace(REDACTED, translate("Transcript", REDACTED))
        return TranscriptLine(self.direction, text, self.elapsed_ms).format()

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
    base64 of the password, XOAUTH2 of a line holding the token, so hiding the plain secret
    alone would not be enough). A secret of any length is hidden: a short password is no reason
    to print it. Text that must be shortened is redacted first, then cut (`clip`), so a cut
    never leaves the first characters of a secret behind.
    """

    def __init__(self, secrets: Iterable[str] = (), user: str = "") -> None:
        self._secrets = tuple(dict.fromkeys(s for s in secrets if s))
        self._user = user
        needles = sorted(_needles(self._secrets, user), key=len, reverse=True)
        # One scan per line instead of one per needle: every transcript line passes here.
        # Longest first, so where two needles start at one place the longer one is hidden.
        self._pattern = re.compile("|".join(map(re.escape, needles))) if needles else None

    def including(self, secrets: Iterable[str], user: str) -> Redactor:
        """A redactor for these secrets too (the run's one redactor grows as secrets appear)."""
        return Redactor([*self._secrets, *secrets], user or self._user)

    def redact(self, text: str) -> str:
        """The text without secrets; a Text stays a Text (its template holds no secret)."""
        if isinstance(text, Text):
            return text.with_values(self.redact)
        return text if self._pattern is None else self._pattern.sub(REDACTED, text)

    def clip(self, text: str, limit: int) -> str:
        """The redacted text, cut to `limit` characters (with "…") after redacting."""
        text = self.redact(text)
        return text if len(text) <= limit else text[:limit] + "…"

    def auth_command(self, text: str) -> str:
        """Redact the payload of an `AUTH MECH payload` command line."""
        return self.redact(_AUTH_WITH_PAYLOAD.sub(rf"\1 {REDACTED}", text))


def _needles(secrets: Iterable[str], user: str) -> set[str]:
    needles: set[str] = set()
    login = user.encode("utf-8")
    for secret in secrets:
        raw = secret.encode("utf-8")
        needles.add(secret)
        # AUTH PLAIN: authzid NUL authcid NUL passwd (RFC 4616 §2).
        needles.add(_b64(b"\0" + login + b"\0" + raw))
        needles.add(_b64(login + b"\0" + login + b"\0" + raw))
        needles.update(_b64_inside(raw))
    return {n for n in needles if n}


def _b64_inside(raw: bytes) -> set[str]:
    """The base64 of `raw` as it shows inside any longer base64 text, at all three alignments.

    Inside a longer payload (XOAUTH2's `user=…^Aauth=Bearer TOKEN^A^A`) the secret starts at
    some offset k in a 3-byte group; only the characters that encode its bytes alone are
    fixed, so the first group (k > 0) and a last group shared with what follows are left out.
    """
    found = {_b64(raw)}  # the secret encoded on its own (AUTH LOGIN)
    for offset in range(3):
        encoded = _b64(b"\0" * offset + raw)
        start = 4 if offset else 0
        end = len(encoded) if (offset + len(raw)) % 3 == 0 else len(encoded) - 4
        if end - start >= 4:
            found.add(encoded[start:end])
    return found


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

"""Text from a peer made safe to show: control characters written out, never obeyed.

A server's greeting or a sign-in service's answer reaches a terminal, the log pane and saved
files. `ESC]52;…` writes the clipboard, `ESC[2J` clears the screen, a CR overwrites what was
printed, U+202E turns the rest of a line around: each is shown as an escape such as `\\x1b`.
Tabs too: in a one-line log entry a tab is as much a peer's choice of layout as a CR.
"""

from __future__ import annotations

import re

from smtpgui.core.text.i18n import Text

# C0 (tab included), DEL, C1, and the bidirectional overrides and isolates (Trojan Source).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control character as a visible escape; a Text stays a Text."""
    if isinstance(text, Text):
        return text.with_values(printable)
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

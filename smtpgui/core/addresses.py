"""E-mail address and user-name checks: what the form, the settings file and the CLI refuse."""

from __future__ import annotations

import re

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text

# C0 and C1 controls and the Unicode line and paragraph separators: str.splitlines() and the
# email package break lines at all of them, so any could smuggle in a header or a command.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Any non-ASCII character as "[^\x00-\x7f]": a class spanning to U+10FFFF took 3 ms to
# compile at start-up.
_LOCAL_PART = re.compile(r"^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]|[^\x00-\x7f])+$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def address_error(text: str, *, required: bool) -> str | None:
    """Why `text` is not a usable e-mail address, or None when it is.

    Accepts `name@example.com` and `Office <name@example.com>`. CR, LF and other control
    characters are refused outright: they would let a value inject SMTP commands or headers.
    """
    if _CONTROL.search(text):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "Line breaks and control characters are not allowed in an address."
            ),
        )
    text = text.strip()
    if not text:
        return (
            Text("Settings", QT_TRANSLATE_NOOP("Settings", "Enter an e-mail address."))
            if required
            else None
        )
    addr = mailbox(text)
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain:
        return Text(
            "Settings", QT_TRANSLATE_NOOP("Settings", "Enter an address such as name@example.com.")
        )
    if " " in addr or not _LOCAL_PART.match(local) or ".." in local:
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "The part before @ contains characters an address cannot have."
            ),
        )
    if not _domain_ok(domain):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP("Settings", "“{domain}” is not a valid domain name."),
            domain=domain,
        )
    return None


def mailbox(text: str) -> str:
    """The bare addr-spec of `Name <addr>` or `addr` (what MAIL FROM / RCPT TO take)."""
    from email.utils import parseaddr  # (lazy: email.utils loads socket, calendar, locale)

    name, addr = parseaddr(text.strip())
    return addr if addr or name else text.strip()


def username_error(text: str) -> str | None:
    if _CONTROL.search(text):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "Line breaks and control characters are not allowed in the user name."
            ),
        )
    return None


def _domain_ok(domain: str) -> bool:
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_domain.split(".")
    return len(ascii_domain) <= 253 and len(labels) >= 2 and all(map(_DOMAIN_LABEL.match, labels))

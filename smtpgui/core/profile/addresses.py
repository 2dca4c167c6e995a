"""E-mail address and user-name checks: what the form, the settings file and the CLI refuse."""

from __future__ import annotations

import re

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

# C0 and C1 controls and the Unicode line and paragraph separators: str.splitlines() and the
# email package break lines at all of them, so any could smuggle in a header or a command.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Any non-ASCII character as "[^\x00-\x7f]": a class spanning to U+10FFFF took 3 ms to
# compile at start-up.
_LOCAL_PART = re.compile(r"^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]|[^\x00-\x7f])+$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
# A bare addr-spec of ASCII dot-atoms (name@example.com): to the RFC 5322 parser exactly one
# mailbox, with no defect and no display name. The window checks a saved profile's addresses
# before its first paint; these skip loading the email package (25 ms; issue 20). A test holds
# the shortcut to the parser's answer.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")


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
    if not _one_address(text):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings",
                "Enter one address only, such as name@example.com.",
            ),
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


def _one_address(text: str) -> bool:
    """`text` is exactly one RFC 5322 mailbox: `a@b, c@d` or `a@b> SIZE=1 <c@d` are not.

    Parsed as a To header by the email package's RFC 5322 parser; a non-ASCII local part
    (RFC 6531, sent with SMTPUTF8) is allowed, every other defect is not.
    """
    if _PLAIN.fullmatch(text):
        return True
    from email.errors import NonASCIILocalPartDefect
    from email.policy import default  # (lazy: the email package costs start-up time)

    try:
        header = default.header_factory("To", text)
        defects = [d for d in header.defects if not isinstance(d, NonASCIILocalPartDefect)]
        return len(header.addresses) == 1 and not defects and not header.groups[0].display_name
    except Exception:  # the parser raises IndexError and more on some broken input
        return False


def text_error(text: str) -> str | None:
    """Why free text (a subject) cannot go in a header: a line break would start a new one."""
    if _CONTROL.search(text.replace("\t", " ")):
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings", "Line breaks and control characters are not allowed here."
            ),
        )
    return None


def control_characters(text: str) -> bool:
    """True when `text` holds a CR, LF, NUL or another control character."""
    return _CONTROL.search(text) is not None


def mailbox(text: str) -> str:
    """The bare addr-spec of `Name <addr>` or `addr` (what MAIL FROM / RCPT TO take)."""
    if _PLAIN.fullmatch(text.strip()):
        return text.strip()  # what parseaddr gives for it
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

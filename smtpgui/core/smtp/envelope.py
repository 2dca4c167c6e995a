"""What MAIL FROM, RCPT TO and DATA carry: ASCII where it can be, SMTPUTF8 only when offered.

An international domain (`correo.españa.es`) is written in IDNA A-labels (`xn--...`), which
every server takes (RFC 5890). A non-ASCII local part (`josé@...`) has no ASCII form: it needs
the server's SMTPUTF8 extension (RFC 6531), and without it the test fails with a clear message
instead of smtplib's UnicodeEncodeError or an encoded-word where none is allowed (RFC 2047 §5).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTPUTF8

from smtpgui.core.profile.addresses import control_characters, mailbox
from smtpgui.core.smtp.message import TestMessage
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

_ADDRESS_HEADERS = ("From", "To", "Reply-To")


@dataclass(frozen=True)
class Envelope:
    """The envelope addresses, the message bytes, and whether they need SMTPUTF8."""

    sender: str
    recipients: tuple[str, ...]
    data: bytes
    smtputf8: bool


def ascii_address(text: str) -> str:
    """`text` (`addr` or `Name <addr>`) with the address's domain in IDNA A-labels.

    The local part is left as it is: only the server's SMTPUTF8 can carry a non-ASCII one.
    """
    addr = mailbox(text)
    local, at, domain = addr.rpartition("@")
    if not at or domain.isascii():
        return text
    try:
        # Stdlib IDNA 2003, as for server names (endpoint._to_ascii).
        converted = f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return text
    where = text.rfind(addr)
    return converted if where < 0 else text[:where] + converted + text[where + len(addr) :]


def envelope_for(message: TestMessage, smtputf8_offered: bool) -> Envelope:
    """The envelope for `message`; ProbeFailed when it needs SMTPUTF8 and it is not offered."""
    sender = _envelope_address(message.envelope_from)
    recipients = tuple(_envelope_address(r) for r in message.recipients)
    for address in (sender, *recipients):
        if control_characters(address):  # it would end the command early (RFC 5321 §4.1.1)
            raise ProbeFailed(
                Failure.PROTOCOL,
                Text(
                    "Probe",
                    QT_TRANSLATE_NOOP(
                        "Probe",
                        "The address {address} holds a line break or a control character; "
                        "nothing was sent.",
                    ),
                    address=ascii(address),
                ),
            )
    non_ascii = [a for a in (sender, *recipients) if not a.isascii()]
    non_ascii += _non_ascii_header_addresses(message.message)
    if not non_ascii:
        try:
            return Envelope(sender, recipients, message.as_bytes(), smtputf8=False)
        except UnicodeEncodeError:  # a header domain that was not converted to A-labels
            non_ascii.append(message.envelope_from)
    if not smtputf8_offered:
        raise _needs_smtputf8(non_ascii[0])
    data = message.message.as_bytes(policy=SMTPUTF8)
    return Envelope(sender, recipients, data, smtputf8=True)


@functools.lru_cache(maxsize=256)
def _envelope_address(text: str) -> str:
    """The addr-spec MAIL FROM / RCPT TO carry for `text`. Cached: a batch repeats the same
    sender (and often recipients) for every message, and parsing one costs 15 µs (issue 20)."""
    return mailbox(ascii_address(text))


def _non_ascii_header_addresses(message: EmailMessage) -> list[str]:
    found: list[str] = []
    for name in _ADDRESS_HEADERS:
        header = message[name]
        if isinstance(header, str) and header.isascii():
            continue  # the decoded text: all its addresses are ASCII too (issue 20)
        for address in getattr(header, "addresses", ()):
            if not address.addr_spec.isascii():
                found.append(address.addr_spec)
    return found


def _needs_smtputf8(address: str) -> ProbeFailed:
    """Said before MAIL FROM is sent: the server's EHLO already tells that it cannot work."""
    characters = " ".join(dict.fromkeys(c for c in address if not c.isascii()))
    return ProbeFailed(
        Failure.SMTPUTF8,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "The address {address} has characters outside ASCII ({characters}) that only "
                "a server offering SMTPUTF8 (RFC 6531) can carry, and this server does not "
                "offer it.",
            ),
            address=address,
            characters=characters,
        ),
    )

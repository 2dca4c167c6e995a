"""The real test message a probe sends: From override, Reply-To, Date and Message-ID."""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid


@dataclass(frozen=True)
class TestMessage:
    """What the probe hands to MAIL FROM / RCPT TO / DATA."""

    __test__ = False  # not a pytest test class, despite the name

    envelope_from: str
    recipients: tuple[str, ...]
    message: EmailMessage

    @functools.cached_property  # read for the result, the report and the log of every send
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    def as_bytes(self) -> bytes:
        # CRLF line ends: smtplib sends bytes as they are, and servers hardened against SMTP
        # smuggling (Exchange Online, Gmail, Postfix >= 3.9) refuse a bare LF.
        return self.message.as_bytes(policy=SMTP_POLICY)


def sender_headers(own_address: str, forced_from: str) -> tuple[str, str | None]:
    """(From, Reply-To) for a mail whose real sender is `own_address`.

    When a From address is forced, every mail goes out From it (servers such as Microsoft 365 and
    Gmail only relay for the account's own address) and the real sender becomes Reply-To, so
    answers still reach a person (coreBOS behaviour).
    """
    if forced_from and forced_from.lower() != own_address.lower():
        return forced_from, own_address
    return own_address, None


def build_test_message(
    *, own_address: str, forced_from: str, subject: str, body: str, domain: str = ""
) -> TestMessage:
    """The test mail: sent to the admin's own address, From the forced address if one is set."""
    sender, reply_to = sender_headers(own_address, forced_from)
    msg = EmailMessage()
    msg["From"] = sender
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["To"] = own_address
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("smtpgui", domain=_domain_of(sender, domain))
    msg["X-Mailer"] = "smtpgui"
    # Short lines keep the body readable as it is (7bit) instead of quoted-printable.
    msg.set_content(textwrap.fill(body, width=72) + "\n")
    return TestMessage(envelope_from=sender, recipients=(own_address,), message=msg)


def _domain_of(address: str, fallback: str) -> str:
    # make_msgid() would otherwise call socket.getfqdn(), a DNS lookup that can stall.
    _, _, domain = address.rpartition("@")
    return domain or fallback or "localhost"

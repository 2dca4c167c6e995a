"""The catalogue of domain-check verdicts: what the admin reads for each, with steps.

Texts may use {domain} (the From domain), {sender} (the SPF mechanism that allows the server,
e.g. "include:_spf.google.com"), {record} (the exact record to publish), {policy} (DMARC's p=),
{selectors} (DKIM selectors), {provider} and {detail} (what the lookup or the parser said).
Marked with the full QT_TRANSLATE_NOOP("Deliverability", ...) spelling for lupdate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.deliverability.model import Finding, Record, Status
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from smtpgui.core.deliverability.arrival import Arrival

CONTEXT = "Deliverability"
PLACEHOLDERS = (
    *("domain", "sender", "record", "policy", "selectors", "provider", "detail"),
    *("seconds", "folder", "results", "mailbox"),
)


@dataclass(frozen=True)
class Verdict:
    status: Status
    title: str
    explanation: str
    steps: tuple[str, ...] = ()


_WAIT = QT_TRANSLATE_NOOP(
    "Deliverability",
    "DNS changes can take up to an hour to be seen everywhere; then run the test again.",
)
_PUBLISH_SPF = QT_TRANSLATE_NOOP(
    "Deliverability",
    "At the company that hosts the DNS of {domain}, publish this TXT record at {domain} "
    "(replacing the SPF record there, if any): {record}",
)

VERDICTS: dict[str, Verdict] = {
    "spf-good": Verdict(
        Status.GOOD,
        QT_TRANSLATE_NOOP("Deliverability", "SPF allows this server to send for {domain}"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The SPF record of {domain} contains {sender}, so receiving servers see that the "
            "mail comes from a server allowed to send for the domain.",
        ),
    ),
    "spf-missing": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP("Deliverability", "{domain} has no SPF record"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Receiving servers cannot tell whether this server may send mail from {domain}. "
            "Many put such mail in spam, and Gmail and Yahoo reject it.",
        ),
        (_PUBLISH_SPF, _WAIT),
    ),
    "spf-sender-missing": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP(
            "Deliverability", "The SPF record of {domain} does not allow this server"
        ),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Recipients with strict checks will reject these mails or put them in spam: the SPF "
            "record of {domain} does not contain {sender}.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Add {sender} to the SPF record of {domain}, so that it reads: {record}",
            ),
            _WAIT,
        ),
    ),
    "spf-invalid": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP("Deliverability", "The SPF record of {domain} is not valid"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Receiving servers treat a broken SPF record as a failure, and many then reject "
            "the mail or put it in spam. The problem: {detail}",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Ask whoever manages the DNS of {domain} to correct it: one SPF record only, "
                "and at most 10 DNS lookups (include, a, mx, exists, redirect) in all.",
            ),
            _WAIT,
        ),
    ),
    "spf-unknown-sender": Verdict(
        Status.UNKNOWN,
        QT_TRANSLATE_NOOP("Deliverability", "Cannot tell whether SPF allows this server"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "{domain} has an SPF record, but smtpgui does not know from which addresses this "
            "server sends.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Ask your mail provider which include: or ip4: entry its customers add to SPF, "
                "and check that the SPF record of {domain} has it.",
            ),
        ),
    ),
    "dmarc-good": Verdict(
        Status.GOOD,
        QT_TRANSLATE_NOOP("Deliverability", "DMARC passes for {domain} (policy: {policy})"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "A mail From {domain} through this server passes DMARC, so recipients deliver it.",
        ),
    ),
    "dmarc-missing": Verdict(
        Status.WARNING,
        QT_TRANSLATE_NOOP("Deliverability", "{domain} has no DMARC record"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Gmail and Yahoo require a DMARC record from domains that send much mail, and "
            "other recipients trust mail less without one.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Publish this TXT record at _dmarc.{domain} (policy none blocks nothing; it "
                "lets recipients trust the domain): {record}",
            ),
            _WAIT,
        ),
    ),
    "dmarc-invalid": Verdict(
        Status.WARNING,
        QT_TRANSLATE_NOOP("Deliverability", "The DMARC record of {domain} is not valid"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Recipients ignore a DMARC record with errors. The problem: {detail}",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Ask whoever manages the DNS of {domain} to correct the record at _dmarc.{domain}.",
            ),
        ),
    ),
    "dmarc-reject-misaligned": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP("Deliverability", "Recipients will reject these mails (DMARC)"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The DMARC policy of {domain} is {policy}: it asks recipients to reject mail that "
            "fails DMARC, and a mail From {domain} through this server fails it, because neither "
            "its SPF nor a DKIM signature of {domain} vouches for this server.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Allow this server in the SPF record of {domain}, or publish your provider's "
                "DKIM records for {domain} (see the SPF and DKIM lines).",
            ),
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Or send From an address of a domain that allows this server.",
            ),
        ),
    ),
    "dmarc-quarantine-misaligned": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP("Deliverability", "Recipients will put these mails in spam (DMARC)"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The DMARC policy of {domain} is {policy}: it asks recipients to put mail that "
            "fails DMARC in spam, and a mail From {domain} through this server fails it.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Allow this server in the SPF record of {domain}, or publish your provider's "
                "DKIM records for {domain} (see the SPF and DKIM lines).",
            ),
        ),
    ),
    "dmarc-unknown": Verdict(
        Status.UNKNOWN,
        QT_TRANSLATE_NOOP("Deliverability", "DMARC policy of {domain}: {policy}"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "Whether a mail From {domain} through this server passes DMARC depends on SPF and "
            "DKIM, which could not be judged here.",
        ),
    ),
    "dmarc-needs-dkim": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP(
            "Deliverability", "Recipients will refuse these mails unless the server signs them"
        ),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The DMARC policy of {domain} is {policy}, and its SPF record does not allow this "
            "server: only a DKIM signature of {domain} made by the server can save these mails, "
            "and whether it makes one cannot be seen from here.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Allow this server in the SPF record of {domain} (see the SPF line), or check in "
                "the server's admin page that it signs mail for {domain} with DKIM.",
            ),
        ),
    ),
    "dmarc-none-misaligned": Verdict(
        Status.WARNING,
        QT_TRANSLATE_NOOP("Deliverability", "These mails fail DMARC (delivered for now)"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "A mail From {domain} through this server fails DMARC. The policy of {domain} is "
            "{policy}, so recipients still deliver it, but they trust it less.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Allow this server in the SPF record of {domain}, or publish your provider's "
                "DKIM records for {domain} (see the SPF and DKIM lines).",
            ),
        ),
    ),
    "dkim-good": Verdict(
        Status.GOOD,
        QT_TRANSLATE_NOOP("Deliverability", "DKIM keys published for {domain} ({selectors})"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "{provider} can sign mail as {domain}, which keeps DMARC passing even when a "
            "recipient forwards the mail.",
        ),
    ),
    "dkim-missing": Verdict(
        Status.WARNING,
        QT_TRANSLATE_NOOP(
            "Deliverability", "{provider}'s DKIM keys are not published for {domain}"
        ),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "{provider} signs with the selectors {selectors}, but {domain} publishes none of "
            "them, so mails carry no signature of your domain.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "In {provider}'s admin page, turn DKIM on for {domain} and publish the records "
                "it shows: {record}",
            ),
            _WAIT,
        ),
    ),
    "dkim-unknown": Verdict(
        Status.UNKNOWN,
        QT_TRANSLATE_NOOP("Deliverability", "DKIM not checked"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The DKIM key name (selector) of this server is not known: each account chooses "
            "its own, or the server is your own.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "In the server's admin page, check that DKIM signing is on for {domain}.",
            ),
        ),
    ),
    "dns-failed": Verdict(
        Status.UNKNOWN,
        QT_TRANSLATE_NOOP("Deliverability", "Could not look up the records of {domain}"),
        QT_TRANSLATE_NOOP("Deliverability", "The DNS server did not answer: {detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Check the network, or choose the DNS server to ask (--resolver), and test again.",
            ),
        ),
    ),
    "arrival-inbox": Verdict(
        Status.GOOD,
        QT_TRANSLATE_NOOP(
            "Deliverability", "The test message arrived in {folder} after {seconds} s"
        ),
        QT_TRANSLATE_NOOP("Deliverability", "The checks of the receiving server: {results}"),
    ),
    "arrival-junk": Verdict(
        Status.WARNING,
        QT_TRANSLATE_NOOP(
            "Deliverability", "The test message landed in the junk folder ({folder})"
        ),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "It arrived after {seconds} s, but the receiving server took it for spam. Its "
            "checks: {results}",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Fix what the SPF, DKIM and DMARC lines say; a fail there is the usual cause.",
            ),
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Mark the message as not spam in {mailbox}, so that the filter learns.",
            ),
        ),
    ),
    "arrival-never": Verdict(
        Status.PROBLEM,
        QT_TRANSLATE_NOOP("Deliverability", "The test message did not arrive within {seconds} s"),
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "The server accepted it, but it is neither in the Inbox nor in the junk folder of "
            "{mailbox}: the receiving server refused it, or still holds it.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Look for a bounce (a non-delivery report) in the sender's mailbox: it names "
                "the reason.",
            ),
            QT_TRANSLATE_NOOP(
                "Deliverability", "Fix what the SPF, DKIM and DMARC lines say, and test again."
            ),
        ),
    ),
    "arrival-unreadable": Verdict(
        Status.UNKNOWN,
        QT_TRANSLATE_NOOP("Deliverability", "The mailbox could not be read"),
        QT_TRANSLATE_NOOP("Deliverability", "Whether the message arrived is unknown: {detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Deliverability",
                "Check the mailbox's IMAP server, and that the same login may read it.",
            ),
        ),
    ),
}

SUMMARIES: dict[Status, str] = {
    Status.GOOD: QT_TRANSLATE_NOOP("Deliverability", "Mail From {domain} should arrive"),
    Status.UNKNOWN: QT_TRANSLATE_NOOP(
        "Deliverability", "The domain check of {domain} could not judge everything"
    ),
    Status.WARNING: QT_TRANSLATE_NOOP(
        "Deliverability", "Some recipients may put mail From {domain} in spam"
    ),
    Status.PROBLEM: QT_TRANSLATE_NOOP(
        "Deliverability", "Recipients with strict checks will drop mail From {domain}"
    ),
}


def finding(
    record: Record, verdict_id: str, *, publish: str = "", found: str = "", **values: str
) -> Finding:
    """The catalogue's verdict with its texts filled in; `publish` also fills {record}."""
    verdict = VERDICTS[verdict_id]
    filled = {key: "" for key in PLACEHOLDERS} | values | {"record": publish}
    return Finding(
        record=record,
        status=verdict.status,
        verdict=verdict_id,
        title=Text(CONTEXT, verdict.title, **filled),
        explanation=Text(CONTEXT, verdict.explanation, **filled),
        steps=tuple(Text(CONTEXT, step, **filled) for step in verdict.steps),
        publish=publish,
        found=found,
    )


def summary(status: Status, domain: str) -> Text:
    return Text(CONTEXT, SUMMARIES[status], domain=domain)


def arrival_finding(arrival: Arrival | None, mailbox: str, error: str = "") -> Finding:
    """The verdict on the mailbox: Inbox, junk, never, or unreadable (`error`)."""
    if arrival is None:
        return finding(Record.ARRIVAL, "arrival-unreadable", detail=error, mailbox=mailbox)
    results = ", ".join(f"{k}={v}" for k, v in arrival.results) or "-"
    values = {"seconds": f"{arrival.seconds:g}", "folder": arrival.folder, "mailbox": mailbox}
    verdict = "arrival-never"
    if arrival.arrived:
        verdict = "arrival-junk" if arrival.junk else "arrival-inbox"
    return finding(Record.ARRIVAL, verdict, found=arrival.authentication_results,
                   results=results, **values)  # fmt: skip

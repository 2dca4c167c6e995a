"""What the domain check found: one finding per record kind, and the report that holds them;
and what an arrival check is asked to look for (ArrivalCheck: built on the GUI thread, so it
lives here, apart from the IMAP client in arrival.py)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.text.i18n import Text


class Status(enum.IntEnum):
    """How bad a finding is; a higher value is worse, so the report's status is the maximum."""

    GOOD = 0
    UNKNOWN = 1  # not checked, or the DNS did not answer
    WARNING = 2  # mail may land in spam, or a check cannot be made stronger
    PROBLEM = 3  # recipients with strict checks will drop or reject the mail


class Record(enum.StrEnum):
    SPF = "spf"
    DKIM = "dkim"
    DMARC = "dmarc"
    ARRIVAL = "arrival"  # the test message, looked for in the recipient's mailbox


@dataclass(frozen=True)
class Finding:
    """One verdict. `publish` is the exact DNS record to add or change ("" when none)."""

    record: Record
    status: Status
    verdict: str  # the catalogue id, e.g. "spf-provider-missing"
    title: Text
    explanation: Text
    steps: tuple[Text, ...] = ()
    publish: str = ""
    found: str = ""  # the record as published now ("" when there is none)


@dataclass(frozen=True)
class DomainReport:
    """The domain check of one From address through one server."""

    address: str
    domain: str
    server: str  # the submission server judged against ("" when none)
    provider: str  # the catalogue id of that server's provider ("" when unknown)
    findings: tuple[Finding, ...]
    elapsed_ms: int

    @property
    def status(self) -> Status:
        return max((f.status for f in self.findings), default=Status.UNKNOWN)


def shown_findings(report: DomainReport) -> tuple[Finding, ...]:
    """The findings as the admin reads them: a DNS failure said once, not once per record."""
    shown: list[Finding] = []
    for item in report.findings:
        if not (shown and item.verdict == shown[-1].verdict == "dns-failed"):
            shown.append(item)
    return tuple(shown)


@dataclass(frozen=True)
class ArrivalCheck:
    """What the admin asked for: look for the test message in this IMAP mailbox."""

    server: str = ""  # "host[:port]" (993: TLS; 143: STARTTLS), "" = the provider's
    security: Security | None = None  # None: from the port
    username: str = ""  # "": the SMTP login's
    limit: float = 120.0
    delete: bool = False
    # A login of the mailbox's own, typed for this run (the window keeps it in memory only);
    # "": the SMTP login's secret (the password, or the sign-in's access token).
    password: str = field(default="", repr=False)

"""DeliverabilityPanel: the domain check after a passed test (SPF, DKIM, DMARC), and whether the
test message arrived in the recipient's mailbox, each with steps."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from smtpgui.core.text.i18n import shown
from smtpgui.ui.qt_enums import set_enum

if TYPE_CHECKING:
    from smtpgui.core.deliverability.model import DomainReport, Finding, Status
    from smtpgui.core.jobs import Outcome

# The panel shows only after a test passed, which loaded the deliverability model and its
# verdicts: the window's first paint does without them (issue 20).


class DeliverabilityPanel(QGroupBox):
    """Hidden until a passed test brings a domain check (or says why there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deliverability"), parent)
        self.setToolTip(
            self.tr(
                "Whether mail sent From this domain through this server will be accepted by "
                "the recipients: the domain's SPF, DKIM and DMARC records."
            )
        )
        self.details = QLabel(wordWrap=True)
        self.details.setObjectName("deliverabilityDetails")
        set_enum(self.details, "textFormat", "RichText")
        set_enum(self.details, "textInteractionFlags", "TextSelectableByMouse")
        QVBoxLayout(self).addWidget(self.details)
        self.hide()

    def show_outcome(self, outcome: Outcome) -> None:
        parts: list[str] = []
        if outcome.deliverability is not None:
            parts.append(self._report_html(outcome.deliverability))
        elif outcome.deliverability_note and outcome.result.ok:
            parts.append(f"<p>{html.escape(_tr(outcome.deliverability_note))}</p>")
        if outcome.arrival_finding is not None:
            parts.append(self._arrival_html(outcome.arrival_finding))
        if not parts:
            self.hide()
            return
        self.details.setText("".join(parts))
        self.show()

    def _arrival_html(self, item: Finding) -> str:
        """The mailbox's verdict under its own heading, as the domain check's summary."""
        colour, mark = _look(item.status)
        head = f"<p style='color:{colour}'><b>{mark} {_escaped(item.title)}</b></p>"
        return head + self._finding_html(item, titled=False)

    def _report_html(self, report: DomainReport) -> str:
        from smtpgui.core.deliverability.model import shown_findings  # see the imports
        from smtpgui.core.deliverability.verdicts import summary

        colour, mark = _look(report.status)
        title = _escaped(summary(report.status, report.domain))
        head = f"<p style='color:{colour}'><b>{mark} {title}</b></p>"
        return head + "".join(self._finding_html(item) for item in shown_findings(report))

    def _finding_html(self, item: Finding, titled: bool = True) -> str:
        """The finding's line (`titled`: with its mark, record and title), and its steps."""
        from smtpgui.core.deliverability.model import Record  # see the imports

        colour, mark = _look(item.status)
        arrival = item.record is Record.ARRIVAL
        title = (
            f"<span style='color:{colour}'>{mark}</span> <b>{html.escape(item.record.upper())}:"
            f"</b> {_escaped(item.title)}<br>"
        )
        parts = [f"<p>{title if titled else ''}{_escaped(item.explanation)}"]
        found = "Authentication-Results:" if arrival else self.tr("Published now:")
        labels = ((found, item.found), (self.tr("To publish:"), item.publish))
        parts += [f"<br>{html.escape(k)} <tt>{html.escape(v)}</tt>" for k, v in labels if v]
        parts.append("</p>")
        if item.steps:
            parts.append("<ol>" + "".join(f"<li>{_escaped(s)}</li>" for s in item.steps) + "</ol>")
        return "".join(parts)


def _look(status: Status) -> tuple[str, str]:
    """(colour, mark): as the certificate panel and the steps show them."""
    from smtpgui.core.deliverability.model import Status  # see the imports

    looks = {
        Status.GOOD: ("#26a269", "✓"),
        Status.UNKNOWN: ("#5e5c64", "?"),
        Status.WARNING: ("#c64600", "!"),
        Status.PROBLEM: ("#a51d2d", "✗"),
    }
    return looks[status]


def _tr(message: str) -> str:
    return shown(message, QCoreApplication.translate)


def _escaped(message: str) -> str:
    return html.escape(_tr(message))

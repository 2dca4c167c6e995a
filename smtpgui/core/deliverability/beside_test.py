"""The domain check on a thread of its own, started beside the SMTP test so it adds little time.

It never changes the test's pass or fail: whatever happens to it ends as a report, or as a
sentence saying why there is none.
"""

from __future__ import annotations

import threading

from smtpgui.core.deliverability.domain_check import check_domain
from smtpgui.core.deliverability.model import DomainReport
from smtpgui.core.profile.settings import Settings
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text


class DomainCheckBesideTest:
    """`start()` before the test, `report(limit)` after it passed (from the same worker)."""

    def __init__(self, settings: Settings, dns_server: str = "") -> None:
        server = settings.endpoints[0].ascii_host if settings.endpoints else ""
        self._args = (settings.sender, server)
        self._dns_server = dns_server
        # Per DNS question: an unanswered SPF lookup asks twice (types SPF and TXT), and the
        # check then stops, so a dead DNS server is reported within the test's own time limit.
        self._timeout = min(settings.timeout / 3, 3.0)
        self._done = threading.Event()
        self._report: DomainReport | None = None
        self._error: str = ""
        self._thread = threading.Thread(target=self._run, name="domain-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def report(self, limit: float) -> tuple[DomainReport | None, str]:
        """The report, or None and why: waits at most `limit` seconds for it."""
        if not self._done.wait(limit):
            return None, Text(
                "Deliverability",
                QT_TRANSLATE_NOOP("Deliverability", "The domain check took too long."),
            )
        return self._report, self._error

    def _run(self) -> None:
        try:
            address, server = self._args
            self._report = check_domain(
                address, server, dns_server=self._dns_server, timeout=self._timeout
            )
        except Exception as exc:  # never let the extra check break the test
            self._error = Text(
                "Deliverability",
                QT_TRANSLATE_NOOP("Deliverability", "The domain check could not run: {reason}"),
                reason=str(exc) or type(exc).__name__,
            )
        finally:
            self._done.set()

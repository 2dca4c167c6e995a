"""Find the outgoing server from an e-mail address: one discovery run, the sources in order,
DNS questions at once, cancellable from any thread."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from typing import Any

from smtpgui.core.discovery.findings import (
    DiscoverOptions,
    Finding,
    Source,
    catalogue_findings,
    domain_of,
    outside_of,
)
from smtpgui.core.smtp.endpoint import Security

FindingCallback = Callable[[Finding], None]
Job = Callable[[], list[Finding]]


class Discovery:
    """Asks the sources from the most to the least trusted and keeps what they say.

    Order: the catalogue by domain; DNS (the SRV records and the MX match, asked at once);
    autoconfig when the options allow it; and guessed hosts, probed only when nothing before
    found anything (the weakest clue, and the slowest). `callback(finding)` receives each new
    finding as its source answers, on the thread that called `run()`. `cancel()` may be called
    from any thread: `run()` then returns what it has at once, and the probes stop. The
    constructor raises DiscoverError for an address it cannot use. A Discovery runs once.
    """

    def __init__(
        self,
        address: str,
        options: DiscoverOptions | None = None,
        callback: FindingCallback | None = None,
    ) -> None:
        self.address = address.strip()
        self.domain = domain_of(address)
        self._options = options or DiscoverOptions()
        self._callback = callback
        self._lock = threading.Lock()  # guards _cancelled, _wake, _on_cancel
        self._cancelled = False
        self._wake = threading.Event()
        self._on_cancel: list[Callable[[], None]] = []
        self._findings: list[Finding] = []
        self._seen: set[tuple[str, int, Security]] = set()

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            self._wake.set()
            stoppers = list(self._on_cancel)
        for stop in stoppers:
            stop()

    def run(self) -> list[Finding]:
        options, domain = self._options, self.domain
        self._keep(catalogue_findings(domain))
        from smtpgui.core.discovery.dns_records import mx_findings, srv_findings

        resolver, timeout = options.resolver, options.timeout
        self._gather(
            [
                lambda: srv_findings(domain, resolver, timeout),
                lambda: mx_findings(domain, resolver, timeout),
            ]
        )
        if options.autoconfig and not self.cancelled:
            self._gather([self._autoconfig])
        if options.probe_guesses and not self._findings and not self.cancelled:
            self._gather([self._guesses])
        return list(self._findings)

    # -- the sources ------------------------------------------------------------------------

    def _autoconfig(self) -> list[Finding]:
        from smtpgui.core.discovery.autoconfig import autoconfig_findings

        options = self._options
        urls = [(Source.AUTOCONFIG, url) for url in options.autoconfig_urls]
        urls.append((Source.ISPDB, options.ispdb_url))
        return autoconfig_findings(
            self.address, self.domain, urls, options.http_opener, options.timeout
        )

    def _guesses(self) -> list[Finding]:
        from smtpgui.core.discovery.guess import GuessProbe

        options = self._options
        probe = GuessProbe(
            [template.format(domain=self.domain) for template in options.guess_hosts],
            options.guess_ports,
            timeout=options.timeout,
            ca_file=options.ca_file,
            address_resolver=options.address_resolver,
        )
        with self._lock:
            self._on_cancel.append(probe.cancel)
            cancelled = self._cancelled
        if cancelled:
            probe.cancel()
        return probe.run()

    # -- running them ------------------------------------------------------------------------

    def _gather(self, jobs: Sequence[Job]) -> None:
        """Run the jobs at once; keep their findings in the order of `jobs`.

        Waits until all are done or cancel() is called; a job still running then goes on on
        its daemon thread, bounded by its own timeout, and its answer is dropped.
        """
        results: list[list[Finding] | None] = [None] * len(jobs)
        errors: list[Exception] = []
        left = [len(jobs)]
        with self._lock:
            if self._cancelled:
                return
            wake = self._wake = threading.Event()

        def work(index: int) -> None:
            try:
                results[index] = jobs[index]()
            except Exception as exc:  # a bug, or a broken providers.json: the caller's to see
                errors.append(exc)
            finally:
                with self._lock:
                    left[0] -= 1
                    if left[0] == 0:
                        wake.set()

        for index in range(len(jobs)):
            threading.Thread(
                target=work, args=(index,), name="smtpgui-discover", daemon=True
            ).start()
        wake.wait()  # set by the last job or by cancel(); every job has a deadline
        if errors and not self.cancelled:
            raise errors[0]
        if not self.cancelled:
            for found in results:
                self._keep(found or [])

    def _keep(self, findings: list[Finding]) -> None:
        for finding in findings:
            if outside_of(finding, self.domain):
                finding = dataclasses.replace(finding, outside=self.domain)
            key = (finding.host.lower(), finding.port, finding.security)
            if key in self._seen:
                continue  # the same server from a weaker source: the first source stays
            self._seen.add(key)
            self._findings.append(finding)
            if self._callback is not None:
                self._callback(finding)


def discover(address: str, **options: Any) -> list[Finding]:
    """Every suggestion for `address`, best source first, without duplicates.

    Takes the fields of DiscoverOptions as keywords; see Discovery for the order and for a
    run that can be cancelled and reports each finding as it comes.
    """
    return Discovery(address, DiscoverOptions(**options)).run()

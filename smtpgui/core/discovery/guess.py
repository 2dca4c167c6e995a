"""The last resort of discovery: ask smtp.<domain> and mail.<domain> what they offer, at once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from smtpgui.core.discovery.detect import Detector, suggest
from smtpgui.core.discovery.findings import Finding, Source
from smtpgui.core.smtp.endpoint import EndpointError, Security

if TYPE_CHECKING:
    from smtpgui.core.smtp.connection import Resolver


class GuessProbe:
    """Probes every port of every host at once, as Detect does: never a login, never a mail.

    Each host gets its own Detector, so the whole takes as long as the slowest port.
    `cancel()` may be called from any thread, before or during `run()`.
    """

    def __init__(
        self,
        hosts: Sequence[str],
        ports: Sequence[tuple[int, Security]],
        *,
        timeout: float,
        ca_file: str = "",
        address_resolver: Resolver | None = None,
    ) -> None:
        self._detectors: list[tuple[str, Detector]] = []
        for host in hosts:
            try:
                detector = Detector(
                    host, ca_file=ca_file, timeout=timeout, ports=ports, resolver=address_resolver
                )
            except EndpointError:
                continue  # the domain makes no valid host name with this template
            self._detectors.append((host, detector))

    def cancel(self) -> None:
        for _, detector in self._detectors:
            detector.cancel()

    def run(self) -> list[Finding]:
        """One Finding per host that answered, in the order of the hosts."""
        results: list[Finding | None] = [None] * len(self._detectors)

        def work(index: int) -> None:
            host, detector = self._detectors[index]
            suggestion = suggest(detector.run())
            if suggestion is not None:
                results[index] = Finding(
                    host,
                    suggestion.port,
                    suggestion.security,
                    Source.GUESS,
                    host,
                    auth_method=suggestion.auth,
                )

        threads = [
            threading.Thread(target=work, args=(i,), name="smtpgui-guess", daemon=True)
            for i in range(len(self._detectors))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()  # every step of every port has its own deadline; cancel() breaks them
        return [finding for finding in results if finding is not None]

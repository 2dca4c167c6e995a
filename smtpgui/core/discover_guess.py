"""The last resort of discovery: ask smtp.<domain> and mail.<domain> what they offer, at once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from smtpgui.core.detect import Detector, suggest
from smtpgui.core.discover import Finding, Source
from smtpgui.core.endpoint import EndpointError, Security

if TYPE_CHECKING:
    from smtpgui.core.connection import Resolver


def guess_findings(
    hosts: Sequence[str],
    ports: Sequence[tuple[int, Security]],
    timeout: float,
    ca_file: str,
    address_resolver: Resolver | None,
) -> list[Finding]:
    """One Finding per host that answered, in the order of `hosts`.

    Each host gets its own Detector, so every port of every host is asked in parallel and the
    whole takes as long as the slowest port (never a login: Detect sends no credential).
    """
    results: list[Finding | None] = [None] * len(hosts)

    def work(index: int) -> None:
        try:
            detector = Detector(
                hosts[index],
                ca_file=ca_file,
                timeout=timeout,
                ports=ports,
                resolver=address_resolver,
            )
        except EndpointError:
            return  # the domain makes no valid host name here
        suggestion = suggest(detector.run())
        if suggestion is not None:
            results[index] = Finding(
                hosts[index],
                suggestion.port,
                suggestion.security,
                Source.GUESS,
                hosts[index],
                auth_method=suggestion.auth,
            )

    threads = [
        threading.Thread(target=work, args=(i,), name="smtpgui-guess", daemon=True)
        for i in range(len(hosts))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()  # every step of every port has its own deadline
    return [finding for finding in results if finding is not None]

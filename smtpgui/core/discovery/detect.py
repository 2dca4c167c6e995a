"""Detect: ask ports 465, 587 and 25 of a host at once what they offer, and suggest a setting."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    Endpoint,
    EndpointError,
    Security,
    parse_entries,
)
from smtpgui.core.smtp.mechanisms import PREFERENCE_CLEAR, PREFERENCE_TLS
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from smtpgui.core.discovery.detect_port import PortProbe, PortReport
    from smtpgui.core.smtp.connection import Resolver

__all__ = ["DETECT_PORTS", "Detector", "PortReport", "Suggestion", "suggest"]


def __getattr__(name: str) -> object:
    # PortReport is re-exported lazily: detect_port pulls in smtplib and ssl, and the window
    # imports this module for DETECT_PORTS long before anything is detected (PEP 562).
    if name == "PortReport":
        from smtpgui.core.discovery.detect_port import PortReport

        return PortReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The ports Detect asks, each with the security tried first. RFC 8314 §3.3: submission over
# implicit TLS first, then STARTTLS on 587 (RFC 6409); port 25 is for relaying between servers
# but some offices' providers only open that one: STARTTLS is tried there too, and a port 25
# without it is reported unencrypted.
DETECT_PORTS: tuple[tuple[int, Security], ...] = (
    (DEFAULT_PORTS[Security.TLS], Security.TLS),
    (DEFAULT_PORTS[Security.STARTTLS], Security.STARTTLS),
    (DEFAULT_PORTS[Security.NONE], Security.STARTTLS),
)

PortCallback = Callable[[int, TranscriptLine], None]


class Detector:
    """Probes every port on its own thread; `run()` blocks until the slowest port is done.

    No credential is ever sent, nor MAIL, RCPT or DATA. `callback(port, line)` receives each
    transcript line; it is called from the port threads, one call at a time. `cancel()` may be
    called from any thread, before or during `run()`, and every port stops at once. A Detector
    runs once.
    """

    def __init__(
        self,
        host: str,
        *,
        ca_file: str = "",
        timeout: float = 10.0,
        ports: Sequence[tuple[int, Security]] = DETECT_PORTS,
        callback: PortCallback | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        if not ports:
            raise ValueError("Detect needs at least one port")
        if timeout <= 0:
            raise ValueError("The time limit must be positive")
        name = _host_of(host)
        self._endpoints = tuple(Endpoint(security, name, port) for port, security in ports)
        self._ca_file = ca_file
        self._timeout = timeout
        self._callback = callback
        self._resolver = resolver
        self._lock = threading.Lock()  # guards _probes, _cancelled, _started
        self._callback_lock = threading.Lock()
        self._probes: list[PortProbe] = []
        self._cancelled = False
        self._started = False
        self._start = time.monotonic()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            probes = list(self._probes)
        for probe in probes:
            probe.cancel()

    def run(self) -> tuple[PortReport, ...]:
        """One report per port, in the order of `ports`."""
        probes = self._make_probes()
        reports: list[PortReport | None] = [None] * len(probes)

        def work(index: int) -> None:
            reports[index] = probes[index].run()

        threads = [
            threading.Thread(target=work, args=(i,), name=f"smtpgui-detect-{e.port}", daemon=True)
            for i, e in enumerate(self._endpoints)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()  # each step has its own deadline, and cancel() breaks every wait
        return tuple(report for report in reports if report is not None)

    def _make_probes(self) -> list[PortProbe]:
        from smtpgui.core.discovery.detect_port import PortProbe

        with self._lock:
            if self._started:
                raise RuntimeError("A Detector runs once; make a new one")
            self._started = True
            self._start = time.monotonic()
            self._probes = [
                PortProbe(
                    endpoint,
                    ca_file=self._ca_file,
                    timeout=self._timeout,
                    resolver=self._resolver,
                    log=self._logger(endpoint.port),
                )
                for endpoint in self._endpoints
            ]
            cancelled = self._cancelled
        if cancelled:
            for probe in self._probes:
                probe.cancel()
        return self._probes

    def _logger(self, port: int) -> Callable[[Direction, str], None]:
        def log(direction: Direction, text: str) -> None:
            line = TranscriptLine(direction, text, int((time.monotonic() - self._start) * 1000))
            if self._callback is not None:
                with self._callback_lock:
                    self._callback(port, line)

        return log


def _host_of(text: str) -> str:
    """The host of a Server field entry ("ssl://smtp.example.com:465" gives smtp.example.com).

    A typed prefix or port is ignored: finding them is what Detect is for.
    """
    entries = parse_entries(text)
    if len(entries) > 1:
        raise EndpointError("Detect checks one server at a time; remove the backup servers")
    return entries[0].host


# -- the suggestion ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """The setting to fill into the form, and why, in the admin's words."""

    security: Security
    port: int
    auth: AuthMethod
    reason: Text


_SECURITY_RANK = {Security.TLS: 0, Security.STARTTLS: 1, Security.NONE: 2}
_SECURITY_WORDS = {
    Security.TLS: "SSL/TLS (implicit TLS)",
    Security.STARTTLS: "STARTTLS",
    Security.NONE: "no encryption",
}


def suggest(reports: Sequence[PortReport]) -> Suggestion | None:
    """The best reachable port per RFC 8314, or None when no port answered.

    Order: encrypted before plain; among encrypted, a trusted certificate before an untrusted
    one, then implicit TLS before STARTTLS, then any port before 25, then the order of `reports`.
    """
    usable = [(index, report) for index, report in enumerate(reports) if report.reachable]
    if not usable:
        return None
    _, best = min(usable, key=_rank)
    auth = _mechanism(best)
    return Suggestion(best.security, best.port, auth, _reason(best, auth))


def _rank(item: tuple[int, PortReport]) -> tuple[bool, bool, int, bool, int]:
    index, report = item
    return (
        not report.encrypted,
        report.encrypted and report.certificate_ok is not True,
        _SECURITY_RANK[report.security],
        report.port == 25,
        index,
    )


def _mechanism(report: PortReport) -> AuthMethod:
    if not report.auth:
        return AuthMethod.NONE  # no AUTH advertised: the server relays for this network
    preference = PREFERENCE_TLS if report.encrypted else PREFERENCE_CLEAR  # as the probe's
    for name in preference:
        if name in report.auth:
            return AuthMethod(name.lower())
    return AuthMethod.AUTO  # only mechanisms we do not speak (XOAUTH2, NTLM, ...)


def _reason(report: PortReport, auth: AuthMethod) -> Text:
    parts = [
        _t(
            QT_TRANSLATE_NOOP("Detect", "Port {port} works with {security}."),
            port=str(report.port),
            security=_SECURITY_WORDS[report.security],
        )
    ]
    if report.security is Security.NONE:
        parts.append(
            _t(
                QT_TRANSLATE_NOOP(
                    "Detect",
                    "No port answered with encryption, so mail (and a password, if one is "
                    "used) would cross the network readable by anyone on the way.",
                )
            )
        )
    elif report.certificate_ok is not True:
        parts.append(
            _t(
                QT_TRANSLATE_NOOP(
                    "Detect",
                    "Its certificate is not trusted ({reason}): choose your company's CA file, "
                    "or ask the provider for a proper certificate.",
                ),
                reason=report.certificate_error or "not checked",
            )
        )
    elif report.security is not Security.TLS:
        parts.append(
            _t(QT_TRANSLATE_NOOP("Detect", "No port offered implicit TLS, which RFC 8314 prefers."))
        )
    parts.append(_auth_words(report, auth))
    # A template of placeholders only: each sentence is translated on its own.
    template = " ".join(f"{{p{index}}}" for index in range(len(parts)))
    return Text("Detect", template, **{f"p{index}": part for index, part in enumerate(parts)})


def _auth_words(report: PortReport, auth: AuthMethod) -> Text:
    if auth is AuthMethod.NONE:
        return _t(
            QT_TRANSLATE_NOOP(
                "Detect",
                "The server asks for no login: it relays mail from your network without one.",
            )
        )
    offered = ", ".join(report.auth)
    if auth is AuthMethod.AUTO:
        return _t(
            QT_TRANSLATE_NOOP(
                "Detect", "The server only offers logins this program cannot use ({offered})."
            ),
            offered=offered,
        )
    return _t(
        QT_TRANSLATE_NOOP("Detect", "Login with {mechanism} (the server offers {offered})."),
        mechanism=auth.upper(),
        offered=offered,
    )


def _t(template: str, **values: str) -> Text:
    return Text("Detect", template, **values)

"""`smtpgui domain-check ADDRESS`, and the deliverability part of `check`'s output."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from smtpgui.cli.errors import CliError
from smtpgui.cli.language import cli, say
from smtpgui.cli.stdio import print_json
from smtpgui.core import exit_codes as codes
from smtpgui.core.deliverability.model import DomainReport, Finding, Status, shown_findings
from smtpgui.core.deliverability.verdicts import summary
from smtpgui.core.profile.settings import Settings
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

STATUS_WORDS = {
    Status.GOOD: "ok",
    Status.UNKNOWN: "unknown",
    Status.WARNING: "warning",
    Status.PROBLEM: "problem",
}


def run(args: argparse.Namespace, saved: Settings | None) -> int:
    """`saved`: the saved settings, whose server is judged when there is no --server."""
    from smtpgui.core.deliverability.domain_check import DomainCheckError, check_domain
    from smtpgui.core.discovery.dns_records import ResolverError

    server = _server_host(args.server, saved)
    try:
        report = check_domain(
            args.address, server, dns_server=args.resolver or "", timeout=args.timeout
        )
    except (DomainCheckError, ResolverError) as exc:
        raise CliError(str(exc), codes.INVALID_INPUT) from None
    if args.json:
        print_json(report_json(report))
    else:
        print_report(report)
    return codes.DELIVERABILITY if report.status is Status.PROBLEM else codes.OK


def _server_host(server: str | None, saved: Settings | None) -> str:
    """The first host of --server, else of the saved settings ("" when neither)."""
    from smtpgui.core.smtp.endpoint import EndpointError, parse_server

    if server is None:
        endpoints = saved.endpoints if saved else ()
    else:
        try:
            endpoints = parse_server(server)
        except EndpointError as exc:
            raise CliError(f"--server: {exc}", codes.INVALID_INPUT) from None
    return endpoints[0].ascii_host if endpoints else ""


def report_json(report: DomainReport) -> dict[str, Any]:
    return {
        "address": report.address,
        "domain": report.domain,
        "server": report.server or None,
        "provider": report.provider or None,
        "status": STATUS_WORDS[report.status],
        "summary": str(summary(report.status, report.domain)),
        "elapsed_ms": report.elapsed_ms,
        "findings": [finding_json(f) for f in report.findings],
    }


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "record": str(f.record),
        "status": STATUS_WORDS[f.status],
        "verdict": f.verdict,
        "title": str(f.title),
        "explanation": str(f.explanation),
        "steps": [str(step) for step in f.steps],
        "found": f.found or None,
        "publish": f.publish or None,
    }


def print_report(report: DomainReport, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    heading = (
        cli(
            QT_TRANSLATE_NOOP("Cli", "Deliverability of mail From {domain} through {server}:"),
            domain=report.domain,
            server=report.server,
        )
        if report.server
        else cli(
            QT_TRANSLATE_NOOP("Cli", "Deliverability of mail From {domain}:"), domain=report.domain
        )
    )
    print(heading, file=out)
    print(say(summary(report.status, report.domain)), file=out)
    for f in shown_findings(report):
        print_finding(f, out)


def print_finding(f: Finding, out: TextIO) -> None:
    print(f"  [{STATUS_WORDS[f.status]}] {f.record.upper()}: {say(f.title)}", file=out)
    print(f"      {say(f.explanation)}", file=out)
    if f.found:
        print(
            "      " + cli(QT_TRANSLATE_NOOP("Cli", "found:   {record}"), record=f.found), file=out
        )
    if f.publish:
        print(
            "      " + cli(QT_TRANSLATE_NOOP("Cli", "publish: {record}"), record=f.publish),
            file=out,
        )
    for n, step in enumerate(f.steps, 1):
        print(f"      {n}. {say(step)}", file=out)

"""`smtpgui domain-check ADDRESS`, and the deliverability part of `check`'s output."""

from __future__ import annotations

import argparse

from smtpgui.cli.errors import CliError
from smtpgui.cli.output import print_json, print_report, report_json
from smtpgui.core import exit_codes as codes
from smtpgui.core.deliverability.model import Status
from smtpgui.core.profile.settings import Settings


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

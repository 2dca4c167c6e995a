"""`smtpgui discover ADDRESS`: print every suggested server for an address, and its source.

For the tests only, three environment variables keep discovery on this machine:
SMTPGUI_DNS_SERVER=127.0.0.1:PORT asks that DNS server instead of the system's (as --resolver);
SMTPGUI_GUESS_HOSTS=host,host replaces smtp.<domain> and mail.<domain>;
SMTPGUI_GUESS_PORTS=tls:PORT,starttls:PORT replaces ports 465, 587 and 25.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from typing import Any

from smtpgui.cli.errors import CliError, message_of, option_error
from smtpgui.cli.language import cli, say
from smtpgui.cli.stdio import print_json
from smtpgui.core import exit_codes as codes
from smtpgui.core.discovery.findings import DiscoverError, Finding
from smtpgui.core.discovery.run import discover
from smtpgui.core.providers.catalogue import provider, rule_text
from smtpgui.core.smtp.endpoint import Endpoint, Security
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP


def run(args: argparse.Namespace) -> int:
    from smtpgui.core.discovery.dns_records import ResolverError, make_resolver

    hooks = test_hooks(os.environ)
    try:
        resolver = make_resolver(args.resolver or "")  # else SMTPGUI_DNS_SERVER, else the system's
    except ResolverError as exc:
        raise CliError(option_error("--resolver", exc), codes.INVALID_INPUT) from None
    try:
        findings = discover(
            args.address,
            resolver=resolver,
            autoconfig=args.autoconfig,
            probe_guesses=not args.no_probe,
            timeout=args.timeout,
            **hooks,
        )
    except DiscoverError as exc:
        raise CliError(message_of(exc), codes.INVALID_INPUT) from None
    if args.json:
        print_json({"address": args.address, "findings": [finding_json(f) for f in findings]})
    else:
        print_findings(args.address, findings)
    # Nothing found means no source knew the domain and no guessed host answered.
    return codes.OK if findings else codes.CONNECT


def test_hooks(environ: Mapping[str, str]) -> dict[str, Any]:
    hooks: dict[str, Any] = {}
    if environ.get("SMTPGUI_GUESS_HOSTS"):
        hooks["guess_hosts"] = tuple(environ["SMTPGUI_GUESS_HOSTS"].split(","))
    if environ.get("SMTPGUI_GUESS_PORTS"):
        ports = []
        for item in environ["SMTPGUI_GUESS_PORTS"].split(","):
            security, _, port = item.partition(":")
            ports.append((int(port), Security(security)))
        hooks["guess_ports"] = tuple(ports)
    return hooks


def server_text(finding: Finding) -> str:
    """As the Server field and `check --server` take it: ssl://host:465, tls://host:587."""
    return str(Endpoint(finding.security, finding.host, finding.port))


def finding_json(finding: Finding) -> dict[str, Any]:
    entry = provider(finding.provider_id) if finding.provider_id else None
    return {
        "server": server_text(finding),
        "host": finding.host,
        "port": finding.port,
        "security": str(finding.security),
        "source": str(finding.source),
        "source_text": str(finding.source_text),
        "detail": finding.detail,
        "provider": finding.provider_id or None,
        "provider_name": entry.name if entry else None,
        "auth": [str(kind) for kind in finding.auth],
        "auth_method": str(finding.auth_method) if finding.auth_method else None,
        "username": finding.username or None,
        "outside_domain": bool(finding.outside),
        "warning": str(finding.warning) if finding.warning else None,
    }


def print_findings(address: str, findings: Sequence[Finding]) -> None:
    if not findings:
        print(
            cli(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "Nothing found for {address}: no source knew the domain, "
                    "no guessed host answered.",
                ),
                address=address,
            )
        )
        return
    print(
        cli(
            QT_TRANSLATE_NOOP(
                "Cli",
                "Suggestions for {address}, best first "
                "(test one with: smtpgui check --server ...):",
            ),
            address=address,
        )
    )
    for finding in findings:
        print(
            f"  {server_text(finding):40} "
            + cli(QT_TRANSLATE_NOOP("Cli", "from {source}"), source=say(finding.source_text))
        )
        for note in _notes(finding):
            print(f"      {say(note)}")


def _notes(finding: Finding) -> list[str]:
    notes = [str(finding.warning)] if finding.warning else []
    if finding.auth:
        notes.append("accepts: " + ", ".join(finding.auth))
    if finding.auth_method:
        notes.append(f"login offered: {finding.auth_method}")
    if finding.provider_id:
        entry = provider(finding.provider_id)
        notes.append(rule_text(entry.username_rule, entry.username))
        if entry.from_rule:
            notes.append(rule_text(entry.from_rule))
        notes += [f"help ({link.topic}): {link.url}" for link in entry.help]
    elif finding.username:
        notes.append(f"user name: {finding.username}")
    return notes

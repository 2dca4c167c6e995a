"""The support file: everything a helper needs to understand a test, and no secret."""

from __future__ import annotations

import json
import platform
from collections.abc import Sequence
from datetime import UTC, datetime

from smtpgui import __version__
from smtpgui.core.deliverability.model import DomainReport, Finding, shown_findings
from smtpgui.core.deliverability.verdicts import summary
from smtpgui.core.diagnosis.diagnose import Diagnosis
from smtpgui.core.profile.settings import Settings, to_json
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.core.smtp.transcript import TranscriptLine


def support_report(
    *,
    settings: Settings | None,
    result: ProbeResult | None,
    diagnosis: Diagnosis | None,
    steps: str,
    transcript: Sequence[TranscriptLine],
    deliverability: DomainReport | None = None,
    arrival: Finding | None = None,
) -> str:
    """Plain text: settings (no password: there is none in Settings), outcome, steps, log."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    sections = [
        f"smtpgui {__version__} support file, {now}",
        f"Python {platform.python_version()} on {platform.platform()}",
        _section("Settings (the password is never included)", _settings_text(settings)),
        _section("Kept insecure on purpose", _insecure_text(settings)),
        _section("Outcome", _outcome_text(result)),
    ]
    if diagnosis is not None:
        steps_text = "\n".join(f"{n}. {step}" for n, step in enumerate(diagnosis.steps, 1))
        provider_text = "\n".join(diagnosis.provider_lines())
        body = f"{diagnosis.title}\n{diagnosis.explanation}\n{steps_text}\n{provider_text}"
        body = body.strip()
        sections.append(_section("Diagnosis", body))
    if deliverability is not None:
        sections.append(_section("Deliverability (domain check)", _domain_text(deliverability)))
    if arrival is not None:
        sections.append(_section("Arrival (the test recipient's mailbox)", _finding_text(arrival)))
    sections.append(_section("Steps", steps))
    sections.append(_section("Transcript", "\n".join(line.format() for line in transcript)))
    return "\n\n".join(sections) + "\n"


def _section(title: str, body: str) -> str:
    return f"== {title} ==\n{body or '(none)'}"


def _settings_text(settings: Settings | None) -> str:
    if settings is None:
        return ""
    return json.dumps(to_json(settings), indent=2, ensure_ascii=False)


def _insecure_text(settings: Settings | None) -> str:
    from smtpgui.core.profile.insecure import weakened

    found = weakened(settings) if settings is not None else ()
    return "\n".join(f"- {text}" for text in found) or "Nothing."


def _outcome_text(result: ProbeResult | None) -> str:
    if result is None:
        return "No test was run."
    if result.ok:
        via = result.endpoint or ""
        return f"Passed in {result.elapsed_ms} ms via {via}; message {result.message_id}"
    lines = [
        f"Failed at {result.phase.value if result.phase else '?'} ({result.failure})",
        f"Server: {result.endpoint or ''}",
        f"Reply: {result.reply or '-'}",
        f"Detail: {result.detail or '-'}",
    ]
    if result.tls is not None:
        lines.append(f"TLS: {result.tls.version} {result.tls.cipher}")
    return "\n".join(lines)


def _domain_text(report: DomainReport) -> str:
    lines = [
        f"From {report.domain} through {report.server or '-'} "
        f"({report.provider or 'no known provider'}), {report.elapsed_ms} ms",
        str(summary(report.status, report.domain)),
    ]
    lines += [_finding_text(item) for item in shown_findings(report)]
    return "\n".join(lines)


def _finding_text(item: Finding) -> str:
    lines = [f"{item.record.upper()} [{item.verdict}]: {item.title}", f"  {item.explanation}"]
    lines += [f"  found: {item.found}"] if item.found else []
    lines += [f"  publish: {item.publish}"] if item.publish else []
    lines += [f"  {n}. {step}" for n, step in enumerate(item.steps, 1)]
    return "\n".join(lines)

"""What the CLI prints: the live transcript, the outcome, and the --json object."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from smtpgui.cli.language import cli, say, translate
from smtpgui.core.smtp.phases import PhaseChange, PhaseState
from smtpgui.core.smtp.result import ProbeResult
from smtpgui.core.smtp.transcript import TranscriptLine
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smtpgui.core.diagnosis.diagnose import Diagnosis
    from smtpgui.core.jobs import Outcome


class TranscriptPrinter:
    """The probe callback for the terminal: one swaks-like line per event, flushed at once."""

    def __init__(self, out: TextIO | None = None, quiet: bool = False) -> None:
        self._out = out or sys.stdout
        self._quiet = quiet
        self.lines: list[TranscriptLine] = []

    def __call__(self, event: TranscriptLine | PhaseChange) -> None:
        if isinstance(event, TranscriptLine):
            self.lines.append(event)
            if not self._quiet:
                print(event.shown(translate), file=self._out, flush=True)


PASSWORD = QT_TRANSLATE_NOOP("Cli", "password")
SIGN_IN = QT_TRANSLATE_NOOP("Cli", "sign-in")


def print_outcome(outcome: Outcome, out: TextIO | None = None, secret: str = PASSWORD) -> None:
    """`secret`: what went to the keyring on a save ("sign-in" for OAuth2)."""
    out = out or sys.stdout
    result = outcome.result
    if result.ok:
        ok = QT_TRANSLATE_NOOP("Cli", "OK: the server accepted the test message in {ms} ms.")
        print("\n" + cli(ok, ms=str(result.elapsed_ms)), file=out)
        if outcome.saved:
            saved = QT_TRANSLATE_NOOP(
                "Cli", "Saved: the {secret} in the keyring, the rest in the settings file."
            )
            print(cli(saved, secret=cli(secret)), file=out)
    elif outcome.diagnosis is not None:
        print(file=out)
        print(format_diagnosis(outcome.diagnosis.translated(translate), result), file=out)
    if outcome.save_error:
        unsaved = cli(
            QT_TRANSLATE_NOOP("Cli", "Nothing was saved: {error}"), error=say(outcome.save_error)
        )
        print("\n" + unsaved, file=out)
    _print_deliverability(outcome, out)


def _print_deliverability(outcome: Outcome, out: TextIO) -> None:

    if outcome.deliverability is not None:
        print(file=out)
        from smtpgui.cli.deliverability import print_report  # Deferred: only after a domain check

        print_report(outcome.deliverability, out)
    elif outcome.deliverability_note:
        note = say(outcome.deliverability_note)
        print("\n" + cli(QT_TRANSLATE_NOOP("Cli", "Deliverability: {note}"), note=note), file=out)
    if outcome.arrival_finding is not None:
        from smtpgui.cli.deliverability import print_finding  # Deferred: only with --arrival

        print(file=out)
        print_finding(outcome.arrival_finding, out)


def format_diagnosis(diagnosis: Diagnosis, result: ProbeResult) -> str:
    step = result.phase.value.upper() if result.phase else "?"
    # Sent but never confirmed is not a failure: the message may have been delivered.
    template = (
        QT_TRANSLATE_NOOP("Cli", "UNCERTAIN at {step}: {title}")
        if result.uncertain
        else QT_TRANSLATE_NOOP("Cli", "FAILED at {step}: {title}")
    )
    lines = [cli(template, step=step, title=diagnosis.title), diagnosis.explanation]
    if result.reply and result.reply not in diagnosis.explanation:
        lines.append(cli(QT_TRANSLATE_NOOP("Cli", "Server: {reply}"), reply=result.reply))
    lines += [f"  {n}. {text}" for n, text in enumerate(diagnosis.steps, 1)]
    if diagnosis.hint:
        lines.append(cli(QT_TRANSLATE_NOOP("Cli", "Tip: {hint}"), hint=diagnosis.hint))
    lines += diagnosis.provider_lines()
    return "\n".join(lines)


def outcome_json(outcome: Outcome, transcript: list[TranscriptLine], code: int) -> dict[str, Any]:
    """The --json object: everything a script needs to decide, and no secret."""
    result = outcome.result
    return {
        "ok": result.ok,
        "exit_code": code,
        "phase": result.phase.value if result.phase else None,
        "failure": result.failure.value if result.failure else None,
        # The phase's state in the steps list: "uncertain" when the message may be delivered.
        "phase_state": _phase_state(result),
        "reply_code": result.code,
        "enhanced_code": result.enhanced or None,
        "server_text": result.server_text or None,
        "detail": str(result.detail) or None,
        "diagnosis": _diagnosis_json(outcome.diagnosis),
        "endpoint": str(result.endpoint) if result.endpoint else None,
        "tls": asdict(result.tls) if result.tls else None,
        "certificate": _certificate_json(result),
        "verified": result.verified,
        "capabilities": list(result.capabilities),
        "auth_offered": list(result.auth_offered),
        "auth_mechanism": result.auth_mechanism or None,
        "elapsed_ms": result.elapsed_ms,
        "message_id": result.message_id or None,
        "saved": outcome.saved,
        "save_error": outcome.save_error or None,
        "deliverability": _deliverability_json(outcome),
        "arrival": _arrival_json(outcome),
        "transcript": [
            {
                "direction": str(line.direction),
                "text": str(line.text),
                "elapsed_ms": line.elapsed_ms,
            }
            for line in transcript
        ],
    }


def _deliverability_json(outcome: Outcome) -> dict[str, Any] | None:
    """The domain check after a pass; {"error": ...} when it could not run; None: not run."""
    from smtpgui.cli.deliverability import report_json  # Deferred: only after a domain check

    if outcome.deliverability is not None:
        return report_json(outcome.deliverability)
    return {"error": str(outcome.deliverability_note)} if outcome.deliverability_note else None


def _arrival_json(outcome: Outcome) -> dict[str, Any] | None:
    from smtpgui.cli.deliverability import finding_json  # Deferred: only with --arrival

    if outcome.arrival_finding is None:
        return None
    arrival = outcome.arrival
    seen = (
        {
            "arrived": arrival.arrived,
            "seconds": arrival.seconds,
            "folder": arrival.folder or None,
            "junk": arrival.junk,
            "authentication_results": arrival.authentication_results or None,
            "results": dict(arrival.results),
            "deleted": arrival.deleted,
        }
        if arrival is not None
        else {"arrived": None}
    )
    return {**seen, "verdict": finding_json(outcome.arrival_finding)}


def _phase_state(result: ProbeResult) -> str | None:
    if result.ok:
        return None
    return str(PhaseState.UNCERTAIN if result.uncertain else PhaseState.FAILED)


def _diagnosis_json(diagnosis: Diagnosis | None) -> dict[str, Any] | None:
    if diagnosis is None:
        return None
    return {
        "id": diagnosis.id,
        "title": diagnosis.title,
        "explanation": diagnosis.explanation,
        "steps": list(diagnosis.steps),
        "hint": diagnosis.hint or None,
        "provider": (
            {
                "name": diagnosis.provider,
                "notes": list(diagnosis.notes),
                "links": [{"topic": x.topic, "url": x.url} for x in diagnosis.links],
            }
            if diagnosis.provider
            else None
        ),
    }


def _certificate_json(result: ProbeResult) -> dict[str, Any] | None:
    certificate = result.certificate
    if certificate is None:
        return None
    data = asdict(certificate)
    data["not_before"] = certificate.not_before.isoformat()
    data["not_after"] = certificate.not_after.isoformat()
    data["alt_names"] = list(certificate.alt_names)
    return data

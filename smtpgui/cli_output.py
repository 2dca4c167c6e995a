"""What the CLI prints: the live transcript, the outcome, and the --json object."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from smtpgui.core.result import PhaseChange, ProbeResult
from smtpgui.core.transcript import TranscriptLine

if TYPE_CHECKING:
    from smtpgui.core.diagnosis import Diagnosis
    from smtpgui.core.profile import Outcome


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
                print(event.format(), file=self._out, flush=True)


def print_outcome(outcome: Outcome, out: TextIO | None = None, secret: str = "password") -> None:
    """`secret`: what went to the keyring on a save ("sign-in" for OAuth2)."""
    out = out or sys.stdout
    result = outcome.result
    if result.ok:
        print(f"\nOK: the server accepted the test message in {result.elapsed_ms} ms.", file=out)
        if outcome.saved:
            print(f"Saved: the {secret} in the keyring, the rest in the settings file.", file=out)
    else:
        from smtpgui.core.diagnosis import diagnose  # Deferred: the rule catalogue, on failure

        diagnosis = diagnose(result)
        assert diagnosis is not None
        print(file=out)
        print(format_diagnosis(diagnosis, result), file=out)
    if outcome.save_error:
        print(f"\nNothing was saved: {outcome.save_error}", file=out)


def format_diagnosis(diagnosis: Diagnosis, result: ProbeResult) -> str:
    step = result.phase.value.upper() if result.phase else "?"
    lines = [f"FAILED at {step}: {diagnosis.title}", diagnosis.explanation]
    if result.reply and result.reply not in diagnosis.explanation:
        lines.append(f"Server: {result.reply}")
    lines += [f"  {n}. {text}" for n, text in enumerate(diagnosis.steps, 1)]
    if diagnosis.hint:
        lines.append(f"Tip: {diagnosis.hint}")
    lines += diagnosis.provider_lines()
    return "\n".join(lines)


def outcome_json(outcome: Outcome, transcript: list[TranscriptLine], code: int) -> dict[str, Any]:
    """The --json object: everything a script needs to decide, and no secret."""
    from smtpgui.core.diagnosis import diagnose  # Deferred: the rule catalogue, for --json

    result = outcome.result
    diagnosis = diagnose(result)
    return {
        "ok": result.ok,
        "exit_code": code,
        "phase": result.phase.value if result.phase else None,
        "failure": result.failure.value if result.failure else None,
        "reply_code": result.code,
        "enhanced_code": result.enhanced or None,
        "server_text": result.server_text or None,
        "detail": str(result.detail) or None,
        "diagnosis": _diagnosis_json(diagnosis),
        "endpoint": result.endpoint or None,
        "tls": asdict(result.tls) if result.tls else None,
        "certificate": _certificate_json(result),
        "verified": result.verified,
        "capabilities": list(result.capabilities),
        "auth_mechanism": result.auth_mechanism or None,
        "elapsed_ms": result.elapsed_ms,
        "message_id": result.message_id or None,
        "saved": outcome.saved,
        "save_error": outcome.save_error or None,
        "transcript": [
            {
                "direction": str(line.direction),
                "text": str(line.text),
                "elapsed_ms": line.elapsed_ms,
            }
            for line in transcript
        ],
    }


def print_json(data: dict[str, Any], out: TextIO | None = None) -> None:
    json.dump(data, out or sys.stdout, indent=2, ensure_ascii=False)
    print(file=out or sys.stdout)


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

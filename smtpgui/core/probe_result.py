"""What the probe learned of one server, and the ProbeResult it makes of it."""

from __future__ import annotations

from dataclasses import dataclass

from smtpgui.core.endpoint import Endpoint
from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.message import TestMessage
from smtpgui.core.probe_steps import Steps
from smtpgui.core.result import CertificateInfo, Failure, ProbeResult, TlsInfo, enhanced_code
from smtpgui.core.transcript import Direction, Redactor


@dataclass
class Findings:
    """What the conversation with one server has shown so far (its phase is `Steps.phase`)."""

    endpoint: Endpoint | None = None
    tls: TlsInfo | None = None
    certificate: CertificateInfo | None = None
    verified: bool = False
    mechanism: str = ""
    capabilities: tuple[str, ...] = ()
    auth_offered: tuple[str, ...] = ()  # the AUTH mechanisms of the last EHLO

    def passed(self, steps: Steps, message: TestMessage | None) -> ProbeResult:
        return self._result(steps, ok=True, message_id=message.message_id if message else "")

    def failed(self, steps: Steps, redactor: Redactor, exc: BaseException) -> ProbeResult:
        """Log why the conversation ended with `exc` in `steps.phase`; the failed result."""
        failed = steps.failure_of(exc)
        detail = redactor.redact(failed.detail)
        steps.log(
            Direction.ERROR,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "{phase} failed: {detail}"),
                phase=steps.phase.value.upper(),
                detail=detail,
            ),
        )
        return self._result(
            steps,
            ok=False,
            failure=failed.failure,
            detail=detail,
            code=failed.code,
            text=redactor.redact(failed.text),
        )

    def _result(
        self,
        steps: Steps,
        *,
        ok: bool,
        failure: Failure | None = None,
        detail: str = "",
        code: int | None = None,
        text: str = "",
        message_id: str = "",
    ) -> ProbeResult:
        return ProbeResult(
            ok=ok,
            phase=None if ok else steps.phase,
            failure=failure,
            code=code,
            enhanced=enhanced_code(text),
            server_text=text,
            detail=detail,
            endpoint=str(self.endpoint or ""),
            tls=self.tls,
            certificate=self.certificate,
            verified=self.verified,
            capabilities=self.capabilities,
            auth_offered=self.auth_offered,
            auth_mechanism=self.mechanism,
            elapsed_ms=steps.now(),
            message_id=message_id,
        )

"""What the probe learned of one server, and the ProbeResult it makes of it."""

from __future__ import annotations

from dataclasses import dataclass

from smtpgui.core.smtp.endpoint import Endpoint
from smtpgui.core.smtp.message import TestMessage
from smtpgui.core.smtp.result import CertificateInfo, Failure, ProbeResult, TlsInfo, enhanced_code
from smtpgui.core.smtp.steps import Steps
from smtpgui.core.smtp.transcript import Direction, Redactor
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.text.printable import printable

# How much of a server's text a result keeps (cut after redaction): the start of what a
# server that does not speak SMTP sent, or the whole of an ordinary reply.
_SHOWN_CHARS = {Failure.PROTOCOL: 80}
MAX_SHOWN_CHARS = 4000


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
        # The server's words leave the core here: its control characters written out.
        detail = printable(redactor.redact(failed.detail))
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
            text=printable(
                redactor.clip(failed.text, _SHOWN_CHARS.get(failed.failure, MAX_SHOWN_CHARS))
            ),
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
            capabilities=tuple(printable(c) for c in self.capabilities),
            auth_offered=tuple(printable(m) for m in self.auth_offered),
            auth_mechanism=self.mechanism,
            elapsed_ms=steps.now(),
            message_id=message_id,
        )

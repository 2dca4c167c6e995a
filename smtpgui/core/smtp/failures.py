"""Turning what smtplib, ssl and socket raise, and unexpected replies, into ProbeFailed."""

from __future__ import annotations

import smtplib
import socket
import ssl

from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.smtp.tls import classify_tls_error
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text


def expect(code: int, text: bytes | str, *accepted: int) -> None:
    if code in accepted:
        return
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    message = " ".join(message.split("\n"))
    if code < 0:
        raise ProbeFailed(
            Failure.PROTOCOL,
            _t(QT_TRANSLATE_NOOP("Probe", "The server's answer is not SMTP.")),
            None,
            message,
        )
    raise ProbeFailed(Failure.REPLY, _answered(code, message), code, message)


def abort_text(reason: Failure, timeout: float, budget: float = 0) -> str:
    """Why the probe broke the connection; `budget` set: the server's total time ran out."""
    if reason is Failure.CANCELLED:
        return _t(QT_TRANSLATE_NOOP("Probe", "Cancelled."))
    if budget:
        return _t(
            QT_TRANSLATE_NOOP(
                "Probe",
                "The server answers too slowly: the test took more than {seconds} seconds in all.",
            ),
            seconds=f"{budget:g}",
        )
    return _t(
        QT_TRANSLATE_NOOP("Probe", "No answer within {seconds} seconds."), seconds=f"{timeout:g}"
    )


def classify(exc: BaseException) -> ProbeFailed:
    """Map what smtplib, ssl and socket raise to a Failure with the best detail we have."""
    if isinstance(exc, ProbeFailed):
        return exc
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return ProbeFailed(Failure.REPLY, _answered(exc.smtp_code, text), exc.smtp_code, text)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):  # smtplib hides read timeouts this way
            return ProbeFailed(
                Failure.TIMEOUT,
                _t(QT_TRANSLATE_NOOP("Probe", "The server stopped answering (timed out).")),
            )
        return ProbeFailed(Failure.CLOSED, _closed())
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return classify_tls_error(exc)
    if isinstance(exc, TimeoutError):
        return ProbeFailed(
            Failure.TIMEOUT, str(exc) or _t(QT_TRANSLATE_NOOP("Probe", "Timed out."))
        )
    if isinstance(exc, socket.gaierror):
        return ProbeFailed(
            Failure.DNS,
            _t(
                QT_TRANSLATE_NOOP("Probe", "The server name could not be found ({reason})."),
                reason=str(exc.strerror),
            ),
        )
    if isinstance(exc, ConnectionRefusedError):
        return ProbeFailed(
            Failure.REFUSED,
            _t(
                QT_TRANSLATE_NOOP(
                    "Probe", "The connection was refused: nothing answers on that port."
                )
            ),
        )
    if isinstance(exc, ConnectionError | EOFError):
        return ProbeFailed(Failure.CLOSED, _closed())
    if isinstance(exc, OSError):
        return ProbeFailed(
            Failure.NETWORK if exc.errno not in _UNREACHABLE else Failure.UNREACHABLE,
            exc.strerror or str(exc),
        )
    return ProbeFailed(Failure.PROTOCOL, f"Unexpected error: {type(exc).__name__}: {exc}")


_UNREACHABLE = {101, 113, 10051, 10065}  # ENETUNREACH, EHOSTUNREACH (POSIX and Winsock)


def _t(template: str, **values: str) -> Text:
    return Text("Probe", template, **values)


def _answered(code: int, message: str) -> Text:
    return _t(
        QT_TRANSLATE_NOOP("Probe", "The server answered {code} {reply}"),
        code=str(code),
        reply=message,
    )


def _closed() -> Text:
    return _t(QT_TRANSLATE_NOOP("Probe", "The server closed the connection."))

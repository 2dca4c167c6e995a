"""The CLI's exit codes: one per failed step, as swaks has, documented in the README."""

from __future__ import annotations

from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeResult
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

OK = 0
INTERNAL = 1
INVALID_INPUT = 2
NO_PASSWORD = 3
CONNECT = 10
TLS = 11
GREETING = 12
EHLO = 13
STARTTLS = 14
AUTH = 15
MAIL_FROM = 16
RCPT_TO = 17
DATA = 18
TIMEOUT = 19
NOT_SAVED = 20
UNCERTAIN = 21
DELIVERABILITY = 22
CANCELLED = 130  # the shell's own code for a program stopped by Ctrl-C (128 + SIGINT)

MEANINGS: dict[int, str] = {
    OK: QT_TRANSLATE_NOOP(
        "ExitCode", "success: the test message was accepted (and saved, with --save)"
    ),
    INTERNAL: QT_TRANSLATE_NOOP(
        "ExitCode", "unexpected error (a bug: please report it with the output)"
    ),
    INVALID_INPUT: QT_TRANSLATE_NOOP(
        "ExitCode", "invalid input: an option, the saved settings or a profile file"
    ),
    NO_PASSWORD: QT_TRANSLATE_NOOP(
        "ExitCode", "no password: none stored for this user and server, none given on stdin"
    ),
    CONNECT: QT_TRANSLATE_NOOP("ExitCode", "connect: the name lookup or the TCP connection failed"),
    TLS: QT_TRANSLATE_NOOP("ExitCode", "TLS: the handshake or the certificate check failed"),
    GREETING: QT_TRANSLATE_NOOP("ExitCode", "greeting: the server did not greet, or refused us"),
    EHLO: QT_TRANSLATE_NOOP("ExitCode", "EHLO (or HELO) refused"),
    STARTTLS: QT_TRANSLATE_NOOP("ExitCode", "STARTTLS not offered or refused"),
    AUTH: QT_TRANSLATE_NOOP("ExitCode", "AUTH: the login was refused or impossible"),
    MAIL_FROM: QT_TRANSLATE_NOOP("ExitCode", "MAIL FROM: the sender was refused"),
    RCPT_TO: QT_TRANSLATE_NOOP("ExitCode", "RCPT TO: the recipient was refused"),
    DATA: QT_TRANSLATE_NOOP("ExitCode", "DATA: the message was refused"),
    TIMEOUT: QT_TRANSLATE_NOOP("ExitCode", "timeout: the server stopped answering in some step"),
    NOT_SAVED: QT_TRANSLATE_NOOP(
        "ExitCode", "the test passed but nothing was saved (keyring or file problem)"
    ),
    UNCERTAIN: QT_TRANSLATE_NOOP(
        "ExitCode",
        "uncertain: the whole message was sent but never confirmed; it may have been "
        "delivered, so look in the recipient's inbox before testing again",
    ),
    DELIVERABILITY: QT_TRANSLATE_NOOP(
        "ExitCode", "domain-check: the domain's records make recipients reject or drop the mail"
    ),
    CANCELLED: QT_TRANSLATE_NOOP("ExitCode", "cancelled with Ctrl-C"),
}

_BY_PHASE = {
    Phase.DNS: CONNECT,
    Phase.CONNECT: CONNECT,
    Phase.TLS: TLS,
    Phase.GREETING: GREETING,
    Phase.EHLO: EHLO,
    Phase.STARTTLS: STARTTLS,
    Phase.EHLO_TLS: EHLO,
    Phase.AUTH: AUTH,
    Phase.MAIL: MAIL_FROM,
    Phase.RCPT: RCPT_TO,
    Phase.DATA: DATA,
    Phase.QUIT: DATA,  # never a failure today: QUIT errors are ignored once DATA passed
}
_TLS_FAILURES = frozenset({Failure.TLS, Failure.CERTIFICATE, Failure.CA_FILE})


def exit_code(result: ProbeResult) -> int:
    """The code for a probe's result: timeouts and Ctrl-C first, TLS trouble, then the step."""
    if result.ok:
        return OK
    if result.uncertain:  # before Ctrl-C: a script must not send the message again blindly
        return UNCERTAIN
    if result.failure is Failure.CANCELLED:
        return CANCELLED
    if result.failure is Failure.TIMEOUT:
        return TIMEOUT
    if result.failure is Failure.NO_PASSWORD:
        return NO_PASSWORD
    if result.failure in _TLS_FAILURES:
        return TLS
    return _BY_PHASE.get(result.phase or Phase.CONNECT, INTERNAL)

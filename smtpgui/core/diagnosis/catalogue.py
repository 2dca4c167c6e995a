"""The diagnosis catalogue: one Rule per cause, most specific first, the catch-all last.

The entries live by theme: catalogue_connection (reaching the server, security mode),
catalogue_certificate, catalogue_login, catalogue_oauth and catalogue_reply (what the server
answered). This module puts them in the order they are tried and adds the last resorts. See
catalogue_rule.Rule for how one matches.
"""

from __future__ import annotations

from smtpgui.core.diagnosis.certificate import CERTIFICATES
from smtpgui.core.diagnosis.connection import REACHING, SECURITY, USUAL_SETTINGS
from smtpgui.core.diagnosis.login import LOGIN
from smtpgui.core.diagnosis.oauth import OAUTH
from smtpgui.core.diagnosis.reply import LATER, SENDING
from smtpgui.core.diagnosis.rule import (
    AFTER_EHLO,
    EVERY_PHASE,
    HANDSHAKE,
    PLACEHOLDERS,
    ConnectAdvice,
    Rule,
    failures,
    phases,
)
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

__all__ = ["PLACEHOLDERS", "RULES", "Rule"]

# Not about the server at all: nothing else may claim these.
FIRST: tuple[Rule, ...] = (
    Rule(
        "cancelled",
        QT_TRANSLATE_NOOP("Diagnosis", "Test cancelled"),
        QT_TRANSLATE_NOOP("Diagnosis", "You cancelled the test. Nothing was saved."),
        failures=failures(Failure.CANCELLED),
        phases=EVERY_PHASE,
    ),
    Rule(
        "ca-file",
        QT_TRANSLATE_NOOP("Diagnosis", "The CA certificate file cannot be used"),
        QT_TRANSLATE_NOOP("Diagnosis", "{detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Choose the PEM or DER (.cer) file your IT provider gave you, or clear the "
                "field to trust the usual certificate authorities.",
            ),
        ),
        failures=failures(Failure.CA_FILE),
        phases=HANDSHAKE,  # the file is read when the handshake needs it
    ),
)

# What is left when no cause was recognised: still the step, the exact answer, a next step.
LAST: tuple[Rule, ...] = (
    Rule(
        "unconfirmed",
        QT_TRANSLATE_NOOP("Diagnosis", "The message may have been delivered"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The whole test message reached {host}, but the server did not confirm it: "
            "{detail} Servers often check a message for viruses and spam before they answer, "
            "so it may have been accepted and delivered all the same.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Check the test recipient's inbox (and spam folder) before testing again: "
                "another test could deliver the message twice.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If nothing arrives within a few minutes, raise the time limit and test again: "
                "after the message a server may take minutes to answer.",
            ),
            QT_TRANSLATE_NOOP("Diagnosis", "If it keeps happening, send the log to your provider."),
        ),
        failures=failures(Failure.UNCONFIRMED),
        phases=phases(Phase.DATA),
    ),
    Rule(
        "timeout",
        QT_TRANSLATE_NOOP("Diagnosis", "The server stopped answering"),
        QT_TRANSLATE_NOOP("Diagnosis", "No answer during {phase} within the time limit."),
        (
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "With SSL/TLS on port 587 or STARTTLS on port 465 the server waits forever: "
                    "use SSL/TLS with 465, STARTTLS with 587.",
                )
            ),
            QT_TRANSLATE_NOOP("Diagnosis", "Try again later, or raise the time limit."),
        ),
        failures=failures(Failure.TIMEOUT),
        phases=phases(Phase.TLS, Phase.GREETING),  # the mode can still be wrong here
    ),
    Rule(
        "stalled",
        QT_TRANSLATE_NOOP("Diagnosis", "The server stopped answering during {phase}"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} greeted this computer, then gave no answer during {phase} within the time "
            "limit. Server name, port and security mode are right, since the server answered "
            "before; it is slow or stuck at this step.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Test again in a few minutes; if the server is only slow, raise the time limit.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If it stops at the same step every time, send the log to your provider: a "
                "firewall or antivirus that inspects mail can also hold the conversation.",
            ),
        ),
        failures=failures(Failure.TIMEOUT),
        phases=AFTER_EHLO,
    ),
    Rule(
        "closed",
        QT_TRANSLATE_NOOP("Diagnosis", "The server closed the connection"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server hung up during {phase}, after it had answered this computer: the "
            "server name, port and security mode are right.",
        ),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Wait a few minutes and test again."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "The server may be refusing this computer's address or this account: send the "
                "log to your provider.",
            ),
        ),
        failures=failures(Failure.CLOSED),
        phases=AFTER_EHLO,
    ),
    Rule(
        "protocol",
        QT_TRANSLATE_NOOP("Diagnosis", "This is not a mail server"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Something answers on port {port}, but not in SMTP: it said “{text}”. Another kind "
            "of service (web, remote login, ...) listens there.",
        ),
        (ConnectAdvice(QT_TRANSLATE_NOOP("Diagnosis", "Check the server name and port.")),),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.PROTOCOL),
        phases=phases(Phase.GREETING),
    ),
    Rule(
        "protocol-later",
        QT_TRANSLATE_NOOP("Diagnosis", "The server's answer made no sense"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "During {phase} the server sent “{text}”, which is not an SMTP reply. It greeted "
            "in SMTP before, so server name and port are right: something garbled the "
            "conversation.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "A firewall or antivirus that inspects mail can garble it: ask whoever runs it.",
            ),
            QT_TRANSLATE_NOOP("Diagnosis", "If it keeps happening, send the log to your provider."),
        ),
        failures=failures(Failure.PROTOCOL),
        phases=AFTER_EHLO,
    ),
    Rule(
        "unknown",
        QT_TRANSLATE_NOOP("Diagnosis", "The test failed during {phase}"),
        QT_TRANSLATE_NOOP("Diagnosis", "{reply}"),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Read the server's answer in the log; your mail provider can explain it.",
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (
    *FIRST,
    *REACHING,
    *SECURITY,
    *CERTIFICATES,
    *LATER,  # RFC 5321 §4.2.1: a 4yz reply is transient, whatever its words say
    *OAUTH,  # before LOGIN: a refused token's final 535 looks like a wrong password
    *LOGIN,
    *SENDING,
    *LAST,
)

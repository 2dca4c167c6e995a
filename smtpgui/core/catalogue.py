"""The diagnosis catalogue: one Rule per cause, most specific first, the catch-all last.

The entries live by theme: catalogue_connection (reaching the server, security mode),
catalogue_certificate, catalogue_login, catalogue_oauth and catalogue_reply (what the server
answered). This module puts them in the order they are tried and adds the last resorts. See
catalogue_rule.Rule for how one matches.
"""

from __future__ import annotations

from smtpgui.core.catalogue_certificate import CERTIFICATES
from smtpgui.core.catalogue_connection import REACHING, SECURITY, USUAL_SETTINGS
from smtpgui.core.catalogue_login import LOGIN
from smtpgui.core.catalogue_oauth import OAUTH
from smtpgui.core.catalogue_reply import LATER, SENDING
from smtpgui.core.catalogue_rule import PLACEHOLDERS, Rule, failures
from smtpgui.core.i18n import QT_TRANSLATE_NOOP
from smtpgui.core.result import Failure

__all__ = ["PLACEHOLDERS", "RULES", "Rule"]

# Not about the server at all: nothing else may claim these.
FIRST: tuple[Rule, ...] = (
    Rule(
        "cancelled",
        QT_TRANSLATE_NOOP("Diagnosis", "Test cancelled"),
        QT_TRANSLATE_NOOP("Diagnosis", "You cancelled the test. Nothing was saved."),
        failures=failures(Failure.CANCELLED),
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
    ),
)

# What is left when no cause was recognised: still the step, the exact answer, a next step.
LAST: tuple[Rule, ...] = (
    Rule(
        "timeout",
        QT_TRANSLATE_NOOP("Diagnosis", "The server stopped answering"),
        QT_TRANSLATE_NOOP("Diagnosis", "No answer during {phase} within the time limit."),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "With SSL/TLS on port 587 or STARTTLS on port 465 the server waits forever: "
                "use SSL/TLS with 465, STARTTLS with 587.",
            ),
            QT_TRANSLATE_NOOP("Diagnosis", "Try again later, or raise the time limit."),
        ),
        failures=failures(Failure.TIMEOUT),
    ),
    Rule(
        "closed",
        QT_TRANSLATE_NOOP("Diagnosis", "The server closed the connection"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server hung up during {phase}."),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Check the port and the security mode."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "The server may be refusing this computer's address: ask your provider.",
            ),
        ),
        failures=failures(Failure.CLOSED),
    ),
    Rule(
        "protocol",
        QT_TRANSLATE_NOOP("Diagnosis", "This is not a mail server"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Something answers on port {port}, but not in SMTP: it said “{text}”. Another kind "
            "of service (web, remote login, ...) listens there.",
        ),
        (QT_TRANSLATE_NOOP("Diagnosis", "Check the server name and port."),),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.PROTOCOL),
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

"""Catalogue entries for AUTH: encryption first, wrong password, Microsoft 365 and Gmail rules.

Keyed on the reply code and the RFC 3463 enhanced status code. Texts use the full
QT_TRANSLATE_NOOP("Diagnosis", ...) spelling for lupdate.
"""

from __future__ import annotations

from smtpgui.core.diagnosis.rule import ENVELOPE, Rule, codes, enhanced, failures, phases
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

_ENCRYPT = QT_TRANSLATE_NOOP("Diagnosis", "Choose STARTTLS (port 587) or SSL/TLS (port 465).")
_AUTOMATIC_LOGIN = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Set Authentication to Automatic and enter the account's user name (usually the full "
    "e-mail address) and password.",
)
_RETYPE = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Use the full e-mail address as the user name and retype the password (mind Caps Lock "
    "and the keyboard layout).",
)
_MS_AUTHENTICATED_SMTP = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Microsoft 365 admin center > Users > Active users > the user > Mail > Manage email apps: "
    "tick “Authenticated SMTP” and save.",
)
_MS_RETIRING = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Microsoft is retiring password (Basic) login for SMTP in Exchange Online: for the long "
    "term, plan for OAuth2 sign-in or a relay service.",
)
# Both Microsoft rules end with it: smtpgui itself can sign in with OAuth2 now.
_MS_OAUTH2 = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "In smtpgui, set Authentication to OAuth2 and sign in with the mailbox's Microsoft 365 "
    "account (an app registration with the SMTP.Send permission gives the client ID).",
)
_RELAY_SERVICE = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Or send through a relay service (SendGrid, Amazon SES, Mailgun, ...) where your domain "
    "is verified.",
)


LOGIN: tuple[Rule, ...] = (
    Rule(
        "no-stored-password",
        QT_TRANSLATE_NOOP("Diagnosis", "No password for these settings"),
        QT_TRANSLATE_NOOP("Diagnosis", "{detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Type the password of this user name for this server; nothing was sent to it.",
            ),
        ),
        failures=failures(Failure.NO_PASSWORD),
        phases=phases(Phase.AUTH),  # profile.JobRunner: the login fails before connecting
    ),
    Rule(
        "must-starttls",
        QT_TRANSLATE_NOOP("Diagnosis", "The server requires encryption first"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it accepts this only over an encrypted connection.",
        ),
        (_ENCRYPT,),
        # RFC 3207 §4: 530 until STARTTLS; RFC 4954 §6: 538 encryption required for the login.
        codes=codes(530, 538),
        phases=phases(Phase.AUTH, *ENVELOPE),
        text=r"TLS|encrypt",
    ),
    Rule(
        "login-not-used",
        QT_TRANSLATE_NOOP("Diagnosis", "The server most likely wants a login"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”. It offers a login ({offered}) and this test did not "
            "log in: a server for sending usually takes mail, or passes it on, only from a "
            "logged-in account, and often checks block lists only for mail without a login.",
        ),
        (
            _AUTOMATIC_LOGIN,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "The password is only sent over STARTTLS or SSL/TLS: keep one of them, or "
                "choose one.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Only if this server is meant to take mail without a login (a relay for your "
                "office's internet address): ask whoever runs it to allow this computer.",
            ),
        ),
        phases=ENVELOPE,
        code_class=5,
        login_unused=True,
        # Postfix "554 5.7.1 <x>: Relay access denied", "554 5.7.1 ... Access denied",
        # Exchange "550 5.7.1 Relaying denied" / "530 5.7.57 Client not authenticated",
        # Gmail "530 5.7.0 Authentication Required".
        text=r"^530 |\b5\.7\.\d|relay|access denied|authenticat",
    ),
    Rule(
        "auth-required",
        QT_TRANSLATE_NOOP("Diagnosis", "The server requires a login"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it accepts mail only from a logged-in account.",
        ),
        (
            _AUTOMATIC_LOGIN,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Choose STARTTLS or SSL/TLS as well: the password is only sent encrypted.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft 365 and Gmail always need a login on port 587. Sending without one works "
            "only through a relay that trusts your office's fixed internet address (a Microsoft "
            "365 connector, Google Workspace's SMTP relay service).",
        ),
        codes=codes(530),  # RFC 4954 §6: 530 5.7.0 Authentication required
        phases=ENVELOPE,
    ),
    Rule(
        "ms-smtp-auth-disabled",
        QT_TRANSLATE_NOOP("Diagnosis", "SMTP login is turned off for this account"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft 365 answered “{reply}”: sending with a password over SMTP (SMTP AUTH) is "
            "turned off for this mailbox or the whole organisation, or blocked by security "
            "defaults.",
        ),
        (
            _MS_AUTHENTICATED_SMTP,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Exchange admin center > Settings > Mail flow: make sure SMTP AUTH is not "
                "turned off for the whole organisation.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Security defaults (Microsoft Entra ID) block password logins for SMTP: rather "
                "than turning them off, send through a connector or a relay service.",
            ),
            _MS_OAUTH2,
        ),
        hint=_MS_RETIRING,
        enhanced=enhanced("5.7.139"),
        phases=phases(Phase.AUTH),
    ),
    Rule(
        "ms-basic-auth",
        QT_TRANSLATE_NOOP("Diagnosis", "Password login is no longer accepted"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft 365 answered “{reply}”: it no longer accepts a password for sending over "
            "SMTP (Basic authentication); programs must sign in with OAuth2.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If the sending program supports OAuth2 (“modern authentication”) for Microsoft "
                "365, use that instead of a password.",
            ),
            _MS_OAUTH2,
            _RELAY_SERVICE,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "For scanners and printers, a Microsoft 365 connector can accept mail from your "
                "office's fixed internet address without a password.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft describes these options under “How to set up a multifunction device or "
            "application to send email using Microsoft 365”.",
        ),
        enhanced=enhanced("5.7.30"),
        phases=phases(Phase.AUTH),
    ),
    Rule(
        "mechanism-not-offered",
        QT_TRANSLATE_NOOP("Diagnosis", "The server does not offer the chosen login method"),
        QT_TRANSLATE_NOOP(
            "Diagnosis", "{detail} smtpgui sends only a login method the server offers."
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Set Authentication to {usable}, or to Automatic, which picks a method the "
                "server offers by itself.",
            ),
        ),
        failures=failures(Failure.MECHANISM),
        phases=phases(Phase.AUTH),
    ),
    Rule(
        "mechanism",
        QT_TRANSLATE_NOOP("Diagnosis", "Login method not supported"),
        QT_TRANSLATE_NOOP(
            "Diagnosis", "The server does not accept the chosen login method ({reply})."
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Set Authentication to Automatic: smtpgui then picks a method the server offers.",
            ),
        ),
        phases=phases(Phase.AUTH),
        # RFC 4954 §4: 504 = unrecognised mechanism; others (Postfix: 535) say it in words.
        text=r"^504 |mechanism|authentication type",
    ),
    Rule(
        "auth-failed-google",
        QT_TRANSLATE_NOOP("Diagnosis", "Google refused the user name or password"),
        QT_TRANSLATE_NOOP("Diagnosis", "Google answered “{reply}”."),
        (
            _RETYPE,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Create an app password (Google account > Security > 2-Step Verification > App "
                "passwords) and enter it here instead of the normal password.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Google Workspace: if app passwords are not offered, the administrator has "
                "turned them off; ask them, or use Google's SMTP relay service.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Gmail no longer accepts the normal password for SMTP: only an app password (it "
            "needs 2-Step Verification) or OAuth2 sign-in.",
        ),
        phases=phases(Phase.AUTH),
        text=r"google\.com|gsmtp|BadCredentials|application-specific password",
    ),
    Rule(
        "auth-failed-microsoft",
        QT_TRANSLATE_NOOP("Diagnosis", "Microsoft refused the user name or password"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”. Microsoft 365 and Exchange say this for a wrong "
            "user name or password, and also when the account may not log in over SMTP.",
        ),
        (
            _RETYPE,
            _MS_AUTHENTICATED_SMTP,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "An account with multi-factor sign-in cannot use its normal password here: use "
                "a relay service or a connector.",
            ),
        ),
        hint=_MS_RETIRING,
        phases=phases(Phase.AUTH),
        enhanced=enhanced("5.7.3"),
    ),
    Rule(
        "auth-failed",
        QT_TRANSLATE_NOOP("Diagnosis", "User name or password refused"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server refused the login: {reply}"),
        (
            _RETYPE,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Log in to the provider's webmail with the same user name and password to "
                "check them.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Gmail and Google Workspace need an app password (Google account > Security > App "
            "passwords), not the normal password. Microsoft 365 needs “Authenticated SMTP” "
            "enabled for the mailbox.",
        ),
        phases=phases(Phase.AUTH),
        code_class=5,
    ),
)

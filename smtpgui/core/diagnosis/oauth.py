"""Diagnoses for OAuth2 logins: no token to be had, a refused token, a token without the scope.

The token rules read the detail login.token_refused writes from the server's 334 JSON error
(RFC 7628 §3.2.2; Google's XOAUTH2 sends HTTP-like numbers: 401 bad or expired token, 400 or
403 a token for other scopes; OAUTHBEARER servers send "invalid_token" or "insufficient_scope").
"""

from __future__ import annotations

from smtpgui.core.diagnosis.rule import Rule, failures, phases
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

_SIGN_IN_AGAIN = QT_TRANSLATE_NOOP(
    "Diagnosis", "Sign in with OAuth2 again (with the mailbox's own account), then save."
)

OAUTH: tuple[Rule, ...] = (
    Rule(
        "oauth-sign-in",
        QT_TRANSLATE_NOOP("Diagnosis", "Sign in with OAuth2 again"),
        QT_TRANSLATE_NOOP("Diagnosis", "{detail}"),
        (
            _SIGN_IN_AGAIN,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If the sign-in service cannot be reached, check the internet connection and "
                "the OAuth2 addresses.",
            ),
        ),
        failures=failures(Failure.SIGN_IN),
        phases=phases(Phase.AUTH),
    ),
    Rule(
        "oauth-scope",
        QT_TRANSLATE_NOOP("Diagnosis", "The sign-in does not allow sending mail"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server accepted the sign-in but not for sending mail: the token was asked for "
            "other scopes. {detail}",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Put the scope the server names in the OAuth2 scopes (Gmail: "
                "https://mail.google.com/; Microsoft 365: https://outlook.office.com/SMTP.Send "
                "offline_access), then sign in again and save.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Microsoft 365: the app registration needs the delegated permission SMTP.Send, "
                "with an administrator's consent where the organisation requires it.",
            ),
        ),
        phases=phases(Phase.AUTH),
        text=r"access token: status (400|403|insufficient_scope)\b",
    ),
    Rule(
        "oauth-token",
        QT_TRANSLATE_NOOP("Diagnosis", "The server refused the sign-in"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The access token is invalid, expired or was revoked, or it belongs to another "
            "account than the user name. {detail}",
        ),
        (
            _SIGN_IN_AGAIN,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "The user name must be the address of the account you signed in with.",
            ),
        ),
        phases=phases(Phase.AUTH),
        text=r"access token: status (401|invalid_token)\b",
    ),
)

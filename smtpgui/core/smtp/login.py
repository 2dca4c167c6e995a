"""AUTH for the probe: refuse to send a password in the clear, and choose the mechanism."""

from __future__ import annotations

import ssl
from typing import NoReturn

from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.client import TracingSMTP
from smtpgui.core.smtp.failures import expect
from smtpgui.core.smtp.mechanisms import PREFERENCE_CLEAR, PREFERENCE_TLS
from smtpgui.core.smtp.result import Failure, ProbeFailed
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text


def log_in(client: TracingSMTP, settings: Settings, password: str) -> str:
    """Authenticate; returns the mechanism used. ProbeFailed when refused or impossible."""
    encrypted = isinstance(client.sock, ssl.SSLSocket)
    if not encrypted and not settings.allow_insecure_auth:
        raise ProbeFailed(
            Failure.INSECURE_AUTH,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP(
                    "Probe", "The connection is not encrypted, so the password was not sent."
                ),
            ),
        )
    mechanism = choose_mechanism(settings.auth, client.esmtp_features.get("auth", ""), encrypted)
    code, text = client.authenticate(mechanism, settings.username, password)
    if code != 235 and client.bearer_error is not None:
        raise token_refused(code, text, client.bearer_error)
    expect(code, text, 235)
    return mechanism


def choose_mechanism(auth: AuthMethod, advertised: str, encrypted: bool) -> str:
    """The mechanism to send: one the server offers, never another (RFC 4954 §4)."""
    offered = advertised.upper().split()
    preference = PREFERENCE_TLS if encrypted else PREFERENCE_CLEAR
    usable = [mechanism for mechanism in preference if mechanism in offered]
    for mechanism in _wanted(auth, usable):
        if mechanism in offered:
            return mechanism
    if auth is not AuthMethod.AUTO and usable:  # naming the offered ones says more than a 504
        raise _not_offered("OAuth2" if auth is AuthMethod.OAUTH2 else auth.upper(), offered)
    return _no_login(offered)


def _wanted(auth: AuthMethod, usable: list[str]) -> list[str]:
    if auth is AuthMethod.OAUTH2:  # the standard one where offered, else Google's original
        return ["OAUTHBEARER", "XOAUTH2"]
    return usable if auth is AuthMethod.AUTO else [auth.upper()]


def _no_login(offered: list[str]) -> NoReturn:
    if not offered:
        raise ProbeFailed(
            Failure.NO_AUTH,
            Text(
                "Probe",
                QT_TRANSLATE_NOOP("Probe", "The server offers no login on this connection."),
            ),
        )
    raise ProbeFailed(
        Failure.NO_AUTH,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP("Probe", "The server offers only {mechanisms} on this connection."),
            mechanisms=", ".join(offered),
        ),
    )


def _not_offered(chosen: str, offered: list[str]) -> ProbeFailed:
    return ProbeFailed(
        Failure.MECHANISM,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "You chose {chosen}, but the server offers only {offered} on this connection, "
                "so {chosen} was not tried.",
            ),
            chosen=chosen,
            offered=", ".join(offered),
        ),
    )


def token_refused(code: int, text: bytes, error: dict[str, str]) -> ProbeFailed:
    """The server's decoded JSON error in the detail, for the diagnosis to explain."""
    reply = " ".join(text.decode("utf-8", "replace").split("\n"))
    return ProbeFailed(
        Failure.REPLY,
        Text(
            "Probe",
            QT_TRANSLATE_NOOP(
                "Probe",
                "The server refused the access token: status {status}, scope needed "
                "{scope}; then it answered {code} {reply}",
            ),
            status=error.get("status", "?"),
            scope=error.get("scope", "?"),
            code=str(code),
            reply=reply,
        ),
        code,
        reply,
    )

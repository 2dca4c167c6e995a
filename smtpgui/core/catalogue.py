"""The diagnosis catalogue: one entry per cause, most specific first, the catch-all last.

Placeholders: {host} {port} {reply} {detail} {phase}. Texts are marked for translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from smtpgui.core.i18n import QT_TRANSLATE_NOOP as N
from smtpgui.core.result import Failure, Phase

C = "Diagnosis"  # the translation context


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    explanation: str
    steps: tuple[str, ...] = ()
    failures: frozenset[Failure] = frozenset()
    phases: frozenset[Phase] = frozenset()
    codes: frozenset[int] = frozenset()
    code_class: int = 0
    enhanced: str = ""
    text: str = ""


def _f(*failures: Failure) -> frozenset[Failure]:
    return frozenset(failures)


def _p(*phases: Phase) -> frozenset[Phase]:
    return frozenset(phases)


_REACH = _p(Phase.DNS, Phase.CONNECT)
_BLOCKED_STEPS = (
    N(C, "Check the server name and port with your mail provider."),
    N(C, "Many internet providers block port 25: try port 587 with STARTTLS or 465 with SSL/TLS."),
    N(C, "Ask whoever runs this network whether a firewall blocks outgoing mail ports."),
)

RULES: tuple[Rule, ...] = (
    Rule(
        "cancelled",
        N(C, "Test cancelled"),
        N(C, "You cancelled the test. Nothing was saved."),
        failures=_f(Failure.CANCELLED),
    ),
    Rule(
        "dns",
        N(C, "Server name not found"),
        N(C, "No computer called “{host}” could be found ({detail})."),
        (
            N(C, "Check the spelling of the server name."),
            N(C, "Check that this computer is connected to the internet."),
        ),
        failures=_f(Failure.DNS),
    ),
    Rule(
        "refused",
        N(C, "Connection refused"),
        N(C, "{host} answered, but nothing accepts mail on port {port}."),
        _BLOCKED_STEPS,
        failures=_f(Failure.REFUSED),
    ),
    Rule(
        "unreachable",
        N(C, "Server unreachable"),
        N(C, "This computer has no route to {host} ({detail})."),
        _BLOCKED_STEPS,
        failures=_f(Failure.UNREACHABLE),
    ),
    Rule(
        "blocked",
        N(C, "No answer: the port is probably blocked"),
        N(
            C,
            "{host} did not answer on port {port} in time. A firewall or your internet "
            "provider most likely blocks this port.",
        ),
        _BLOCKED_STEPS,
        failures=_f(Failure.TIMEOUT),
        phases=_REACH,
    ),
    Rule(
        "ca-file",
        N(C, "The CA certificate file cannot be used"),
        N(C, "{detail}"),
        (
            N(
                C,
                "Choose the PEM file your IT provider gave you, or clear the field to trust the "
                "usual certificate authorities.",
            ),
        ),
        failures=_f(Failure.CA_FILE),
    ),
    Rule(
        "certificate",
        N(C, "The server's certificate is not trusted"),
        N(
            C,
            "{detail} Someone could be pretending to be your mail server, or the server uses "
            "a certificate of its own.",
        ),
        (
            N(C, "Check that the server name is exactly the one your provider gave you."),
            N(
                C,
                "If the server belongs to your company, choose its CA certificate file (Advanced).",
            ),
        ),
        failures=_f(Failure.CERTIFICATE),
    ),
    Rule(
        "tls-wrong-mode",
        N(C, "Wrong security mode for this port"),
        N(C, "The server on port {port} does not start with encryption."),
        (N(C, "Choose STARTTLS (usually port 587), or keep SSL/TLS and use port 465."),),
        failures=_f(Failure.TLS),
        text="wrong version number",
    ),
    Rule(
        "tls",
        N(C, "Secure connection failed"),
        N(C, "{detail}"),
        (N(C, "Try the other security mode: SSL/TLS on port 465 or STARTTLS on port 587."),),
        failures=_f(Failure.TLS),
    ),
    Rule(
        "no-starttls",
        N(C, "The server does not offer encryption (STARTTLS)"),
        N(
            C,
            "You chose STARTTLS, but {host} does not offer it on port {port}. smtpgui never "
            "falls back to an unencrypted connection by itself.",
        ),
        (
            N(C, "Use SSL/TLS on port 465 or STARTTLS on port 587 if the provider offers them."),
            N(C, "Choose “None” only for a server inside your own network."),
        ),
        failures=_f(Failure.NO_STARTTLS),
    ),
    Rule(
        "insecure-auth",
        N(C, "Password not sent over an unencrypted connection"),
        N(
            C,
            "The connection is not encrypted, so your password would travel readable by "
            "anyone on the way. smtpgui did not send it.",
        ),
        (
            N(C, "Choose STARTTLS or SSL/TLS."),
            N(
                C,
                "Only for a server inside your own network: tick “Allow login without encryption”.",
            ),
        ),
        failures=_f(Failure.INSECURE_AUTH),
    ),
    Rule(
        "no-auth",
        N(C, "The server offers no way to log in here"),
        N(C, "{detail}"),
        (
            N(C, "If the server needs no login (an internal relay), set Authentication to None."),
            N(
                C,
                "Otherwise choose STARTTLS or SSL/TLS: many servers offer login only once the "
                "connection is encrypted.",
            ),
        ),
        failures=_f(Failure.NO_AUTH),
    ),
    Rule(
        "must-starttls",
        N(C, "The server requires encryption first"),
        N(C, "The server answered “{reply}”: it accepts this only over an encrypted connection."),
        (N(C, "Choose STARTTLS (port 587) or SSL/TLS (port 465)."),),
        codes=frozenset({530}),
        enhanced="5.7.0",
    ),
    Rule(
        "ms-smtp-auth-disabled",
        N(C, "SMTP login is turned off for this mailbox"),
        N(
            C,
            "Microsoft 365 answered “{reply}”: authenticated SMTP is disabled for this "
            "mailbox or the whole organisation.",
        ),
        (
            N(
                C,
                "In the Microsoft 365 admin center, open the user, Mail, “Manage email apps” "
                "and enable “Authenticated SMTP”.",
            ),
            N(
                C,
                "If the organisation uses security defaults, SMTP login with a password stays "
                "blocked: use OAuth2 or a relay service.",
            ),
        ),
        enhanced="5.7.139",
    ),
    Rule(
        "ms-basic-auth",
        N(C, "Password login is no longer accepted"),
        N(C, "Microsoft 365 answered “{reply}”: it no longer accepts passwords for SMTP."),
        (N(C, "Use OAuth2 sign-in, or send through a relay service (SendGrid, Amazon SES, ...)."),),
        enhanced="5.7.30",
    ),
    Rule(
        "mechanism",
        N(C, "Login method not supported"),
        N(C, "The server does not support this login method ({reply})."),
        (N(C, "Set Authentication to Automatic."),),
        phases=_p(Phase.AUTH),
        codes=frozenset({504}),
    ),
    Rule(
        "auth-failed",
        N(C, "User name or password refused"),
        N(C, "The server refused the login: {reply}"),
        (
            N(C, "Check the user name (often the full e-mail address) and retype the password."),
            N(
                C,
                "Gmail and Google Workspace need an app password (created in the Google "
                "account's security settings), not the normal password.",
            ),
            N(C, "Microsoft 365: check that “Authenticated SMTP” is enabled for the mailbox."),
        ),
        phases=_p(Phase.AUTH),
        code_class=5,
    ),
    Rule(
        "sender-denied",
        N(C, "Not allowed to send as this sender"),
        N(
            C,
            "The server refused the From address ({reply}). Mail servers only let an account "
            "send as its own address, or as addresses it was given rights to.",
        ),
        (
            N(C, "Set From to the account's own address (the user name, for most providers)."),
            N(
                C,
                "Or ask the mail administrator to give this account “Send As” rights for the "
                "From address.",
            ),
            N(
                C,
                "To send as many different addresses, use a relay service (SendGrid, Amazon "
                "SES, ...).",
            ),
        ),
        text=r"send ?as|not owned|not allowed to send|sender address rejected|"
        r"not authorized to send|SendAsDenied",
    ),
    Rule(
        "sender-refused",
        N(C, "Sender address refused"),
        N(C, "The server refused the From address: {reply}"),
        (
            N(C, "Set From to the account's own address."),
            N(C, "Check that the login worked: some servers accept mail only after a login."),
        ),
        phases=_p(Phase.MAIL),
        code_class=5,
    ),
    Rule(
        "relay-denied",
        N(C, "The server does not relay this mail"),
        N(
            C,
            "The server refused to pass the mail on ({reply}): it only delivers for its own "
            "domains unless you log in.",
        ),
        (
            N(C, "Set Authentication to Automatic and enter the account's user name and password."),
            N(C, "Check that the server name is your provider's outgoing (SMTP) server."),
        ),
        text=r"relay",
    ),
    Rule(
        "recipient-refused",
        N(C, "Recipient refused"),
        N(C, "The server refused the test recipient: {reply}"),
        (N(C, "Check the test recipient address."),),
        phases=_p(Phase.RCPT),
        code_class=5,
    ),
    Rule(
        "too-large",
        N(C, "Message too large"),
        N(C, "The server answered “{reply}”."),
        (N(C, "Ask the provider for the size limit."),),
        codes=frozenset({552}),
        phases=_p(Phase.DATA, Phase.MAIL, Phase.RCPT),
    ),
    Rule(
        "temporary",
        N(C, "Temporary problem at the server"),
        N(C, "The server answered “{reply}”: it cannot take mail right now."),
        (N(C, "Wait a few minutes and test again."),),
        code_class=4,
    ),
    Rule(
        "message-refused",
        N(C, "Message refused"),
        N(C, "The server refused the test message: {reply}"),
        (N(C, "The server's own words above say why; your provider can explain them."),),
        phases=_p(Phase.DATA),
        code_class=5,
    ),
    Rule(
        "timeout",
        N(C, "The server stopped answering"),
        N(C, "No answer during {phase} within the time limit."),
        (
            N(
                C,
                "With SSL/TLS on port 587 or STARTTLS on port 465 the server waits forever: "
                "use SSL/TLS with 465, STARTTLS with 587.",
            ),
            N(C, "Try again later, or raise the time limit (Advanced)."),
        ),
        failures=_f(Failure.TIMEOUT),
    ),
    Rule(
        "closed",
        N(C, "The server closed the connection"),
        N(C, "The server hung up during {phase}."),
        (
            N(C, "Check the port and the security mode."),
            N(C, "The server may be refusing this computer's address: ask your provider."),
        ),
        failures=_f(Failure.CLOSED),
    ),
    Rule(
        "protocol",
        N(C, "This is not an SMTP server"),
        N(C, "The server's answer is not SMTP: {reply}"),
        (N(C, "Check the server name and port."),),
        failures=_f(Failure.PROTOCOL),
    ),
    Rule(
        "unknown",
        N(C, "The test failed during {phase}"),
        N(C, "{reply}"),
        (N(C, "Read the server's answer in the log; your mail provider can explain it."),),
    ),
)

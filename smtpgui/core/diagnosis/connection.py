"""Catalogue entries for reaching the server: name, port, greeting, security mode.

Texts are marked with the full QT_TRANSLATE_NOOP("Diagnosis", ...) spelling: pyside6-lupdate
finds them by that name and a literal context, and sees nothing through an alias.
"""

from __future__ import annotations

from smtpgui.core.diagnosis.rule import HANDSHAKE, ConnectAdvice, Rule, failures, phases, security
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

USUAL_SETTINGS = ConnectAdvice(
    QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Usual settings: Microsoft 365 smtp.office365.com, port 587, STARTTLS; Gmail and Google "
        "Workspace smtp.gmail.com, port 587 with STARTTLS or port 465 with SSL/TLS.",
    )
)
_TRY_LATER = QT_TRANSLATE_NOOP("Diagnosis", "Wait a few minutes and test again.")
_ASK_BLOCKED = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Ask your mail provider whether connections from your office's internet address are "
    "blocked or limited.",
)
_MODE_FOR_PORT = ConnectAdvice(
    QT_TRANSLATE_NOOP(
        "Diagnosis", "Check the security mode for the port: SSL/TLS with 465, STARTTLS with 587."
    )
)

REACHING: tuple[Rule, ...] = (
    Rule(
        "dns",
        QT_TRANSLATE_NOOP("Diagnosis", "Server name not found"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "No computer called “{host}” could be found: the name may be misspelt, or this "
            "computer cannot look names up right now.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Compare the server name letter by letter with what your provider gave you.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis", "Open a web page to check that this computer is on the internet."
            ),
        ),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.DNS),
        phases=phases(Phase.DNS),
    ),
    Rule(
        "dns-timeout",
        QT_TRANSLATE_NOOP("Diagnosis", "No answer from the name server"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "This computer asked for the address of “{host}” and got no answer in time: its "
            "internet connection or its name server (DNS) is not working.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis", "Open a web page to check that this computer is on the internet."
            ),
            _TRY_LATER,
            QT_TRANSLATE_NOOP(
                "Diagnosis", "If it keeps happening, ask whoever runs this network to check DNS."
            ),
        ),
        failures=failures(Failure.TIMEOUT),
        phases=phases(Phase.DNS),
    ),
    Rule(
        "refused",
        QT_TRANSLATE_NOOP("Diagnosis", "Connection refused"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} answered, but nothing accepts connections on port {port}: the port is "
            "wrong, or the mail service is not running.",
        ),
        (
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "Check the port with your mail provider: 587 (STARTTLS) or 465 (SSL/TLS) are "
                    "the ports for sending; 25 is mostly for servers among themselves.",
                )
            ),
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "A firewall on this computer or network can refuse the connection too: ask "
                    "whoever runs it.",
                )
            ),
        ),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.REFUSED),
        phases=phases(Phase.CONNECT),
    ),
    Rule(
        "unreachable",
        QT_TRANSLATE_NOOP("Diagnosis", "Server unreachable"),
        QT_TRANSLATE_NOOP("Diagnosis", "This computer has no way to reach {host} ({detail})."),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Check the network connection of this computer (cable, Wi-Fi, VPN).",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If other sites work, ask whoever runs this network about the route to {host}.",
            ),
        ),
        failures=failures(Failure.UNREACHABLE),
        phases=phases(Phase.DNS, Phase.CONNECT),
    ),
    Rule(
        "blocked",
        QT_TRANSLATE_NOOP("Diagnosis", "No answer: the port is probably blocked"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} did not answer on port {port} in time. A firewall or your internet provider "
            "most likely drops connections to this port without a word.",
        ),
        (
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "Try port 587 with STARTTLS, or port 465 with SSL/TLS: internet providers "
                    "often block port 25.",
                )
            ),
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis",
                    "Ask whoever runs this network to allow outgoing connections to {host} on port "
                    "{port}.",
                )
            ),
        ),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.TIMEOUT),
        phases=phases(Phase.CONNECT),
    ),
    Rule(
        "closed-before-greeting",
        QT_TRANSLATE_NOOP("Diagnosis", "The server hung up at once"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} accepted the connection on port {port} and closed it without a greeting. "
            "Servers do this to addresses they refuse, or when too many connections come at "
            "once.",
        ),
        (_TRY_LATER, _ASK_BLOCKED, _MODE_FOR_PORT),
        failures=failures(Failure.CLOSED),
        phases=phases(Phase.GREETING),
    ),
    Rule(
        "closed-after-greeting",
        QT_TRANSLATE_NOOP("Diagnosis", "The server hung up after its greeting"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} greeted, then closed the connection when this computer introduced itself "
            "(EHLO). Servers do this to clients they refuse, or when they are overloaded.",
        ),
        (_TRY_LATER, _ASK_BLOCKED),
        failures=failures(Failure.CLOSED),
        phases=phases(Phase.EHLO),
    ),
)

SECURITY: tuple[Rule, ...] = (
    Rule(
        "tls-wrong-mode",
        QT_TRANSLATE_NOOP("Diagnosis", "Wrong security mode for this port"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "You chose SSL/TLS, but the server on port {port} starts without encryption: it "
            "expects STARTTLS, or no encryption at all.",
        ),
        (
            ConnectAdvice(QT_TRANSLATE_NOOP("Diagnosis", "Choose STARTTLS with port 587.")),
            ConnectAdvice(
                QT_TRANSLATE_NOOP(
                    "Diagnosis", "Or keep SSL/TLS and use port 465, if your provider offers it."
                )
            ),
        ),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.TLS),
        # "You chose SSL/TLS": only an ssl:// handshake; after STARTTLS it means something else.
        phases=phases(Phase.TLS),
        text="wrong version number",
    ),
    Rule(
        "tls-expected",
        QT_TRANSLATE_NOOP("Diagnosis", "No greeting: this port probably expects SSL/TLS"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} accepted the connection on port {port}, then stopped answering: no "
            "greeting came. A server for SSL/TLS (usually port 465) waits in silence for "
            "encryption to start, so without SSL/TLS it never greets.",
        ),
        (
            ConnectAdvice(QT_TRANSLATE_NOOP("Diagnosis", "For port 465, choose SSL/TLS.")),
            ConnectAdvice(QT_TRANSLATE_NOOP("Diagnosis", "For STARTTLS, use port 587.")),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If mode and port are right, the server is stuck or overloaded: test again later.",
            ),
        ),
        hint=USUAL_SETTINGS,
        failures=failures(Failure.TIMEOUT),
        phases=phases(Phase.GREETING),
        security=security(Security.NONE, Security.STARTTLS),
    ),
    Rule(
        "tls-outdated",
        QT_TRANSLATE_NOOP("Diagnosis", "The server only offers outdated encryption"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} offers only TLS versions older than 1.2, which this computer refuses "
            "because they are no longer safe.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Ask the server's administrator to enable TLS 1.2 or 1.3 (old Exchange servers "
                "and appliances need an update for it).",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Until then, send through another server, such as your provider's or a relay "
                "service.",
            ),
        ),
        failures=failures(Failure.TLS),
        phases=HANDSHAKE,
        text=r"PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE",
    ),
    Rule(
        "tls",
        QT_TRANSLATE_NOOP("Diagnosis", "Secure connection failed"),
        QT_TRANSLATE_NOOP("Diagnosis", "{detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Try the other security mode: SSL/TLS on port 465 or STARTTLS on port 587.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If it keeps failing, send the log to your provider: the server's encryption "
                "does not work with this computer.",
            ),
        ),
        failures=failures(Failure.TLS),
        phases=HANDSHAKE,
    ),
    Rule(
        "no-starttls",
        QT_TRANSLATE_NOOP("Diagnosis", "The server does not offer encryption (STARTTLS)"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "You chose STARTTLS, but {host} does not offer it on port {port}. smtpgui never "
            "falls back to an unencrypted connection by itself.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Use SSL/TLS on port 465 or STARTTLS on port 587 if the provider offers them.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If the provider says the server offers STARTTLS, a firewall that inspects mail "
                "may remove it on the way: ask whoever runs the network.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis", "Choose “None” only for a server inside your own network."
            ),
        ),
        failures=failures(Failure.NO_STARTTLS),
        phases=phases(Phase.STARTTLS),
    ),
    Rule(
        "insecure-auth",
        QT_TRANSLATE_NOOP("Diagnosis", "Password not sent over an unencrypted connection"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The connection is not encrypted, so your password would travel readable by "
            "anyone on the way. smtpgui did not send it.",
        ),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Choose STARTTLS or SSL/TLS."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Only for a server inside your own network: tick “Allow login without encryption”.",
            ),
        ),
        failures=failures(Failure.INSECURE_AUTH),
        phases=phases(Phase.AUTH),
    ),
    Rule(
        "no-auth",
        QT_TRANSLATE_NOOP("Diagnosis", "The server offers no way to log in here"),
        QT_TRANSLATE_NOOP("Diagnosis", "{detail}"),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If the server needs no login (an internal relay), set Authentication to None.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Otherwise choose STARTTLS or SSL/TLS: many servers offer login only once the "
                "connection is encrypted.",
            ),
        ),
        failures=failures(Failure.NO_AUTH),
        phases=phases(Phase.AUTH),
    ),
)

# OpenSSL's verify_message (tls.classify_tls_error puts it in the detail) names the cause.

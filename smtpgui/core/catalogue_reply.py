"""Catalogue entries for what the server answered: login, sender, relay, size, policy, later.

Keyed first on the reply code and the RFC 3463 enhanced status code, then on the words servers
are known to use. Texts use the full QT_TRANSLATE_NOOP("Diagnosis", ...) spelling for lupdate.
"""

from __future__ import annotations

from smtpgui.core.catalogue_rule import Rule, codes, enhanced, phases
from smtpgui.core.i18n import QT_TRANSLATE_NOOP
from smtpgui.core.result import Phase

_ENCRYPT = QT_TRANSLATE_NOOP("Diagnosis", "Choose STARTTLS (port 587) or SSL/TLS (port 465).")
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
_SEND_AS_EXPLANATION = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "The server refused the From address ({reply}). This is not about relaying: the server "
    "would deliver the mail, it only refuses to let this account send in someone else's name. "
    "An account may send as its own address, and as addresses it was given “Send As” rights "
    "to.",
)
_SEND_AS_STEPS = (
    QT_TRANSLATE_NOOP(
        "Diagnosis", "Set From to the login's own address (or leave From empty to use your own)."
    ),
    QT_TRANSLATE_NOOP(
        "Diagnosis",
        "Or have the mail administrator give this account “Send As” rights for the From address.",
    ),
    QT_TRANSLATE_NOOP(
        "Diagnosis",
        "To send as many different addresses (e.g. invoices for several companies), use a relay "
        "service (SendGrid, Amazon SES, Mailgun, ...) where those domains are verified.",
    ),
)
_FORWARD_REPLY = QT_TRANSLATE_NOOP(
    "Diagnosis", "The server's own words above say why; your provider can explain them."
)

LOGIN: tuple[Rule, ...] = (
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
        text=r"TLS|encrypt",
    ),
    Rule(
        "auth-required",
        QT_TRANSLATE_NOOP("Diagnosis", "The server requires a login"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it accepts mail only from a logged-in account.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Set Authentication to Automatic and enter the account's user name (usually the "
                "full e-mail address) and password.",
            ),
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

LATER: tuple[Rule, ...] = (
    Rule(
        "busy",
        QT_TRANSLATE_NOOP("Diagnosis", "The server is busy or closing the connection"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it is not taking mail from this computer right now "
            "(too many connections, a sending limit, or maintenance).",
        ),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Wait a few minutes and test again."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If it persists, ask your provider whether your office's internet address is "
                "limited or blocked.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Providers limit how fast an account may send: Microsoft 365 about 30 messages a "
            "minute, Gmail 500 a day (Google Workspace 2,000). For newsletters from a CRM, use "
            "a relay service.",
        ),
        codes=codes(421),  # RFC 5321 §3.8: the server is closing the transmission channel
    ),
    Rule(
        "temporary",
        QT_TRANSLATE_NOOP("Diagnosis", "Temporary problem at the server"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it cannot take this mail right now, and says so "
            "with a temporary (4xx) code.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Wait a few minutes and test again: some servers refuse the first attempt of a "
                "new sender on purpose (greylisting).",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis", "If it keeps happening, send the server's answer to your provider."
            ),
        ),
        code_class=4,
    ),
)

SENDING: tuple[Rule, ...] = (
    Rule(
        "ms-send-as",
        QT_TRANSLATE_NOOP("Diagnosis", "Not allowed to send as this sender"),
        _SEND_AS_EXPLANATION,
        _SEND_AS_STEPS,
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft 365: Exchange admin center > Recipients > Mailboxes > the From mailbox "
            "(or shared mailbox) > Delegation > Send As: add the login's account. It can take "
            "a while before the server applies it.",
        ),
        # 5.2.252 SendAsDenied (after DATA), 5.7.60 "Client does not have permissions to send
        # as this sender" (at MAIL FROM): both Exchange Online.
        enhanced=enhanced("5.2.252", "5.7.60"),
    ),
    Rule(
        "sender-denied",
        QT_TRANSLATE_NOOP("Diagnosis", "Not allowed to send as this sender"),
        _SEND_AS_EXPLANATION,
        _SEND_AS_STEPS,
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Gmail and Google Workspace do not refuse such mail: they quietly put the account's "
            "own address in From, unless the other address is added under Gmail settings > "
            "Accounts > “Send mail as”.",
        ),
        text=r"send(ing)? ?as\b|not owned|not allowed to send|not authori[sz]ed to send|"
        r"SendAsDenied",
    ),
    Rule(
        "relay-denied",
        QT_TRANSLATE_NOOP("Diagnosis", "The server does not relay this mail"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server refused to pass the mail on ({reply}). Relaying means delivering to "
            "addresses outside the server's own domains: a server does that only for logged-in "
            "accounts or for allowed internet addresses. The From address is not the problem.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Set Authentication to Automatic and enter the account's user name and password.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Check that the server is your provider's outgoing (SMTP) server, not another "
                "company's or the recipient's.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "A relay without login must allow your office's internet address: ask whoever "
                "runs it.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Microsoft 365: a connector (Exchange admin center > Mail flow > Connectors, from "
            "your organisation's email server) that trusts your office's fixed internet "
            "address relays without a login.",
        ),
        text=r"relay",
    ),
    Rule(
        "mailbox-full",
        QT_TRANSLATE_NOOP("Diagnosis", "The test recipient's mailbox is full"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server answered “{reply}”."),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Send the test to another address."),
            QT_TRANSLATE_NOOP("Diagnosis", "Ask the recipient to make room in the mailbox."),
        ),
        enhanced=enhanced("5.2.2"),  # RFC 3463: mailbox full
    ),
    Rule(
        "too-large",
        QT_TRANSLATE_NOOP("Diagnosis", "Message too large"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: the message is larger than it accepts. If even "
            "this small test is too large, its limit is set very low.",
        ),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Ask the provider for the size limit."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Remember that attachments grow by about a third when they are sent.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Usual limits: Gmail 25 MB, Microsoft 365 35 MB unless the administrator changed it.",
        ),
        # RFC 5321 §4.2.2: 552 exceeded storage allocation; RFC 3463: 5.3.4 too big for
        # the system, 5.2.3 over the administrative limit.
        codes=codes(552),
        enhanced=enhanced("5.3.4", "5.2.3"),
    ),
    Rule(
        "policy",
        QT_TRANSLATE_NOOP("Diagnosis", "Refused by the server's rules"),
        QT_TRANSLATE_NOOP(
            "Diagnosis", "The server refused the mail for a reason of its own and said: {reply}"
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Look in the server's words for a block list, your internet address or the "
                "From address: that is what it objects to.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Send the exact answer to your mail provider: only they can change their rules.",
            ),
        ),
        enhanced=enhanced("5.7.*"),  # RFC 3463: 5.7.x is the security or policy status
    ),
    Rule(
        "sender-refused",
        QT_TRANSLATE_NOOP("Diagnosis", "Sender address refused"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server refused the From address: {reply}"),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Set From to the account's own address."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Check that the From address is spelt right and its domain exists.",
            ),
        ),
        phases=phases(Phase.MAIL),
        code_class=5,
    ),
    Rule(
        "recipient-refused",
        QT_TRANSLATE_NOOP("Diagnosis", "Recipient refused"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server refused the test recipient: {reply}"),
        (QT_TRANSLATE_NOOP("Diagnosis", "Check the test recipient address."),),
        phases=phases(Phase.RCPT),
        code_class=5,
    ),
    Rule(
        "message-refused",
        QT_TRANSLATE_NOOP("Diagnosis", "Message refused"),
        QT_TRANSLATE_NOOP("Diagnosis", "The server refused the test message: {reply}"),
        (_FORWARD_REPLY,),
        phases=phases(Phase.DATA),
        code_class=5,
    ),
)

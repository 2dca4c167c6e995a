"""Catalogue entries for what the server answered: sender, relay, size, policy, later.

Keyed first on the reply code and the RFC 3463 enhanced status code, then on the words servers
are known to use. Texts use the full QT_TRANSLATE_NOOP("Diagnosis", ...) spelling for lupdate.
"""

from __future__ import annotations

from smtpgui.core.diagnosis.rule import ANSWERED, ENVELOPE, Rule, codes, enhanced, failures, phases
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

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

_SENDING_LIMITS = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Providers limit how fast an account may send: Microsoft 365 about 30 messages a "
    "minute, Gmail 500 a day (Google Workspace 2,000). For newsletters from a CRM, use "
    "a relay service.",
)

LATER: tuple[Rule, ...] = (
    Rule(
        "rate-limited",
        QT_TRANSLATE_NOOP("Diagnosis", "Too many attempts: the server holds this back for now"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server answered “{reply}”: it limits how often this computer or account may "
            "connect, log in or send, and the limit has been reached. This is not greylisting: "
            "testing again at once does not help.",
        ),
        (
            QT_TRANSLATE_NOOP("Diagnosis", "Wait {minutes} minutes, then run one test again."),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Do not test repeatedly in the meantime: every attempt counts, and repeated "
                "tests make the block last longer.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If another program sends with the same account (a scanner, a CRM), it may use "
                "up the limit: ask your provider what the account's limits are.",
            ),
        ),
        hint=_SENDING_LIMITS,
        code_class=4,
        phases=ANSWERED,
        # Gmail: "454 4.7.0 Too many login attempts"; Microsoft 365: "... rate limit exceeded",
        # "4.7.500 Server busy ... Try again later"; Postfix anvil: "421 4.7.0 ... Error: too
        # many connections from ...".
        text=r"too many|\brate\b|rate.?limit|exceeded|throttl|4\.7\.500",
    ),
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
        hint=_SENDING_LIMITS,
        codes=codes(421),  # RFC 5321 §3.8: the server is closing the transmission channel
        phases=ANSWERED,
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
        phases=ANSWERED,
    ),
)

SENDING: tuple[Rule, ...] = (
    Rule(
        "no-smtputf8",
        QT_TRANSLATE_NOOP("Diagnosis", "This server cannot take that address"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{detail} Nothing was sent: the server's own list of extensions shows it, so "
            "smtpgui stopped before MAIL FROM.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Use an address with only plain letters (a-z, digits, . - _) before the @, e.g. "
                "jose@ for josé@: the mailbox's administrator can add one as an alias.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Or send through a server that offers SMTPUTF8: Detect lists the extensions "
                "each port offers.",
            ),
        ),
        failures=failures(Failure.SMTPUTF8),
        phases=phases(Phase.MAIL),
    ),
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
        phases=ENVELOPE,
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
        phases=ENVELOPE,
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
        phases=ENVELOPE,
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
        phases=ENVELOPE,
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
        phases=ENVELOPE,
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
        phases=ENVELOPE,
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

"""Catalogue entries for the server's certificate: untrusted CA, self-signed, expired, wrong name.

Texts are marked with the full QT_TRANSLATE_NOOP("Diagnosis", ...) spelling (see
catalogue_connection.py).
"""

from __future__ import annotations

from smtpgui.core.diagnosis.rule import HANDSHAKE, Rule, failures
from smtpgui.core.smtp.result import Failure
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

_CHECK_NAME = QT_TRANSLATE_NOOP(
    "Diagnosis", "Check that the server name is exactly the one your provider gave you."
)
_CHECK_CLOCK = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "Check this computer's date and time: when they are wrong, good certificates look "
    "expired or not yet valid.",
)
_COMPANY_CA = QT_TRANSLATE_NOOP(
    "Diagnosis",
    "If the server belongs to your company, ask IT for its CA certificate file (PEM or DER) and "
    "choose it under Certificate.",
)

CERTIFICATES: tuple[Rule, ...] = (
    Rule(
        "cert-pin-changed",
        QT_TRANSLATE_NOOP("Diagnosis", "The server's certificate is not the pinned one"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "You chose to trust exactly one certificate, but {host} now presents another. "
            "Servers renew certificates from time to time; it can also mean that something on "
            "the way is intercepting the connection.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Ask the server's administrator whether the certificate was renewed, and compare "
                "the new fingerprint in the log with theirs.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis", "Only if they match, trust the new certificate (pin it again)."
            ),
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        text=r"certificate changed",  # tls.examine: a pinned fingerprint that differs
    ),
    Rule(
        "cert-self-signed",
        QT_TRANSLATE_NOOP("Diagnosis", "The server's certificate is self-signed"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host} presents a certificate it signed itself, so nothing vouches that it really "
            "is your server. NAS boxes, small office servers and appliances often come this "
            "way.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Ask the server's administrator for a certificate from a public certificate "
                "authority (Let's Encrypt issues them for free).",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Or get the server's certificate file from its administrator (not from the "
                "connection itself) and choose it as CA file under Certificate.",
            ),
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        # Not "self-signed certificate in certificate chain": that is an unknown root CA.
        text=r"self[- ]signed certificate(?! in)",
    ),
    Rule(
        "cert-incomplete-chain",
        QT_TRANSLATE_NOOP("Diagnosis", "The server does not send its intermediate certificate"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{detail} When “{issuer}” is an intermediate authority (public authorities such as "
            "Let's Encrypt always issue through one), {host} must send its certificate along: "
            "without it this computer cannot link the server's certificate to an authority it "
            "trusts. Some mail programs fetch the missing certificate themselves, which hides "
            "the mistake.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "This is for the server's administrator to fix: tell them to install the full "
                "certificate chain (with Let's Encrypt, fullchain.pem instead of cert.pem). Your "
                "Certificate settings are not the problem.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Only if “{issuer}” is your company's own root authority: choose its CA "
                "certificate file under Certificate.",
            ),
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        text=r"sent only its own certificate",  # tls.incomplete_chain counted one certificate
    ),
    Rule(
        "cert-unknown-ca",
        QT_TRANSLATE_NOOP("Diagnosis", "The certificate comes from an unknown authority"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host}'s certificate is signed by an authority this computer does not trust. "
            "Company servers often use their own; it can also mean that something on the way "
            "is intercepting the connection.",
        ),
        (
            _CHECK_NAME,
            _COMPANY_CA,
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Antivirus or firewall products that inspect encrypted traffic replace "
                "certificates: ask whoever runs them to leave mail alone.",
            ),
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        text=r"unable to get (local )?issuer|in certificate chain|unknown ca",
    ),
    Rule(
        "cert-expired",
        QT_TRANSLATE_NOOP("Diagnosis", "The server's certificate has expired"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{host}'s certificate is past its end date, so the connection cannot be trusted "
            "until it is renewed.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Tell your mail provider or the server's administrator: the certificate must be "
                "renewed.",
            ),
            _CHECK_CLOCK,
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        text=r"has expired",
    ),
    Rule(
        "cert-name-mismatch",
        QT_TRANSLATE_NOOP("Diagnosis", "The certificate is for another server name"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "The server's certificate is not made out for “{host}”, so this computer cannot "
            "tell the server from an impostor.",
        ),
        (
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "Use the server name exactly as your provider documents it, not an alias of "
                "your own domain or an IP address.",
            ),
            QT_TRANSLATE_NOOP(
                "Diagnosis",
                "If the server is your company's, ask IT for a certificate that includes “{host}”.",
            ),
        ),
        hint=QT_TRANSLATE_NOOP(
            "Diagnosis",
            "Hosted mail works only with the provider's own name: smtp.office365.com for "
            "Microsoft 365, smtp.gmail.com for Gmail, not mail.yourcompany.com.",
        ),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
        text=r"mismatch|doesn't match",
    ),
    Rule(
        "certificate",
        QT_TRANSLATE_NOOP("Diagnosis", "The server's certificate is not trusted"),
        QT_TRANSLATE_NOOP(
            "Diagnosis",
            "{detail} Someone could be pretending to be your mail server, or the certificate "
            "is wrong.",
        ),
        (_CHECK_NAME, _CHECK_CLOCK, _COMPANY_CA),
        failures=failures(Failure.CERTIFICATE),
        phases=HANDSHAKE,
    ),
)

"""What a profile keeps insecure on purpose: said when it is saved, shown and reported."""

from __future__ import annotations

from smtpgui.core.profile.settings import AuthMethod, Settings, TrustMode
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

NOT_CHECKED = Text(
    "Insecure",
    QT_TRANSLATE_NOOP(
        "Insecure",
        "Certificates are not checked: anyone on the way to the server could pretend to be it.",
    ),
)
PLAIN_LOGIN = Text(
    "Insecure",
    QT_TRANSLATE_NOOP(
        "Insecure",
        "Login without encryption is allowed: the password may cross the network readable.",
    ),
)


def weakened(settings: Settings) -> tuple[Text, ...]:
    """One sentence per protection these settings turn off; empty when none is."""
    found = []
    if settings.trust is TrustMode.INSECURE:
        found.append(NOT_CHECKED)
    if settings.allow_insecure_auth and settings.auth is not AuthMethod.NONE:
        found.append(PLAIN_LOGIN)
    return tuple(found)

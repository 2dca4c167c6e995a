"""The Qt-free engine behind the window, the CLI and the API (it never imports PySide6).

Packages: smtp (the conversation of a test), diagnosis (what went wrong, in plain words),
discovery (finding a server's settings), oauth (OAuth2 sign-in and tokens), providers (the catalogue
of mail services), profile (settings, secrets, profile files), deliverability (SPF, DKIM, DMARC and
arrival), text (translation marks and safe text). Modules: jobs (Test, then Save), report (the
support file), exit_codes.
"""

__all__ = [
    "deliverability",
    "diagnosis",
    "discovery",
    "exit_codes",
    "jobs",
    "oauth",
    "profile",
    "providers",
    "report",
    "smtp",
    "text",
]

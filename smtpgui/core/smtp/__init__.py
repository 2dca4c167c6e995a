"""The SMTP conversation of a test: the server field (endpoint), connection, TLS, EHLO, AUTH,
MAIL/RCPT/DATA, each step under a deadline (steps), every line into a redacted transcript; the
opening the Test and Detect share (opening); the probe that runs it (probe), the steps it reports
while it runs (phases) and what it found (result); a batch over one session (batch).
"""

__all__ = [
    "batch",
    "certificate",
    "client",
    "connection",
    "endpoint",
    "envelope",
    "failures",
    "mechanisms",
    "message",
    "opening",
    "phases",
    "probe",
    "result",
    "steps",
    "tls",
    "transcript",
    "trust_store",
]

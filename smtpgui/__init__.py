"""smtpgui: set up, test and safely store an outgoing mail (SMTP) server."""

__version__ = "0.1.0"

"""--demo's server: real, on loopback, and quiet on the admin's terminal."""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading

import pytest

from smtpgui.demo import DEMO_PASSWORD, DEMO_USER, DemoServer


class LogSeen(logging.Handler):
    """Sets `seen` when the server thread logs a record holding `text`: an event, not a poll."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.DEBUG)
        self.text = text
        self.seen = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()


def test_a_refused_demo_certificate_prints_no_traceback(capfd, caplog):
    """The client refuses the demo's certificate (no CA file): aiosmtpd used to print a
    traceback of its side of the handshake on the terminal; now one debug line."""
    caplog.set_level(logging.DEBUG, logger="smtpgui.demo")
    logged = LogSeen("demo server")
    logging.getLogger("smtpgui.demo").addHandler(logged)
    try:
        with DemoServer() as demo, smtplib.SMTP("127.0.0.1", demo.port, timeout=10) as client:
            with pytest.raises(ssl.SSLCertVerificationError):
                client.starttls(context=ssl.create_default_context())
            assert logged.seen.wait(30), "the demo server logged nothing of the refusal"
    finally:
        logging.getLogger("smtpgui.demo").removeHandler(logged)
    assert any("demo server" in r.getMessage() for r in caplog.records)
    assert "Traceback" not in capfd.readouterr().err


def test_a_demo_login_prints_no_deprecation_warning(capfd):
    with DemoServer() as demo, smtplib.SMTP("127.0.0.1", demo.port, timeout=10) as client:
        client.starttls(context=ssl.create_default_context(cafile=demo.ca_file))
        client.login(DEMO_USER, DEMO_PASSWORD)
    assert capfd.readouterr().err == ""

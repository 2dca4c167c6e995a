"""--demo's server: real, on loopback, and quiet on the admin's terminal."""

from __future__ import annotations

import logging
import smtplib
import ssl
import time

import pytest

from smtpgui.demo import DEMO_PASSWORD, DEMO_USER, DemoServer


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)  # polling a condition, with a deadline


def test_a_refused_demo_certificate_prints_no_traceback(capfd, caplog):
    """The client refuses the demo's certificate (no CA file): aiosmtpd used to print a
    traceback of its side of the handshake on the terminal; now one debug line."""
    caplog.set_level(logging.DEBUG, logger="smtpgui.demo")
    with DemoServer() as demo, smtplib.SMTP("127.0.0.1", demo.port, timeout=10) as client:
        with pytest.raises(ssl.SSLCertVerificationError):
            client.starttls(context=ssl.create_default_context())
        wait_for(lambda: any("demo server" in r.getMessage() for r in caplog.records))
    assert "Traceback" not in capfd.readouterr().err


def test_a_demo_login_prints_no_deprecation_warning(capfd):
    with DemoServer() as demo, smtplib.SMTP("127.0.0.1", demo.port, timeout=10) as client:
        client.starttls(context=ssl.create_default_context(cafile=demo.ca_file))
        client.login(DEMO_USER, DEMO_PASSWORD)
    assert capfd.readouterr().err == ""

"""'Check that it arrived' in the window: the form's group, the Job it asks for, and the
Deliverability section after real tests whose message a real Dovecot receives (or never)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import trustme

from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.imap_server import Delivering, Dovecot, dovecot
from tests.helpers.servers import PASSWORD, smtp_server
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def _type_server(window: SettingsWindow, text: str) -> None:
    window.form.server.setText(text)
    window.form.server.textEdited.emit(text)


def test_the_imap_server_comes_from_the_catalogue_until_one_is_typed(window) -> None:
    arrival = window.form.arrival
    assert not arrival.enabled.isChecked() and arrival.check() is None  # off by default
    assert not arrival.server.isVisible()
    _type_server(window, "tls://smtp-mail.outlook.com:587")
    assert arrival.server.text() == "outlook.office365.com:993"
    window.form.recipient.setText("me@gmail.com")  # the SMTP server's provider comes first
    assert arrival.server.text() == "outlook.office365.com:993"
    _type_server(window, "mail.office.test")
    assert arrival.server.text() == "imap.gmail.com:993"  # else the recipient's provider
    arrival.server.setText("imap.office.test")
    arrival.server.textEdited.emit("imap.office.test")
    _type_server(window, "smtp.gmail.com")
    assert arrival.server.text() == "imap.office.test"  # typed: kept


def test_the_job_gets_what_the_group_says_and_a_separate_login_only_when_asked(window) -> None:
    arrival = window.form.arrival
    arrival.enabled.setChecked(True)
    arrival.server.setText("imap.office.test:143")
    arrival.username.setText("mailbox@office.test")
    arrival.password.setText("mailbox-secret")
    assert not arrival.username.isVisible()  # "same login" is the default
    check = arrival.check()
    assert check is not None and (check.username, check.password) == ("", "")
    arrival.same_login.setChecked(False)
    assert arrival.username.isVisible() and arrival.password.isVisible()
    arrival.delete.setChecked(True)
    check = arrival.check()
    assert check is not None
    assert (check.server, check.security, check.username) == (
        "imap.office.test:143",
        None,
        "mailbox@office.test",
    )
    assert check.password == "mailbox-secret" and check.delete
    assert "mailbox-secret" not in repr(check)


@pytest.fixture(scope="module")
def imap() -> Iterator[Dovecot]:
    with dovecot() as server:  # skips where Dovecot is missing, fails in CI
        yield server


def _prove(qtbot, window: SettingsWindow, ca: trustme.CA, ca_file: str, imap: Dovecot,
           folder: str) -> str:  # fmt: skip
    arrival = window.form.arrival
    with smtp_server(ca, "starttls", Delivering(imap=imap, folder=folder)) as server:
        fill(window, server.server, ca_file)
        window.form.allow_insecure.setChecked(True)  # the Dovecot of the tests has no TLS
        arrival.enabled.setChecked(True)
        arrival.server.setText(f"127.0.0.1:{imap.port}")
        arrival.security.setCurrentIndex(arrival.security.findData(Security.NONE))
        arrival.wait.setValue(2)
        outcome = run(qtbot, window, timeout=20_000)
    assert outcome.result.ok
    assert window.deliverability.isVisible()
    return window.deliverability.details.text()


def test_arrived_in_junk_is_shown_with_its_steps(qtbot, window, ca, ca_file, imap) -> None:
    text = _prove(qtbot, window, ca, ca_file, imap, "Junk")
    assert "The test message landed in the junk folder (Junk)" in text
    assert "spf=fail, dmarc=fail" in text
    assert "Authentication-Results:" in text and "mx.example.test" in text
    assert "Mark the message as not spam in admin@example.test" in text  # a step
    assert "AUTHENTICATE PLAIN [redacted]" in window.log.toPlainText()
    assert PASSWORD not in window.log.toPlainText()


def test_the_support_file_tells_where_the_message_landed(
    qtbot, window, ca, ca_file, imap, tmp_path
) -> None:
    _prove(qtbot, window, ca, ca_file, imap, "Junk")
    support = tmp_path / "support.txt"
    window.write_support_file(support)
    written = support.read_text("utf-8")
    section = written.split("== Arrival (the test recipient's mailbox) ==")[1]
    assert "ARRIVAL [" in section and "landed in the junk folder (Junk)" in section
    assert "1. " in section  # its steps
    assert PASSWORD not in written


def test_never_arrived_is_a_problem_with_what_to_do(qtbot, window, ca, ca_file, imap) -> None:
    text = _prove(qtbot, window, ca, ca_file, imap, "")
    assert "The test message did not arrive within 2 s" in text
    assert "Look for a bounce" in text
    assert "#a51d2d" in text  # the problem's red, as the domain check's problems


def test_in_the_inbox_is_good(qtbot, window, ca, ca_file, imap) -> None:
    text = _prove(qtbot, window, ca, ca_file, imap, "INBOX")
    assert "The test message arrived in INBOX after" in text
    assert "#26a269" in text

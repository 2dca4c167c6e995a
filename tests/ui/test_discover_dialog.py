"""Find settings from the window: a DNS server and SMTP servers on loopback, nothing else."""

from __future__ import annotations

import socket
import time

import pytest

from smtpgui.core.discovery.findings import DiscoverOptions, Source
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import Security
from tests.helpers.discovery import no_network
from tests.helpers.dns_server import dns_server
from tests.helpers.servers import SilentServer, smtp_server

pytestmark = pytest.mark.gui


def only_loopback(host, port, *args, **kwargs):
    if host != "smtp.example.test":
        raise socket.gaierror(socket.EAI_NONAME, "no such name (test)")
    return socket.getaddrinfo("127.0.0.1", port, *args, **kwargs)


def test_findings_are_listed_with_their_source_and_applied_only_on_click(qtbot, window):
    records = {
        ("_submission._tcp.example.test", "SRV"): ["0 0 587 mail.example.test."],
        ("example.test", "MX"): ["10 example-test.mail.protection.outlook.com."],
    }
    with dns_server(records) as dns:
        window.files.discover_options = DiscoverOptions(
            resolver=dns.resolver(), address_resolver=no_network
        )
        window.form.recipient.setText("alice@example.test")
        dialog = window.files.find_settings()
        assert dialog is not None and dialog.address.text() == "alice@example.test"
        with qtbot.waitSignal(dialog.finished_search, timeout=10_000) as blocker:
            pass
    findings = blocker.args[0]
    assert [f.source for f in findings] == [Source.SRV_SUBMISSION, Source.MX]
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "tls://mail.example.test:587"
    assert "DNS SRV record _submission._tcp.example.test" in table.item(0, 2).text()
    assert table.item(1, 1).text().startswith("Microsoft 365")
    assert window.form.server.text() == ""  # nothing applied yet
    table.selectRow(1)
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    form = window.form
    assert form.server.text() == "smtp.office365.com"
    assert form.current_security() is Security.STARTTLS and form.port.value() == 587
    assert form.provider.combo.currentData() == "microsoft365"
    assert "Send As" in form.provider.hint.text()
    assert "login.microsoftonline.com" in form.oauth.token_url.text()  # ready for OAuth2


def test_a_guessed_server_found_by_probing(qtbot, window, ca, ca_file):
    with dns_server({}) as dns, smtp_server(ca, "starttls") as server:
        window.files.discover_options = DiscoverOptions(
            resolver=dns.resolver(),
            address_resolver=only_loopback,
            guess_hosts=("smtp.{domain}",),
            guess_ports=((server.port, Security.STARTTLS),),
        )
        window.form.ca_file.setText(ca_file)
        dialog = window.files.find_settings()
        dialog.address.setText("bob@example.test")
        with qtbot.waitSignal(dialog.finished_search, timeout=15_000):
            dialog.find_button.click()
    assert dialog.table.rowCount() == 1
    assert "guess: smtp.example.test" in dialog.table.item(0, 2).text()
    dialog.apply_button.click()
    assert window.form.server.text() == "smtp.example.test"
    assert window.form.port.value() == server.port
    assert window.form.auth.currentData() == AuthMethod.PLAIN


def test_a_bad_address_says_so_and_starts_nothing(qtbot, window):
    dialog = window.files.find_settings()
    dialog.address.setText("not an address")
    dialog.find_button.click()
    assert not dialog.is_running()
    assert "name@example.com" in dialog.summary.text()


def test_stop_and_close_end_a_search_stuck_on_a_silent_server(qtbot, window):
    silent = SilentServer()
    try:
        with dns_server({}) as dns:
            window.files.discover_options = DiscoverOptions(
                resolver=dns.resolver(),
                address_resolver=only_loopback,
                guess_hosts=("smtp.{domain}",),
                guess_ports=((silent.port, Security.STARTTLS),),
            )
            window.form.timeout.setValue(60)
            window.form.recipient.setText("carol@example.test")
            dialog = window.files.find_settings()
            qtbot.waitUntil(silent.connected.is_set, timeout=10_000)
            with qtbot.waitSignal(dialog.finished_search, timeout=3000):
                dialog.stop_button.click()
            assert dialog.find_button.isEnabled() and not dialog.apply_button.isEnabled()
            dialog.find_button.click()  # again, then close the dialog while it waits
            qtbot.waitUntil(lambda: len(silent.accepted) >= 2, timeout=10_000)
            started = time.monotonic()
            dialog.reject()
            assert time.monotonic() - started < 2
            assert window.form.server.text() == ""
    finally:
        silent.close()

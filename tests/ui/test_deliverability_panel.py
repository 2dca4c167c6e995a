"""The Deliverability section of the window after real tests, with a DNS server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.dns_server import DnsServer, dns_server
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui

# SPF names another server, DMARC says reject: mail From office.test through 127.0.0.1 is lost.
MISALIGNED = {
    ("office.test", "TXT"): ['"v=spf1 ip4:203.0.113.0/24 -all"'],
    ("_dmarc.office.test", "TXT"): ['"v=DMARC1; p=reject"'],
}


@pytest.fixture
def office_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[DnsServer]:
    with dns_server(MISALIGNED) as server:
        monkeypatch.setenv("SMTPGUI_DNS_SERVER", server.address)
        yield server


def test_a_passed_test_shows_what_the_domain_needs(
    qtbot, window: SettingsWindow, starttls_server, ca_file, office_dns, tmp_path: Path
) -> None:
    fill(window, starttls_server.server, ca_file)
    window.form.from_address.setText("invoices@office.test")
    outcome = run(qtbot, window)
    assert outcome.result.ok  # the domain's problems never fail the test
    panel = window.deliverability
    assert panel.isVisible()
    text = panel.details.text()
    assert "Recipients with strict checks will drop mail From office.test" in text
    assert "Recipients will refuse these mails unless the server signs them" in text
    assert "v=spf1 ip4:203.0.113.0/24 ip4:127.0.0.1 -all" in text  # the record to publish
    support = tmp_path / "support.txt"
    window.write_support_file(support)
    written = support.read_text("utf-8")
    assert "== Deliverability (domain check) ==" in written
    assert "DMARC [dmarc-needs-dkim]" in written


def test_a_failed_test_hides_the_section(
    qtbot, window: SettingsWindow, starttls_server, ca_file, office_dns
) -> None:
    fill(window, starttls_server.server, ca_file)
    window.form.from_address.setText("invoices@office.test")
    run(qtbot, window)
    assert window.deliverability.isVisible()
    window.form.password.setText("wrong")
    assert not run(qtbot, window).result.ok
    assert not window.deliverability.isVisible()

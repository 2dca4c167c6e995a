"""Trust choices and the certificate panel, against real servers with untrusted certificates."""

from __future__ import annotations

import pytest

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.certificate import format_fingerprint
from smtpgui.core.smtp.result import Failure
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def test_an_untrusted_certificate_is_shown_and_can_be_pinned(qtbot, window, starttls_server):
    fill(window, starttls_server.server, ca_file="")
    assert window.form.trust.current() is TrustMode.SYSTEM
    refused = run(qtbot, window)
    assert refused.result.failure is Failure.CERTIFICATE
    panel = window.certificate
    assert panel.isVisible()
    details = panel.details.text()
    assert "✗" in details and "SHA-256" in details and "127.0.0.1" in details
    fingerprint = refused.result.certificate.fingerprint_sha256
    panel.pin_button.click()
    assert window.form.trust.current() is TrustMode.PINNED
    assert window.form.trust.pinned.isVisible()
    pinned = run(qtbot, window, "save")
    assert pinned.result.ok and pinned.saved
    assert "pinned" in panel.details.text()
    saved = SettingsStore().load()
    assert (saved.trust, saved.pinned_sha256) == (TrustMode.PINNED, fingerprint)
    again = SettingsWindow()
    qtbot.addWidget(again)
    assert again.form.trust.current() is TrustMode.PINNED
    assert again.form.trust.pinned.text() == format_fingerprint(fingerprint)  # AB:CD:…


def test_turning_checks_off_is_marked_insecure_everywhere(qtbot, window, tls_server):
    fill(window, tls_server.server, ca_file="")
    window.form.trust.set_current(TrustMode.INSECURE)
    assert window.form.trust.warning.isVisible()
    outcome = run(qtbot, window)
    assert outcome.result.ok and not outcome.result.verified
    assert "NOT checked" in window.certificate.details.text()
    assert "NOT verified" in window.log.toPlainText()


def test_a_missing_ca_file_is_an_error_at_its_field(window, tmp_path):
    fill(window, "smtp.example.com", ca_file=str(tmp_path / "nowhere.pem"))
    assert window.form.trust.current() is TrustMode.CA_FILE
    error = window.form.trust.errors["ca_file"]
    assert error.isVisibleTo(window) and error.text()
    assert not window.test_button.isEnabled()


def test_a_bad_fingerprint_is_an_error_at_its_field(window):
    fill(window, "smtp.example.com", ca_file="")
    window.form.trust.pin("12:34")
    window.form.show_all_errors()
    assert window.form.trust.errors["pinned_sha256"].text()
    assert not window.save_button.isEnabled()

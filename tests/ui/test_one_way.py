"""Data flows one way in the window: each part uses the values it was given, not widgets."""

from __future__ import annotations

import pytest

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import Security
from tests.helpers.servers import USER
from tests.helpers.window import fill, fill_oauth, run

pytestmark = pytest.mark.gui


def test_after_a_save_the_window_knows_the_settings_the_job_saved(
    qtbot, window, starttls_server, ca_file
):
    """What changes in the form while a Save runs is not what was saved.

    Before, the window read the form again once the Save ended: the stored password then
    counted as saved for the user name typed meanwhile, and an empty password field would
    have sent it to that other user.
    """
    fill(window, starttls_server.server, ca_file)
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000) as blocker:
        window.save()
        window.form.username.setText("someone.else@example.test")  # the job has its settings
    assert blocker.args[0].saved
    assert window.saved.settings == SettingsStore().load()
    assert window.saved.settings is not None and window.saved.settings.username == USER
    assert "another user name" in window.form.errors()["password"]


def test_a_sign_in_with_a_wrong_user_name_shows_the_error_at_that_field(
    qtbot, window, auth_server, ca_file
):
    """The sign-in reads the form through its Settings and field errors, not its widgets."""
    fill_oauth(window, "127.0.0.1:1", ca_file, auth_server)
    opened: list[str] = []
    window.signing.open_browser = opened.append
    window.form.username.setText(f"{USER}\r\nRCPT TO:<x@example.test>")
    assert not window.sign_in()
    assert not window.signing.active() and opened == []
    assert "Line breaks" in window.form.username.accessibleDescription()
    assert window.status.title.text() == "Some fields need attention"


def test_a_sign_in_needs_no_server_yet(qtbot, window, auth_server, ca_file):
    """Only the fields a sign-in uses can stop it: the Server may still be empty."""
    fill_oauth(window, "", ca_file, auth_server)
    window.signing.open_browser = lambda _url: True  # the admin never signs in
    assert "server" in window.form.errors()
    assert window.sign_in()
    window.cancel()
    qtbot.waitUntil(lambda: not window.signing.active(), timeout=5_000)


def test_what_is_kept_insecure_is_read_out_with_the_outcome(qtbot, window, plain_server):
    """A warning added under the outcome is in what a screen reader reads, not only on screen."""
    fill(window, f"127.0.0.1:{plain_server.port}", "")
    window.form.setCurrentSecurity(Security.NONE)
    window.form.trust.set_current(TrustMode.INSECURE)
    window.form.allow_insecure.setChecked(True)
    assert run(qtbot, window).result.ok
    described = window.status.accessibleDescription()
    assert "Kept insecure: Certificates are not checked" in described
    assert "Kept insecure: Login without encryption is allowed" in described

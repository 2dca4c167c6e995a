"""The real window driven with pytest-qt against real servers on 127.0.0.1."""

from __future__ import annotations

import json
import os
import ssl
import stat

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer

from smtpgui.core.profile.file import export_profile
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import Security, parse_server
from smtpgui.core.smtp.phases import Phase, PhaseState
from smtpgui.core.smtp.result import Failure
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.keyring_records import stored_secret
from tests.helpers.servers import PASSWORD, USER, Recorder, smtp_server
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui
OWN = "admin@example.test"


def test_test_streams_a_redacted_transcript_and_saves_nothing(
    qtbot, window, starttls_server, ca_file, isolated
):
    fill(window, starttls_server.server, ca_file)
    outcome = run(qtbot, window)
    assert outcome.result.ok and not outcome.saved
    log = window.log.toPlainText()
    assert "AUTH PLAIN [redacted]" in log and "235" in log and "250 2.0.0" in log
    assert PASSWORD not in log
    assert window.status.kind == "ok"
    assert not SettingsStore().path.exists()
    assert stored_secret(isolated, USER) is None
    assert len(starttls_server.handler.envelopes) == 1


def test_save_writes_file_and_keyring_only_after_success(
    qtbot, window, tls_server, ca_file, isolated
):
    fill(window, tls_server.server, ca_file)
    assert window.form.current_security() is Security.TLS
    outcome = run(qtbot, window, "save")
    assert outcome.saved, outcome
    path = SettingsStore().path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    data = json.loads(text)
    assert data["version"] == 1 and data["server"] == tls_server.server
    assert stored_secret(isolated, USER) == PASSWORD
    assert window.form.password.text() == ""
    assert "stored" in window.form.password.placeholderText()
    assert window.status.kind == "ok"


def test_failed_save_changes_nothing_and_keeps_what_was_typed(
    qtbot, window, starttls_server, ca_file, isolated
):
    fill(window, starttls_server.server, ca_file)
    assert run(qtbot, window, "save").saved
    path = SettingsStore().path
    before = path.read_bytes()
    fill(
        window,
        starttls_server.server.replace("127.0.0.1", "localhost"),
        ca_file,
        password="typo-password",
    )
    window.form.from_address.setText("boss@example.test")
    with qtbot.assertNotEmitted(window.password_state_known):
        outcome = run(qtbot, window, "save")
    assert not outcome.saved and outcome.result.phase is Phase.AUTH
    assert path.read_bytes() == before
    assert stored_secret(isolated, USER) == PASSWORD
    assert window.form.password.text() == "typo-password"
    assert window.form.from_address.text() == "boss@example.test"
    assert window.status.kind == "error"
    status = window.status.text()
    assert "User name or password refused" in status and "535" in status
    assert "Nothing was saved" in status
    assert "typo-password" not in window.log.toPlainText() + status


def test_sender_rejection_is_explained(qtbot, window, ca, ca_file):
    reply = "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    with smtp_server(ca, "starttls", Recorder(reject_mail=reply)) as server:
        fill(window, server.server, ca_file)
        window.form.from_address.setText("ceo@example.test")
        outcome = run(qtbot, window)
    assert outcome.result.phase is Phase.MAIL
    assert "Not allowed to send as this sender" in window.status.text()
    assert "Send As" in window.status.text()


def test_the_window_fills_from_saved_settings_and_keeps_the_stored_password(
    qtbot, window, starttls_server, ca_file
):
    fill(window, starttls_server.server, ca_file)
    window.form.from_address.setText("office@example.test")
    assert run(qtbot, window, "save").saved
    again = SettingsWindow()
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.password_state_known, timeout=5000) as known:
        again.show()
    assert known.args == [True]
    form = again.form
    assert form.server.text() == "127.0.0.1"
    assert form.current_security() is Security.STARTTLS
    assert form.port.value() == starttls_server.port
    assert (form.username.text(), form.recipient.text(), form.from_address.text()) == (
        USER,
        OWN,
        "office@example.test",
    )
    assert form.password.text() == "" and "stored" in form.password.placeholderText()
    outcome = run(qtbot, again, "save")  # empty password field = use the stored one
    assert outcome.saved and outcome.result.ok


def test_cancel_stops_a_silent_server_within_a_fraction_of_a_second(
    qtbot, window, silent_server, ca_file
):
    fill(window, f"127.0.0.1:{silent_server.port}", ca_file, timeout=60)
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.NONE))
    window.test()
    qtbot.waitUntil(lambda: "Connected" in window.log.toPlainText(), timeout=5000)
    assert window.cancel_button.isEnabled() and not window.test_button.isEnabled()
    with qtbot.waitSignal(window.outcome_ready, timeout=500) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert blocker.args[0].result.failure is Failure.CANCELLED
    assert window.test_button.isEnabled() and not window.cancel_button.isEnabled()
    assert window.status.title.text() == "Test cancelled"


def test_the_gui_thread_keeps_running_while_the_server_is_silent(
    qtbot, window, silent_server, ca_file
):
    fill(window, f"127.0.0.1:{silent_server.port}", ca_file, timeout=2)
    ticks: list[int] = []
    timer = QTimer(window, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(window.outcome_ready, timeout=5000) as blocker:
        window.test()
        qtbot.waitUntil(lambda: len(ticks) >= 50, timeout=1500)  # 0.5 s of ticks mid-test
        assert window.is_running()
    assert blocker.args[0].result.failure is Failure.TIMEOUT
    assert "stopped answering" in window.status.text()


def test_closing_the_window_during_a_test_is_clean(qtbot, silent_server, ca_file):
    win = SettingsWindow()
    qtbot.addWidget(win)
    win.show()
    fill(win, f"127.0.0.1:{silent_server.port}", ca_file, timeout=60)
    win.save()
    qtbot.waitUntil(lambda: "Connected" in win.log.toPlainText(), timeout=5000)
    run_ = win._run
    assert run_ is not None
    win.close()
    assert not run_.is_running()
    assert not SettingsStore().path.exists()


def test_enter_runs_the_test(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    window.form.recipient.setFocus()
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000) as blocker:
        qtbot.keyClick(window.form.recipient, Qt.Key.Key_Return)
    assert blocker.args[0].result.ok


def test_no_keyring_backend_saves_nothing_and_says_so(qtbot, starttls_server, ca_file):
    win = SettingsWindow(secrets=SecretStore(backend=fail.Keyring()))
    qtbot.addWidget(win)
    fill(win, starttls_server.server, ca_file)
    outcome = run(qtbot, win, "save")
    assert outcome.result.ok and not outcome.saved
    assert "No password store (keyring)" in win.status.text()
    assert not SettingsStore().path.exists()


def test_delete_saved_settings(qtbot, window, starttls_server, ca_file, isolated):
    fill(window, starttls_server.server, ca_file)
    assert run(qtbot, window, "save").saved
    window.saved.delete()
    qtbot.waitUntil(
        lambda: (
            not SettingsStore().path.exists()
            and window.status.title.text() == "Saved settings deleted"
        )
    )
    assert stored_secret(keyring, USER) is None
    assert window.form.server.text()  # the form keeps what was typed


def test_a_broken_settings_file_is_kept_aside_and_the_window_opens(qtbot):
    store = SettingsStore()
    store.directory.mkdir(parents=True)
    store.path.write_text('{"version": 1, "server": ', encoding="utf-8")
    win = SettingsWindow()
    qtbot.addWidget(win)
    assert "could not be read" in win.status.title.text()
    assert store.path.with_name("settings.json.broken").exists()
    assert win.form.server.text() == ""


def test_the_failed_step_is_named(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file, password="bad")
    run(qtbot, window)
    assert "Failed step: login (AUTH)" in window.status.text()


def test_tab_order_follows_the_form(qtbot, window):
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication

    form = window.form
    form.server.setText("smtp.example.com")
    form.server.textEdited.emit("smtp.example.com")
    form.username.setText(USER)
    form.password.setText(PASSWORD)
    form.recipient.setText(OWN)
    expected = [
        form.server,
        form.detect,
        form.security,
        form.port,
        form.auth,
        form.username,
        form.password,
        form.allow_insecure,
        form.from_address,
        form.recipient,
        form.arrival.enabled,  # "Check that it arrived" (its fields hidden until ticked)
        form.timeout,
        form.trust.mode,
        window.test_button,
        window.save_button,
    ]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    form.server.setFocus()
    seen = []
    for _ in expected:
        widget = QApplication.focusWidget()
        parent = widget.parentWidget()
        seen.append(parent if isinstance(parent, QAbstractSpinBox) else widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == expected


def test_demo_passes_then_fails_without_touching_real_settings(qtbot, monkeypatch, tmp_path):
    from smtpgui.demo import DemoServer

    real_dir = str(tmp_path / "config")
    with DemoServer() as demo:
        assert os.environ["SMTPGUI_CONFIG_DIR"] != real_dir
        win = SettingsWindow(note=demo.note())
        qtbot.addWidget(win)
        demo.fill(win.form)
        assert run(qtbot, win, "save").saved
        win.form.password.setText("wrong")
        failed = run(qtbot, win)
        assert failed.result.phase is Phase.AUTH
        assert "User name or password refused" in win.status.text()
    assert os.environ["SMTPGUI_CONFIG_DIR"] == real_dir
    assert not SettingsStore().path.exists()


def test_a_provider_hint_is_shown_as_a_tip(qtbot, window, ca, ca_file):
    reply = "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
    with smtp_server(ca, "starttls", Recorder(reject_mail=reply)) as server:
        fill(window, server.server, ca_file)
        window.form.from_address.setText("ceo@example.test")
        run(qtbot, window)
    assert "Tip: " in window.status.text()


def test_export_then_import_a_profile(qtbot, window, starttls_server, ca_file, tmp_path):
    fill(window, starttls_server.server, ca_file)
    window.form.from_address.setText("office@example.test")
    profile = tmp_path / "office.json"
    assert window.files.export_profile(profile)
    assert PASSWORD not in profile.read_text(encoding="utf-8")
    other = SettingsWindow()
    qtbot.addWidget(other)
    assert other.files.import_profile(profile)
    assert other.form.from_address.text() == "office@example.test"
    assert other.form.password.text() == "" and not other.save_button.isEnabled()
    assert not SettingsStore().path.exists()  # nothing saved before a passing test
    other.form.password.setText(PASSWORD)
    assert run(qtbot, other, "save").saved


def test_a_newer_profile_is_refused_and_changes_nothing(window, tmp_path):
    profile = tmp_path / "new.json"
    profile.write_text('{"kind": "smtpgui-profile", "version": 7, "settings": {}}')
    assert not window.files.import_profile(profile)
    assert "newer smtpgui" in window.status.text()
    assert window.form.server.text() == ""


@pytest.mark.parametrize("bom, encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xef\xbb\xbf", "utf-8")])
def test_a_profile_powershell_or_notepad_wrote_is_imported(window, tmp_path, bom, encoding):
    """PowerShell 5.1's `>` writes UTF-16 with a BOM; Notepad UTF-8 with a BOM."""
    text = export_profile(
        Settings(
            endpoints=parse_server("tls://correo.españa.es"),
            auth=AuthMethod.NONE,
            recipient="jefa@españa.es",
        )
    )
    profile = tmp_path / "office.json"
    profile.write_bytes(bom + text.encode(encoding))
    assert window.files.import_profile(profile), window.status.text()
    assert window.form.server.text() == "correo.españa.es"


def test_a_message_sent_but_never_confirmed_is_shown_as_uncertain(qtbot, window, ca, ca_file):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with HostileServer(smtp_script({".": ""}, context=context)) as server:  # hangs up after "."
        fill(window, f"tls://127.0.0.1:{server.port}", ca_file)
        outcome = run(qtbot, window)
    assert outcome.result.failure is Failure.UNCONFIRMED
    assert window.log_panel.phases.states[Phase.DATA] is PhaseState.UNCERTAIN
    status = window.status.text()
    assert "may have been delivered" in status and "Step with no confirmation" in status
    assert "Failed step" not in status and window.status.kind == "uncertain"

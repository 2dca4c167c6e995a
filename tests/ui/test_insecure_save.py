"""Weakening security is never saved silently: asked, said when saved, shown, reported."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from smtpgui.core.profile.settings import TrustMode
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import Security
from tests.helpers.cli_terminal import cli
from tests.helpers.user_input import answer_next_box
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def test_enter_on_the_question_cancels_an_insecure_save(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    window.form.trust.set_current(TrustMode.INSECURE)
    seen = answer_next_box(qtbot)  # Enter: the default button
    with qtbot.assertNotEmitted(window.outcome_ready, wait=100):
        window.save_button.click()
    assert seen["default"] == QMessageBox.StandardButton.Cancel
    assert "not checked" in seen["text"]
    assert not window.is_running()
    assert SettingsStore().load() is None


def test_an_insecure_save_says_what_was_kept_insecure_everywhere(
    qtbot, window, plain_server, tmp_path
):
    fill(window, f"127.0.0.1:{plain_server.port}", "")
    window.form.setCurrentSecurity(Security.NONE)
    window.form.trust.set_current(TrustMode.INSECURE)
    window.form.allow_insecure.setChecked(True)
    seen = answer_next_box(qtbot, QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(window.outcome_ready, timeout=10_000) as blocker:
        window.save_button.click()
    assert "Login without encryption" in seen["text"]
    assert blocker.args[0].saved
    status = window.status.text()
    assert "Kept insecure: Certificates are not checked" in status
    assert "Kept insecure: Login without encryption is allowed" in status

    support = tmp_path / "support.txt"
    window.write_support_file(support)
    assert "== Kept insecure on purpose ==\n- Certificates are not checked" in support.read_text()
    shown = cli(_env(tmp_path), "show").stdout  # the same config folder, a file keyring
    assert "INSECURE: Login without encryption is allowed" in shown
    as_json = cli(_env(tmp_path), "show", "--json").stdout
    assert len(json.loads(as_json)["insecure"]) == 2


def _env(tmp_path) -> dict[str, str]:
    """The CLI's environment: this test's config folder, a file keyring of its own."""
    return dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="tests.helpers.file_keyring.FileKeyring",
        SMTPGUI_TEST_KEYRING=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )


def test_a_secure_save_asks_nothing(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    assert run(qtbot, window, "save").saved  # a question would block here

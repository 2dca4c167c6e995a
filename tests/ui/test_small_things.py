"""The small things an admin notices: safe defaults, where a file went, one fingerprint style."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from smtpgui.core.profile.settings import AuthMethod, TrustMode
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.guide import GuideDialog
from tests.helpers.user_input import answer_next_box
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def _menu_action(window, text: str):
    for menu in (a.menu() for a in window.menuBar().actions()):
        for action in menu.actions():
            if action.text() == text:
                return action
    raise AssertionError(text)


def test_enter_on_the_delete_question_keeps_the_settings(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    run(qtbot, window, "save")
    seen = answer_next_box(qtbot)  # Enter
    _menu_action(window, "&Delete saved settings…").trigger()
    assert seen["default"] == QMessageBox.StandardButton.No
    assert SettingsStore().load() is not None


def test_save_support_file_says_where_it_went(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "support.txt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(window.log_panel.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert window.status.title.text() == "Support file saved"
    assert str(target) in window.status.text()


def test_a_pinned_fingerprint_looks_the_same_in_the_field_as_in_the_panel(
    qtbot, window, tls_server, ca_file
):
    fill(window, f"ssl://127.0.0.1:{tls_server.port}", ca_file)
    run(qtbot, window)
    qtbot.mouseClick(window.certificate.pin_button, Qt.MouseButton.LeftButton)
    pinned = window.form.trust.pinned.text()
    assert window.form.trust.current() is TrustMode.PINNED
    assert pinned == pinned.upper() and pinned.count(":") == 31
    assert pinned in window.log.toPlainText()  # the log's certificate line spells it so too


def test_certificate_not_verified_is_never_green(qtbot, window, tls_server, ca_file):
    fill(window, f"ssl://127.0.0.1:{tls_server.port}", ca_file)
    window.form.trust.set_current(TrustMode.INSECURE)
    run(qtbot, window)
    html = window.log.document().toHtml()
    lines = [line for line in html.split("<p") if "NOT verified" in line]
    assert len(lines) == 2
    assert all("#26a269" not in line and "#a51d2d" in line for line in lines)
    assert "#26a269" not in window.certificate.details.text()
    assert "Kept insecure: Certificates are not checked" in window.status.text()  # beside green


def test_every_field_and_form_menu_is_disabled_while_a_test_runs(
    qtbot, window, silent_server, ca_file
):
    fill(window, f"127.0.0.1:{silent_server.port}", ca_file, timeout=60)
    window.form.auth.setCurrentIndex(window.form.auth.findData(AuthMethod.NONE))
    window.test()
    qtbot.waitUntil(lambda: "Connected" in window.log.toPlainText(), timeout=5000)
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    inputs = [w for w in window.form.findChildren(QWidget) if isinstance(w, kinds)]
    assert inputs and not [w for w in inputs if w.isEnabled()]
    for text in ("Fi&nd settings…", "&Import settings…", "&Delete saved settings…"):
        assert not _menu_action(window, text).isEnabled(), text
    run(qtbot, window, "cancel")
    assert _menu_action(window, "&Import settings…").isEnabled()


def test_help_opens_the_guide_and_copies_the_diagnosis(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file, password="wrong")
    run(qtbot, window)
    _menu_action(window, "Copy &diagnosis").trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(window.status.title.text())
    assert "Failed step: login (AUTH)" in copied and "<" not in copied
    _menu_action(window, "Guide: s&ecurity").trigger()
    guide = window.findChild(GuideDialog)
    qtbot.waitUntil(guide.isVisible)
    assert "keyring" in guide.browser.toPlainText()
    assert guide.browser.toPlainText().startswith("Security")
    guide.close()


def test_the_diagnosis_is_in_view_in_a_small_spanish_window(
    qtbot, starttls_server, ca_file, language
):
    from smtpgui.ui.main_window import SettingsWindow

    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    window.resize(window.minimumSizeHint())
    fill(window, starttls_server.server, ca_file, password="wrong")
    window.form.setCurrentSecurity(Security.STARTTLS)
    run(qtbot, window)
    title = window.status.title
    # Qt lays the outcome out on the next turn of the event loop; the window scrolls again then.
    qtbot.waitUntil(
        lambda: title.visibleRegion().boundingRect().height() == title.height(), timeout=2000
    )
    assert not title.visibleRegion().isEmpty()

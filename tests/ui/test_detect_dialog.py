"""Detect from the window: three real servers on loopback, one click applies the suggestion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.endpoint import Security
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.servers import SilentServer, free_port

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, ca_file):
    win = SettingsWindow()
    qtbot.addWidget(win)
    win.show()
    win.form.server.setText("127.0.0.1")
    win.form.server.textEdited.emit("127.0.0.1")
    win.form.ca_file.setText(ca_file)
    win.form.timeout.setValue(2)
    return win


def test_detect_suggests_implicit_tls_and_applies_it(qtbot, window, tls_server, starttls_server):
    dead = free_port()
    window.detect_ports = (
        (tls_server.port, Security.TLS),
        (starttls_server.port, Security.STARTTLS),
        (dead, Security.STARTTLS),
    )
    dialog = window.detect()
    assert dialog is not None
    with qtbot.waitSignal(dialog.detected, timeout=10_000):
        pass
    table = dialog.table
    assert table.rowCount() == 3
    assert table.item(0, 2).text().startswith("reachable")
    assert "PLAIN" in table.item(1, 5).text()  # AUTH offered only after STARTTLS
    assert "before STARTTLS: none" in table.item(1, 5).text()
    assert "refused" in table.item(2, 2).text().lower()
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    form = window.form
    assert form.current_security() is Security.TLS
    assert form.port.value() == tls_server.port
    assert form.auth.currentData() == AuthMethod.PLAIN
    assert form.server.text() == "127.0.0.1"


def test_closing_detect_while_ports_are_silent_is_immediate(qtbot, window):
    silent = [SilentServer() for _ in range(3)]
    try:
        window.detect_ports = tuple((s.port, Security.STARTTLS) for s in silent)
        window.form.timeout.setValue(60)
        dialog = window.detect()
        qtbot.waitUntil(lambda: all(s.accepted for s in silent), timeout=5000)
        assert dialog.is_running()
        dialog.reject()
        assert not dialog.is_running()
    finally:
        for server in silent:
            server.close()


def test_detect_also_asks_the_port_in_the_form(qtbot, window, starttls_server):
    window.detect_ports = ((free_port(), Security.TLS),)  # stands for 465, 587 and 25
    window.form.server.setFocus()
    window.form.server.selectAll()
    qtbot.keyClicks(window.form.server, f"127.0.0.1:{starttls_server.port}")
    dialog = window.detect()
    with qtbot.waitSignal(dialog.detected, timeout=10_000):
        pass
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 0).text().endswith(str(starttls_server.port))
    assert dialog.table.item(1, 2).text().startswith("reachable")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.form.port.value() == starttls_server.port
    assert window.form.current_security() is Security.STARTTLS

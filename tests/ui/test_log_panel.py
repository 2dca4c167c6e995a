"""Steps checklist, find, copy and the support file, after real tests."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from smtpgui.core.smtp.phases import Phase, PhaseState
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from tests.helpers.servers import PASSWORD, USER
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def test_steps_are_checked_off_live(qtbot, window, starttls_server, ca_file):
    fill(window, starttls_server.server, ca_file)
    run(qtbot, window)
    states = window.log_panel.phases.states
    assert states[Phase.TLS] is PhaseState.SKIPPED  # STARTTLS, not implicit TLS
    for phase in (Phase.CONNECT, Phase.GREETING, Phase.STARTTLS, Phase.AUTH, Phase.DATA):
        assert states[phase] is PhaseState.PASSED
    summary = window.log_panel.phases.summary()
    assert "✓ login (AUTH)" in summary and " ms" in summary


def test_a_failed_step_is_marked_and_later_ones_stay_pending(
    qtbot, window, starttls_server, ca_file
):
    fill(window, starttls_server.server, ca_file, password="wrong")
    run(qtbot, window)
    states = window.log_panel.phases.states
    assert states[Phase.AUTH] is PhaseState.FAILED
    assert states[Phase.MAIL] is None and states[Phase.QUIT] is None


def test_find_copy_and_support_file(qtbot, window, starttls_server, ca_file, tmp_path):
    fill(window, starttls_server.server, ca_file, password="wrong")
    run(qtbot, window)
    panel = window.log_panel
    panel.find_field.setText("535")
    assert panel.find_next()
    assert "535" in panel.log.textCursor().selectedText()
    panel.find_field.setText("no such text anywhere")
    assert not panel.find_next()
    panel.copy()
    copied = QGuiApplication.clipboard().text()
    assert "AUTH PLAIN [redacted]" in copied and "wrong" not in copied
    path = tmp_path / "support.txt"
    window.write_support_file(path)
    text = path.read_text(encoding="utf-8")
    for part in (
        "== Settings",
        USER,
        "== Outcome",
        "Failed at auth",
        "== Diagnosis",
        "User name or password refused",
        "== Steps",
        "✗ login (AUTH)",
        "== Transcript",
        "535 5.7.8",
    ):
        assert part in text
    assert PASSWORD not in text and '"wrong"' not in text


def test_the_log_shows_the_end_of_the_conversation_after_a_test(
    qtbot, window, starttls_server, ca_file
):
    # The pane lays its lines out lazily: the view used to stop a few lines down (at 4 of 18).
    fill(window, starttls_server.server, ca_file)
    run(qtbot, window)
    bar = window.log.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()


def test_the_log_stays_where_the_admin_scrolled_and_follows_again_at_the_end(qtbot, window):
    log = window.log

    def add(count: int) -> None:
        for index in range(count):
            log.add_line(TranscriptLine(Direction.SERVER, f"250-line {index}", index))
        log.flush()
        QApplication.processEvents()

    add(200)
    bar = log.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    bar.setValue(0)  # the admin reads the start
    add(50)
    assert bar.value() == 0
    bar.setValue(bar.maximum())  # and goes back to the end
    add(50)
    assert bar.value() == bar.maximum()

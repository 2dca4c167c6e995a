"""High DPI and dark mode: every text reads on its own background."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.ui.main_window import SettingsWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (4.5 is the minimum for body text)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def dark(qapp):
    previous = qapp.palette()
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2d2d2d"),
        (QPalette.ColorRole.WindowText, "#eeeeec"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeec"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#eeeeec"),
    ):
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(previous)


def _colours(html: str) -> list[QColor]:
    return [QColor(c) for c in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", html)]


@pytest.mark.parametrize("kind", ["idle", "busy", "ok", "error"])
def test_the_status_box_reads_on_a_dark_palette(qtbot, dark, kind):
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    window.status.show_message(kind, "Title", "Body")
    window.status.add_paragraph("A tip")
    window.status.add_paragraph("A warning", "warning")
    background = QColor(re.search(r"background: (#\w+)", window.status.styleSheet())[1])
    title = window.status.title.palette().color(QPalette.ColorRole.WindowText)
    assert contrast(title, background) >= 4.5
    for colour in _colours(window.status.body.text()):
        assert contrast(colour, background) >= 4.5, colour.name()


def test_every_log_line_reads_on_a_dark_palette(qtbot, dark):
    window = SettingsWindow()
    qtbot.addWidget(window)
    for direction in Direction:
        window.log.add_line(TranscriptLine(direction, f"a {direction} line", 1))
    window.log.flush()  # lines are written when the event loop comes back, or now
    base = window.log.palette().color(QPalette.ColorRole.Base)
    shades = _colours(window.log.document().toHtml())
    assert len(shades) >= len(Direction)
    assert all(contrast(c, base) >= 4.5 for c in shades), [c.name() for c in shades]


def test_the_notices_read_on_a_dark_palette(qtbot, dark):
    window = SettingsWindow()
    qtbot.addWidget(window)
    form = window.form
    notice = form.login_notice.styleSheet()
    background = QColor(re.search(r"background: (#\w+)", notice)[1])
    assert contrast(_colours(notice)[-1], background) >= 4.5
    hint = _colours(form.provider.hint.styleSheet())[0]
    assert contrast(hint, dark.color(QPalette.ColorRole.Window)) >= 4.5


def test_the_window_renders_at_scale_two(tmp_path):
    """QT_SCALE_FACTOR must be set before Qt starts: a process of its own."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from smtpgui.ui.main_window import SettingsWindow\n"
        "app = QApplication([])\n"
        "w = SettingsWindow(); w.show(); app.processEvents()\n"
        "shot = w.grab()\n"
        "fields = w.form.parentWidget(); viewport = fields.parentWidget()\n"
        "fits = fields.minimumSizeHint().width() <= viewport.width()\n"
        "print(shot.devicePixelRatio(), shot.width() // w.width(), fits)\n"
        "w.close()\n"
    )
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    env["SMTPGUI_CONFIG_DIR"] = str(tmp_path)
    env["PYTHON_KEYRING_BACKEND"] = "tests.helpers.file_keyring.FileKeyring"
    env["SMTPGUI_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.stdout.split() == ["2.0", "2", "True"], out.stderr

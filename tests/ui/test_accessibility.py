"""Accessible to a screen reader: names from the labels, announced changes, not colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from smtpgui.core.profile.settings import AuthMethod, TrustMode
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def _walk(interface, seen: list) -> None:
    """The accessible tree as a screen reader walks it (children of children)."""
    seen.append(interface)
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            _walk(child, seen)


def _nameless_focus_stops(window: SettingsWindow) -> list[str]:
    found: list = []
    _walk(QAccessible.queryAccessibleInterface(window), found)
    reached = {id(i.object()) for i in found}
    missing = []
    for widget in window.findChildren(QWidget):
        tab_stop = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if not (tab_stop and widget.isVisible() and widget.focusProxy() is None):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip() or id(widget) not in reached:
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


@pytest.mark.parametrize(
    ("auth", "trust"),
    [
        (AuthMethod.AUTO, TrustMode.CA_FILE),
        (AuthMethod.OAUTH2, TrustMode.PINNED),
    ],
)
def test_every_focusable_control_has_an_accessible_name(qtbot, language, auth, trust):
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()
    window.form.auth.setCurrentIndex(window.form.auth.findData(auth))
    window.form.trust.set_current(trust)
    window.form.provider.select("microsoft365")  # the region combo shows
    assert _nameless_focus_stops(window) == []


def test_a_field_error_is_the_fields_description(qtbot, window):
    window.form.recipient.setFocus()
    qtbot.keyClicks(window.form.recipient, "not an address")
    interface = QAccessible.queryAccessibleInterface(window.form.recipient)
    assert interface.text(QAccessible.Text.Name) == "Test recipient"
    assert interface.text(QAccessible.Text.Description) == window.form._errors["recipient"].text()
    assert interface.text(QAccessible.Text.Description)


@pytest.fixture
def announced(monkeypatch) -> list[tuple[object, QAccessible.Event]]:
    """The accessibility events the window raises (Qt's bridge passes them to AT-SPI)."""
    events = []
    original = QAccessible.updateAccessibility

    def record(event) -> None:
        events.append((event.object(), event.type()))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return events


def test_the_steps_and_the_outcome_are_announced_in_words(
    qtbot, window, starttls_server, ca_file, announced
):
    fill(window, starttls_server.server, ca_file, password="wrong")
    run(qtbot, window)
    names = [o.accessibleName() for o, kind in announced if kind == QAccessible.Event.NameChanged]
    assert "connecting, passed" in [n.rsplit(",", 1)[0] for n in names]
    assert any(n.startswith("login (AUTH), failed") for n in names)
    alerts = [o for o, kind in announced if kind == QAccessible.Event.Alert]
    assert alerts == [window.status]
    status = QAccessible.queryAccessibleInterface(window.status)
    assert status.text(QAccessible.Text.Name) == window.status.title.text()
    assert "Failed step: login (AUTH)" in status.text(QAccessible.Text.Description)

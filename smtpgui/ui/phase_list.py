"""The probe's steps as the admin reads them: their names (phase_label), and PhaseList, the
checklist beside the log, updated live from the worker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP
from smtpgui.ui.colours import colour
from smtpgui.ui.qt_enums import set_enum

_LABELS = {
    Phase.DNS: QT_TRANSLATE_NOOP("Phase", "finding the server (DNS)"),
    Phase.CONNECT: QT_TRANSLATE_NOOP("Phase", "connecting"),
    Phase.TLS: QT_TRANSLATE_NOOP("Phase", "TLS handshake"),
    Phase.GREETING: QT_TRANSLATE_NOOP("Phase", "server greeting"),
    Phase.EHLO: QT_TRANSLATE_NOOP("Phase", "EHLO"),
    Phase.STARTTLS: QT_TRANSLATE_NOOP("Phase", "STARTTLS"),
    Phase.EHLO_TLS: QT_TRANSLATE_NOOP("Phase", "EHLO after STARTTLS"),
    Phase.AUTH: QT_TRANSLATE_NOOP("Phase", "login (AUTH)"),
    Phase.MAIL: QT_TRANSLATE_NOOP("Phase", "sender (MAIL FROM)"),
    Phase.RCPT: QT_TRANSLATE_NOOP("Phase", "recipient (RCPT TO)"),
    Phase.DATA: QT_TRANSLATE_NOOP("Phase", "message (DATA)"),
    Phase.QUIT: QT_TRANSLATE_NOOP("Phase", "QUIT"),
}


def phase_label(phase: Phase) -> str:
    return QCoreApplication.translate("Phase", _LABELS[phase])


# (glyph, colour) per state; None = pending. DejaVu Sans has all of these glyphs.
_LOOK: dict[PhaseState | None, tuple[str, str]] = {  # colours: smtpgui.ui.colours names
    None: ("○", "faint"),
    PhaseState.RUNNING: ("◔", "blue"),
    PhaseState.PASSED: ("✓", "green"),
    PhaseState.FAILED: ("✗", "error"),
    PhaseState.SKIPPED: ("–", "faint"),
    PhaseState.UNCERTAIN: ("?", "amber"),  # sent, never confirmed: maybe delivered
}
_ORDER = list(Phase)
# What a screen reader says for each state: the glyph's colour is not the only signal.
_SAID: dict[PhaseState | None, str] = {
    None: QT_TRANSLATE_NOOP("PhaseList", "not run"),
    PhaseState.RUNNING: QT_TRANSLATE_NOOP("PhaseList", "running"),
    PhaseState.PASSED: QT_TRANSLATE_NOOP("PhaseList", "passed"),
    PhaseState.FAILED: QT_TRANSLATE_NOOP("PhaseList", "failed"),
    PhaseState.SKIPPED: QT_TRANSLATE_NOOP("PhaseList", "skipped"),
    PhaseState.UNCERTAIN: QT_TRANSLATE_NOOP("PhaseList", "sent, not confirmed"),
}


class PhaseList(QFrame):
    """One row per Phase: state glyph, name, and the time it took once it passed or failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseList")
        self.setAccessibleName(self.tr("Test steps"))
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setVerticalSpacing(4)
        title = QLabel(self.tr("Steps"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        grid.addWidget(title, 0, 0, 1, 3)
        self._rows: dict[Phase, tuple[QLabel, QLabel, QLabel]] = {}
        for row, phase in enumerate(_ORDER, start=1):
            glyph, name, took = QLabel(), QLabel(phase_label(phase)), QLabel()
            glyph.setFont(font)  # bold
            set_enum(glyph, "alignment", "AlignCenter")
            set_enum(took, "alignment", "AlignRight|AlignVCenter")
            for column, label in enumerate((glyph, name, took)):
                grid.addWidget(label, row, column)
            self._rows[phase] = (glyph, name, took)
        grid.setRowStretch(len(_ORDER) + 1, 1)
        grid.setColumnStretch(1, 1)
        self.states: dict[Phase, PhaseState | None] = {}
        self._took: dict[Phase, str] = {}
        self.reset()

    def reset(self) -> None:
        for phase in _ORDER:
            self._show(phase, None, "")

    def apply(self, change: PhaseChange) -> None:
        if change.state is PhaseState.RUNNING:
            # A phase starting again means a new server (a backup host): later steps start over.
            for later in _ORDER[_ORDER.index(change.phase) + 1 :]:
                self._show(later, None, "")
        took = "" if change.duration_ms is None else self.tr("%d ms") % change.duration_ms
        self._show(change.phase, change.state, took)

    def summary(self) -> str:
        """The checklist as text lines (for the support file)."""
        lines = []
        for phase in _ORDER:
            glyph, name, took = self._rows[phase]
            lines.append(f"{glyph.text()} {name.text()} {took.text()}".rstrip())
        return "\n".join(lines)

    def _show(self, phase: Phase, state: PhaseState | None, took: str) -> None:
        if phase in self.states and self.states[phase] == state and self._took[phase] == took:
            return  # already shown: a test starting resets a dozen rows that are blank anyway
        glyph_text, shade = _LOOK[state]
        glyph, name, time_label = self._rows[phase]
        glyph.setText(glyph_text)
        # Palettes, not style sheets: a style sheet re-polishes the label, and a test sets
        # these some eighty times (the event loop stalled for it).
        _set_text_colour(glyph, colour(shade))
        grey = state in (None, PhaseState.SKIPPED)
        _set_text_colour(name, colour("faint") if grey else None)
        time_label.setText(took)
        self.states[phase] = state
        self._took[phase] = took
        said = QCoreApplication.translate("PhaseList", _SAID[state])
        name.setAccessibleName(", ".join(part for part in (name.text(), said, took) if part))
        if state is not None:  # announced as it changes (a reset to "not run" is not news)
            _announce(name)


def _announce(label: QLabel) -> None:
    # Imported here: a step changes only in a test, and the first paint does without
    # QAccessible's enums (issue 20).
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(label, QAccessible.Event.NameChanged))


def _set_text_colour(label: QLabel, colour: str | None) -> None:
    parent = label.parentWidget()
    # palette() gives a copy; QPalette(palette) and QColor(str) would build `Qt` to weigh their
    # Qt.GlobalColor overloads (issue 20: see smtpgui.ui.qt_enums).
    palette = parent.palette() if parent is not None else QPalette()
    if colour is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor.fromString(colour))
    label.setPalette(palette)

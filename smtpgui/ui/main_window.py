"""SettingsWindow: the form, Test / Save / Cancel, the status and the live log. No SMTP code."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.phases import PhaseChange, PhaseState
from smtpgui.core.smtp.transcript import TranscriptLine
from smtpgui.core.text.i18n import shown
from smtpgui.resources import resource
from smtpgui.ui.certificate_panel import CertificatePanel
from smtpgui.ui.deliverability_panel import DeliverabilityPanel
from smtpgui.ui.form import SettingsForm
from smtpgui.ui.log_panel import LogPanel
from smtpgui.ui.menus import FileMenu, HelpMenu
from smtpgui.ui.phase_list import phase_label
from smtpgui.ui.qt_enums import set_enum
from smtpgui.ui.saved_settings import SavedSettings
from smtpgui.ui.sign_in import SignIn
from smtpgui.ui.status import StatusPanel
from smtpgui.ui.widgets.fitting_scroll import FittingScrollArea

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent

    from smtpgui.core.diagnosis.diagnose import Diagnosis
    from smtpgui.core.jobs import Outcome
    from smtpgui.ui.detect_dialog import DetectDialog
    from smtpgui.ui.worker import WorkerThread

# Testing, Detect, the support file and deleting load their modules (smtplib, ssl, email, the
# diagnosis catalogue) when first used: the first paint does not wait for them.


class SettingsWindow(QMainWindow):
    """The outgoing mail server settings window.

    It is composed of parts that each get what they need when built: the form, the status,
    the log panel, the certificate and deliverability panels, the saved settings (`saved`),
    the OAuth2 sign-in (`signing`) and the menus (`files`, `help`).

    Signals:
        outcome_ready(Outcome): a Test or Save ended (passed, failed or cancelled).
        password_state_known(bool): the background keyring check found (or not) a password.
    """

    outcome_ready = Signal(object)
    # None: Detect asks 465, 587 and 25 (DETECT_PORTS); tests point it at loopback ports.
    detect_ports: tuple[tuple[int, Security], ...] | None = None
    password_state_known = Signal(bool)

    def __init__(
        self, store: SettingsStore | None = None, secrets: SecretStore | None = None, note: str = ""
    ) -> None:
        super().__init__()
        self._store = store or SettingsStore()
        self._secrets = secrets or SecretStore()
        self._run: WorkerThread | None = None
        self._closed = False  # closed: no new Test or Save (a queued click, a late Enter)
        self._closing_after_run = False
        self._saving = False
        self._last_settings: Settings | None = None
        self._last_outcome: Outcome | None = None
        self._last_diagnosis: Diagnosis | None = None
        self._note = note
        self._result_inputs: tuple[object, ...] | None = None  # the form a shown result is for
        self._asked_to_fix = False  # "Some fields need attention" is on screen
        self._focus_before: QWidget | None = None
        self._painted = False
        self.setWindowTitle(self.tr("Outgoing mail server (SMTP) – smtpgui"))
        icon = resource("icons", "smtpgui.svg")
        if icon:
            self.setWindowIcon(QIcon(str(icon)))
        self._build()
        self._compose()
        self.saved.load(note)
        self._update_buttons()
        # The first thing typed is the server: the focus starts there, not on a list that the
        # mouse wheel would then turn.
        self.form.server.setFocus()  # Qt's default reason: OtherFocusReason

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = SettingsForm()
        self.status = StatusPanel()
        self.certificate = CertificatePanel()
        self.deliverability = DeliverabilityPanel()
        self.log_panel = LogPanel()
        self.log = self.log_panel.log
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.setToolTip(self.tr("Send a test message (Enter)"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Test, and keep the settings only if the test passes"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running test (Esc)"))
        self.test_button.setDefault(True)
        self.cancel_button.setEnabled(False)
        left = self._lay_out()
        self._connect(left)

    def _lay_out(self) -> QWidget:
        """The form, the status and the buttons left; the log and the certificate right."""
        fields = QWidget()
        fields_column = QVBoxLayout(fields)
        fields_column.setContentsMargins(0, 0, 0, 0)
        fields_column.addWidget(self.form)
        fields_column.addWidget(self.status)
        fields_column.addWidget(self.deliverability)
        fields_column.addStretch(1)
        scroll = FittingScrollArea(fields)  # a small screen scrolls the form, never squashes it
        self._scroll = scroll
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.test_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addWidget(self.log_panel, 1)
        right_column.addWidget(self.certificate)
        splitter = QSplitter()  # horizontal, Qt's default
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.resize(1280, 720)
        splitter.setSizes([540, 740])
        return left

    def _connect(self, left: QWidget) -> None:
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.form.changed.connect(self._update_buttons)
        self.form.changed.connect(self._on_form_changed)
        self.form.submitted.connect(self.test)
        self.form.detect_requested.connect(self.detect)
        self.form.oauth.sign_in_requested.connect(self.sign_in)
        self.certificate.pin_requested.connect(self.form.trust.pin)
        # Enter runs Test from the form side only: on the log side it belongs to Find.
        for keys in ("Return", "Enter"):
            enter = QShortcut(QKeySequence(keys), left, self.test)
            set_enum(enter, "context", "WidgetWithChildrenShortcut")
        QShortcut(QKeySequence("Esc"), self, self.cancel)
        self._set_tab_order()
        self.log_panel.save_requested.connect(self.save_support_file)

    def _compose(self) -> None:
        """The parts beside the widgets: each gets what it needs; the window wires them."""
        self.saved: SavedSettings = SavedSettings(
            self._store, self._secrets, self.form, self.status, self.log, parent=self
        )
        self.signing: SignIn = SignIn(self.form, self.status, self._secrets, parent=self)
        self.files: FileMenu = FileMenu(
            self, self.form, self.status, self.saved, busy=self.is_running
        )
        self.help: HelpMenu = HelpMenu(self, self.status)
        self.saved.secrets_checked.connect(self.password_state_known)
        self.saved.deleted.connect(self._on_parts_changed)
        self.signing.ended.connect(self._on_parts_changed)
        self.files.support_action.triggered.connect(self.save_support_file)

    def _set_tab_order(self) -> None:
        """The form top to bottom, the diagnosis' links, Test, Save, Cancel, then the log side."""
        panel = self.log_panel
        chain = [*self.form.tab_chain(), self.status.body]
        chain += [self.test_button, self.save_button, self.cancel_button]
        chain += [panel.find_field, panel.copy_button, panel.save_button, self.log]
        chain.append(self.certificate.pin_button)
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    # -- running a test -------------------------------------------------------------------------

    @Slot()
    def test(self) -> None:
        self._start(save=False)

    @Slot()
    def save(self) -> None:
        settings = self.form.settings()
        if settings is not None and not self._weakening_confirmed(settings):
            return
        self._start(save=True)

    def _weakening_confirmed(self, settings: Settings) -> bool:
        """Weaker security is saved only on a clear yes (Enter means Cancel)."""
        from smtpgui.core.profile.insecure import weakened

        found = weakened(settings)
        if not found or self.is_running() or self._closed:
            return True
        said = "\n\n".join(shown(text, QCoreApplication.translate) for text in found)
        from PySide6.QtWidgets import QMessageBox  # on a click: the first paint does without

        answer = QMessageBox.warning(
            self,
            self.tr("Save insecure settings?"),
            self.tr("These settings turn protection off:\n\n%s\n\nSave them anyway?") % said,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _start(self, save: bool) -> None:
        if self.is_running() or self._closed:
            return
        settings = self.form.settings()
        if settings is None:
            self.ask_to_fix()
            return
        from smtpgui.core.jobs import Job
        from smtpgui.ui.worker import ProbeWorker, WorkerThread

        job = Job(
            settings=settings,
            password=self.form.typed_password(),
            save=save,
            subject=self.tr("smtpgui test message"),
            body=self.tr(
                "This is a test message from smtpgui. If you can read it, the "
                "outgoing mail server settings work."
            ),
            tokens=self.form.oauth.tokens if settings.auth is AuthMethod.OAUTH2 else None,
            client_secret=(
                self.form.oauth.typed_client_secret()
                if settings.auth is AuthMethod.OAUTH2
                else None
            ),
            arrival=self.form.arrival.check(),
        )
        self._saving = save
        self._result_inputs = None
        self._focus_before = QApplication.focusWidget()
        self.log_panel.clear()
        self.certificate.clear()  # the last server's certificate is not this test's
        self.deliverability.hide()
        self._last_settings = settings
        worker = ProbeWorker(job, self._store, self._secrets)
        worker.line_logged.connect(self._on_line)
        worker.phase_changed.connect(self._on_phase)
        self._run = WorkerThread(worker, "smtpgui-probe", parent=self)
        self._run.finished.connect(self._on_finished)
        self.status.show_message("busy", self.tr("Testing…"), str(settings.endpoints[0]))
        self._run.start()
        self._update_buttons()

    @Slot()
    def detect(self) -> DetectDialog | None:
        host = self.form.detect_host()
        if host is None or self.is_running():
            return None
        from PySide6.QtCore import Qt  # not before the first paint: see smtpgui.ui.qt_enums

        from smtpgui.ui.detect_dialog import DetectDialog

        dialog = DetectDialog(
            host,
            self.form.ca_file.text().strip(),
            float(self.form.timeout.value()),
            self._ports_to_detect(),
            parent=self,
        )
        # A bound slot, not a lambda holding the window: Qt drops the connection with the form.
        dialog.applied.connect(self.form.apply_suggestion)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.start()
        dialog.open()
        return dialog

    def _ports_to_detect(self) -> tuple[tuple[int, Security], ...]:
        """465, 587 and 25, and the form's port when it is another (2525, a demo's port)."""
        # Loaded with the first Detect, like the dialog: the first paint does without it.
        from smtpgui.core.discovery.detect import DETECT_PORTS

        ports = self.detect_ports or DETECT_PORTS
        typed = self.form.port.value()
        if typed in {port for port, _security in DETECT_PORTS}:
            return ports
        security = self.form.current_security()
        # STARTTLS asked of a server without it reports the plain conversation (NONE).
        asked = Security.STARTTLS if security is Security.NONE else security
        return (*ports, (typed, asked))

    @Slot(bool)
    def sign_in(self, device: bool = False) -> bool:
        """Start an OAuth2 sign-in with the form's fields; False when it cannot start."""
        if self.is_running() or self._closed:
            return False
        if not self.signing.start(device):
            self.ask_to_fix()
            return False
        self._update_buttons()
        return True

    @Slot()
    def cancel(self) -> None:
        self.signing.cancel()
        if self._run is not None:
            self.status.show_message("busy", self.tr("Cancelling…"))
            self._run.cancel()

    def is_running(self) -> bool:
        return self._run is not None or self.signing.active()

    @Slot(object)
    def _on_line(self, line: TranscriptLine) -> None:
        self.log.add_line(line)

    @Slot(object)
    def _on_phase(self, change: PhaseChange) -> None:
        self.log_panel.phases.apply(change)
        if change.state is PhaseState.RUNNING and self._run is not None:
            self.status.show_message("busy", self.tr("Testing: %s…") % phase_label(change.phase))

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        self.log.flush()  # the whole conversation is on screen with its outcome
        run, self._run = self._run, None
        if run is not None:
            run.deleteLater()
        self._last_outcome = outcome
        if self._last_settings is not None:
            self.certificate.show_result(outcome.result, self._last_settings.trust)
        self.deliverability.show_outcome(outcome)
        self._last_diagnosis = self.status.show_outcome(
            outcome,
            saving=self._saving,
            store_path=str(self._store.path),
            recipient=self.form.recipient.text(),
        )
        if self._last_settings is not None and not outcome.result.cancelled:
            self._suggest_login(self._last_settings)
        if outcome.saved and self._last_settings is not None:
            self.saved.saved(self._last_settings)  # what the job saved, not the form now
        if outcome.result.ok:  # a pass is green: what it did not check is said beside it
            self._say_what_is_insecure()
        self._update_buttons()
        self._title_in_view()  # a small window: scroll to it
        # The outcome changed the layout (a longer status, the panels just shown), which Qt
        # applies on the next turn of the event loop: the title may move, so once more then.
        QTimer.singleShot(0, self, self._title_in_view)
        if not outcome.result.cancelled:
            self._result_inputs = self._form_inputs()
        self._restore_focus()
        self.outcome_ready.emit(outcome)

    @Slot()
    def _title_in_view(self) -> None:
        self._scroll.ensureWidgetVisible(self.status.title)

    def _suggest_login(self, settings: Settings) -> None:
        """Under the outcome: a password where the provider wants OAuth2 or an app password."""
        from smtpgui.core.providers.hints import login_notice  # loaded by the test that just ran

        notice = login_notice(settings)
        if notice is not None:
            text = shown(notice, QCoreApplication.translate)
            self.status.add_suggestion(self.tr("Suggestion: %s") % text)

    def _say_what_is_insecure(self) -> None:
        from smtpgui.core.profile.insecure import weakened

        if self._last_settings is None:
            return
        for text in weakened(self._last_settings):
            said = shown(text, QCoreApplication.translate)
            self.status.add_warning(self.tr("Kept insecure: %s") % said)

    def _restore_focus(self) -> None:
        """The fields were disabled during the run: the focus goes back where it was (Test)."""
        widget, self._focus_before = self._focus_before, None
        if widget is not None and widget.isEnabled() and widget.isVisible():
            widget.setFocus()  # Qt's default reason: OtherFocusReason

    def ask_to_fix(self) -> None:
        self.form.show_all_errors()
        self.status.show_message(
            "error",
            self.tr("Some fields need attention"),
            self.tr("The messages under the fields say what to fix."),
        )
        self._asked_to_fix = True

    def _form_inputs(self) -> tuple[object, ...]:
        oauth = self.form.oauth
        return (self.form.settings(), self.form.password.text(), oauth.tokens, oauth.values())

    @Slot(bool)
    def _on_form_changed(self, valid: bool) -> None:
        """Nothing stale on screen: a result is for the values it was made with."""
        if self.is_running():
            return
        if self._asked_to_fix and valid:
            self._asked_to_fix = False
            self.saved.show_idle(self._note)
        elif self._result_inputs is not None and self._form_inputs() != self._result_inputs:
            self._result_inputs = None
            self.certificate.clear()
            self.status.show_message(
                "idle",
                self.tr("Changed since the last test"),
                self.tr("The last result was for the previous values. Press Test to check these."),
            )

    @Slot(bool)
    def _update_buttons(self, valid: bool | None = None) -> None:
        running = self.is_running()
        if valid is None:
            valid = self.form.valid
        self.test_button.setEnabled(valid and not running)
        self.save_button.setEnabled(valid and not running)
        self.cancel_button.setEnabled(running)
        self.form.setEnabled(not running)
        for action in self.files.form_actions:  # Find settings, Import: they fill the form
            action.setEnabled(not running)
        self.files.delete_action.setEnabled(not running and self.saved.settings is not None)
        self._say_why_not(valid or running)

    def _say_why_not(self, can_test: bool) -> None:
        """A greyed-out Test says why: in its tooltip and in the status line."""
        reason = ""
        if not can_test:
            errors = self.form.errors()
            reason = next(iter(errors.values()), "")
            reason = self.tr("Test needs this first: %s") % shown(
                reason, QCoreApplication.translate
            )
        self.test_button.setToolTip(reason or self.tr("Send a test message (Enter)"))
        self.statusBar().showMessage(reason)

    @Slot()
    def _on_parts_changed(self) -> None:
        """A sign-in ended, or the saved settings went: the buttons and menus follow."""
        self._update_buttons()

    # -- the support file -----------------------------------------------------------------------

    @Slot()
    def save_support_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # on a click: the first paint does without

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save support file"),
            "smtpgui-support.txt",
            self.tr("Text files (*.txt)"),
        )
        if name:
            self.write_support_file(Path(name))
            self.status.show_message(
                "idle",
                self.tr("Support file saved"),
                self.tr(
                    "%s holds the settings (never the password), the steps, the diagnosis and the "
                    "log. Send it to whoever helps you."
                )
                % name,
            )

    def write_support_file(self, path: Path) -> None:
        """The settings, the result, the steps, the diagnosis and the log of the last test."""
        from smtpgui.core.report import support_report

        outcome = self._last_outcome
        text = support_report(
            settings=self._last_settings or self.form.settings(),
            result=outcome.result if outcome else None,
            diagnosis=self._last_diagnosis,
            steps=self.log_panel.phases.summary(),
            transcript=self.log.lines(),
            deliverability=outcome.deliverability if outcome else None,
            arrival=outcome.arrival_finding if outcome else None,
        )
        path.write_text(text, encoding="utf-8")

    # -- closing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    @Slot()
    def _after_first_paint(self) -> None:
        """On screen: what the first paint did not wait for starts now (issue 20).

        The keyring check, and what a Test's click loads on this thread (the job runner,
        QAccessible for its announcements): loaded while the admin reads the window, they
        make neither the first paint nor the first Test wait.
        """
        self.saved.check_secrets()
        from PySide6.QtGui import QAccessible  # noqa: F401 (its type and enums: see above)

        import smtpgui.core.jobs  # noqa: F401 (loaded for the first Test: see above)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.signing.stop()
        run = self._run
        if run is not None and not self._closing_after_run:
            # Cancel shuts the socket: the worker ends at once, and a cancelled run saves nothing.
            if run.stop():
                self._run = None
            else:
                # Past its test, the run is saving, and a keyring may wait for the user (an
                # unlock prompt): destroying its thread now would abort the whole process.
                # The window closes when the save is over.
                self._closing_after_run = True
                run.finished.connect(self._close_after_run)
        if self._run is not None:
            event.ignore()
            return
        super().closeEvent(event)

    @Slot(object)
    def _close_after_run(self, _outcome: object) -> None:
        self._run, self._closing_after_run = None, False
        self.close()

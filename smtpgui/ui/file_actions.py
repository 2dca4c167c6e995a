"""The window's File and Help menus: profiles, the support file, deleting, About.

A mixin of SettingsWindow, kept apart so the window's module is about running tests. Texts use
the "SettingsWindow" translation context explicitly: a mixin's own `self.tr()` context would be
ambiguous.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from smtpgui import __version__
from smtpgui.core.profile.file import ProfileError, export_profile, read_profile_bytes
from smtpgui.ui.background import call_in_background
from smtpgui.ui.messages import error_text

if TYPE_CHECKING:
    from smtpgui.core.discovery.findings import DiscoverOptions
    from smtpgui.ui.discover_dialog import DiscoverDialog


class FileActions:
    """What the File and Help menus do; `self` is the SettingsWindow."""

    discover_options: DiscoverOptions | None = None  # tests point DNS and guesses at loopback

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(QCoreApplication.translate("SettingsWindow", "&File"))
        find_action = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "Fi&nd settings…"), self.find_settings
        )
        self.form.find_requested.connect(self.find_settings)
        self.form.provider.find_button.show()
        menu.addSeparator()
        import_action = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Import settings…"), self._choose_import
        )
        menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Export settings…"), self._choose_export
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("SettingsWindow", "Save support &file…"),
            self._save_support_file,
        )
        self.delete_action = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Delete saved settings…"),
            self._confirm_delete,
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Quit"),
            QKeySequence.StandardKey.Quit,
            self.close,
        )
        # Changing the form while a test runs: not from the menu either.
        self.form_actions = [find_action, import_action]
        self._build_help_menu()

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("SettingsWindow", "&Help"))
        self._add_guide(help_menu)
        self.copy_diagnosis_action = help_menu.addAction(
            QCoreApplication.translate("SettingsWindow", "Copy &diagnosis"), self.copy_diagnosis
        )
        help_menu.addSeparator()
        help_menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&About smtpgui"), self._about
        )

    def _add_guide(self, menu: QMenu) -> None:
        from smtpgui.ui.guide import SECTIONS, section

        for text, heading in SECTIONS:
            if section(heading):  # a build without the README has no guide to show
                action = menu.addAction(QCoreApplication.translate("Guide", text))
                action.triggered.connect(lambda _=False, h=heading: self.show_guide(h))
        menu.addSeparator()

    def show_guide(self, heading: str) -> QDialog:
        from smtpgui.ui.guide import GuideDialog

        dialog = GuideDialog(heading, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def copy_diagnosis(self) -> None:
        """What the status box says (the diagnosis after a failure), as plain text."""
        QGuiApplication.clipboard().setText(self.status.plain_text())

    def find_settings(self) -> DiscoverDialog | None:
        """Open Find settings for the address in the form; nothing is applied without a click."""
        if self.is_running():
            return None
        from smtpgui.core.discovery.findings import DiscoverOptions
        from smtpgui.ui.discover_dialog import DiscoverDialog

        options = dataclasses.replace(
            self.discover_options or DiscoverOptions(),
            timeout=float(self.form.timeout.value()),
            ca_file=self.form.ca_file.text().strip(),
        )
        address = next(
            (t for t in (self.form.username.text(), self.form.recipient.text()) if "@" in t), ""
        )
        dialog = DiscoverDialog(address.strip(), options, parent=self)
        dialog.applied.connect(self.form.apply_finding)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if address:
            dialog.start()
        return dialog

    # -- profiles (the same files as `smtpgui export` / `smtpgui import`) -----------------------

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SettingsWindow", "Import settings"),
            "",
            QCoreApplication.translate(
                "SettingsWindow", "smtpgui profiles (*.json);;All files (*)"
            ),
        )
        if name:
            self.import_profile(Path(name))

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SettingsWindow", "Export settings"),
            "smtpgui-profile.json",
            QCoreApplication.translate("SettingsWindow", "smtpgui profiles (*.json)"),
        )
        if name:
            self.export_profile(Path(name))

    def import_profile(self, path: Path) -> bool:
        """Fill the form from a profile; nothing is saved until a test passes (Save)."""
        try:
            with path.open("rb") as stream:  # read no more than a profile's cap
                settings = read_profile_bytes(stream)
        except (OSError, ProfileError) as exc:
            self.status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "The profile cannot be imported"),
                str(exc),
            )
            return False
        self.form.load(settings)  # a stored password stays only if it is bound to these settings
        self.status.show_message(
            "idle",
            QCoreApplication.translate("SettingsWindow", "Profile imported"),
            QCoreApplication.translate(
                "SettingsWindow",
                "Nothing is saved yet. Type the password, then press Save: the settings are kept "
                "only if the test passes.",
            ),
        )
        return True

    def export_profile(self, path: Path) -> bool:
        """Write the form's settings (or the saved ones) to a profile, never the password."""
        settings = self.form.settings() or self._saved
        if settings is None:
            self.status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "Nothing to export"),
                QCoreApplication.translate(
                    "SettingsWindow", "Fill in the form (or save settings) first."
                ),
            )
            return False
        try:
            path.write_text(export_profile(settings), encoding="utf-8")
        except OSError as exc:
            self.status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "The profile cannot be written"),
                str(exc),
            )
            return False
        self.status.show_message(
            "idle",
            QCoreApplication.translate("SettingsWindow", "Settings exported"),
            QCoreApplication.translate(
                "SettingsWindow",
                "%s holds the settings without the password. On another computer: File → Import "
                "settings, type the password, Save.",
            )
            % path,
        )
        return True

    def _about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("SettingsWindow", "About smtpgui"),
            QCoreApplication.translate(
                "SettingsWindow",
                "<b>smtpgui %s</b><p>Sets up, tests and safely stores the outgoing mail (SMTP) "
                "server your office software sends through.</p>",
            )
            % __version__,
        )

    # -- support file and deleting ---------------------------------------------------------

    def _save_support_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SettingsWindow", "Save support file"),
            "smtpgui-support.txt",
            QCoreApplication.translate("SettingsWindow", "Text files (*.txt)"),
        )
        if name:
            self.write_support_file(Path(name))
            self.status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "Support file saved"),
                QCoreApplication.translate(
                    "SettingsWindow",
                    "%s holds the settings (never the password), the steps, the diagnosis and the "
                    "log. Send it to whoever helps you.",
                )
                % name,
            )

    def write_support_file(self, path: Path) -> None:
        from smtpgui.core.report import support_report

        outcome = self._last_outcome
        text = support_report(
            settings=self._last_settings or self.form.settings(),
            result=outcome.result if outcome else None,
            diagnosis=self._last_diagnosis,
            steps=self.log_panel.phases.summary(),
            transcript=self.log.lines(),
            deliverability=outcome.deliverability if outcome else None,
        )
        path.write_text(text, encoding="utf-8")

    def _confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("SettingsWindow", "Delete saved settings"),
            QCoreApplication.translate(
                "SettingsWindow",
                "Delete the saved outgoing mail server settings and the stored password? Programs "
                "that send mail with them will stop sending.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter keeps the settings
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_saved()

    def delete_saved(self) -> None:
        from smtpgui.core.jobs import delete_profile

        account = self._saved.account if self._saved else None
        call_in_background(
            self, lambda: delete_profile(self._store, self._secrets, account), self._on_deleted
        )

    def _on_deleted(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self.status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "Could not delete everything"),
                error_text(error),
            )
            return
        self._saved = None
        self.form.set_password_stored(None)
        self.delete_action.setEnabled(False)
        self.status.show_message(
            "idle",
            QCoreApplication.translate("SettingsWindow", "Saved settings deleted"),
            QCoreApplication.translate(
                "SettingsWindow",
                "The settings file and the stored password are gone. The form keeps what you "
                "typed until you close the window.",
            ),
        )

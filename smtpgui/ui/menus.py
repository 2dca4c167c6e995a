"""The window's menus: File (finding settings, profiles, the support file, deleting) and Help.

Their texts are the window's: they use the "SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from smtpgui import __version__
from smtpgui.core.profile.file import ProfileError, export_profile, read_profile_bytes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from smtpgui.core.discovery.findings import DiscoverOptions
    from smtpgui.ui.discover_dialog import DiscoverDialog
    from smtpgui.ui.form import SettingsForm
    from smtpgui.ui.saved_settings import SavedSettings
    from smtpgui.ui.status import StatusPanel


class FileMenu(QObject):
    """The File menu and what its items do, but the support file (the window writes it).

    Attributes:
        discover_options: where Find settings looks (tests point DNS and guesses at loopback).
        form_actions: the items that fill the form: off while a test runs.
        support_action: "Save support file…", for the window to connect.
        delete_action: "Delete saved settings…", on while settings are saved.
    """

    def __init__(
        self,
        window: QMainWindow,
        form: SettingsForm,
        status: StatusPanel,
        saved: SavedSettings,
        busy: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._form = form
        self._status = status
        self._saved = saved
        self._busy = busy
        self.discover_options: DiscoverOptions | None = None
        self._build(window.menuBar().addMenu(QCoreApplication.translate("SettingsWindow", "&File")))
        form.find_requested.connect(self.find_settings)
        form.provider.find_button.show()

    def _build(self, menu: QMenu) -> None:
        find_action = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "Fi&nd settings…"), self.find_settings
        )
        menu.addSeparator()
        import_action = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Import settings…"), self._choose_import
        )
        menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Export settings…"), self._choose_export
        )
        menu.addSeparator()
        self.support_action: QAction = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "Save support &file…")
        )
        self.delete_action: QAction = menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Delete saved settings…"),
            self._confirm_delete,
        )
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("SettingsWindow", "&Quit"),
            QKeySequence.StandardKey.Quit,
            self._window.close,
        )
        # Changing the form while a test runs: not from the menu either.
        self.form_actions: list[QAction] = [find_action, import_action]

    def find_settings(self) -> DiscoverDialog | None:
        """Open Find settings for the address in the form; nothing is applied without a click."""
        if self._busy():
            return None
        from PySide6.QtCore import Qt  # not before the first paint: see smtpgui.ui.qt_enums

        from smtpgui.core.discovery.findings import DiscoverOptions
        from smtpgui.ui.discover_dialog import DiscoverDialog

        form = self._form
        options = dataclasses.replace(
            self.discover_options or DiscoverOptions(),
            timeout=float(form.timeout.value()),
            ca_file=form.ca_file.text().strip(),
        )
        address = next((t for t in (form.username.text(), form.recipient.text()) if "@" in t), "")
        dialog = DiscoverDialog(address.strip(), options, parent=self._window)
        dialog.applied.connect(form.apply_finding)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if address:
            dialog.start()
        return dialog

    # -- profiles (the same files as `smtpgui export` / `smtpgui import`) -----------------------

    def _choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # on a click: not before the first paint

        name, _ = QFileDialog.getOpenFileName(
            self._window,
            QCoreApplication.translate("SettingsWindow", "Import settings"),
            "",
            QCoreApplication.translate(
                "SettingsWindow", "smtpgui profiles (*.json);;All files (*)"
            ),
        )
        if name:
            self.import_profile(Path(name))

    def _choose_export(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # on a click: not before the first paint

        name, _ = QFileDialog.getSaveFileName(
            self._window,
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
            self._status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "The profile cannot be imported"),
                str(exc),
            )
            return False
        self._form.load(settings)  # a stored password stays only if it is bound to these settings
        self._status.show_message(
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
        settings = self._form.settings() or self._saved.settings
        if settings is None:
            self._status.show_message(
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
            self._status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "The profile cannot be written"),
                str(exc),
            )
            return False
        self._status.show_message(
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

    def _confirm_delete(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # on a click: not before the first paint

        answer = QMessageBox.question(
            self._window,
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
            self._saved.delete()


class HelpMenu(QObject):
    """The Help menu: the guide's sections, copying the diagnosis, About."""

    def __init__(self, window: QMainWindow, status: StatusPanel) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        help_menu = window.menuBar().addMenu(QCoreApplication.translate("SettingsWindow", "&Help"))
        self._add_guide(help_menu)
        self.copy_diagnosis_action: QAction = help_menu.addAction(
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
        from PySide6.QtCore import Qt  # not before the first paint: see smtpgui.ui.qt_enums

        from smtpgui.ui.guide import GuideDialog

        dialog = GuideDialog(heading, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def copy_diagnosis(self) -> None:
        """What the status box says (the diagnosis after a failure), as plain text."""
        QGuiApplication.clipboard().setText(self._status.plain_text())

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # on a click: not before the first paint

        QMessageBox.about(
            self._window,
            QCoreApplication.translate("SettingsWindow", "About smtpgui"),
            QCoreApplication.translate(
                "SettingsWindow",
                "<b>smtpgui %s</b><p>Sets up, tests and safely stores the outgoing mail (SMTP) "
                "server your office software sends through.</p>",
            )
            % __version__,
        )

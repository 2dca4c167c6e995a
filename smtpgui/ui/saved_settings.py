"""The window's saved settings: loading them into the form, the keyring check, after a Save.

SavedSettings is a mixin of SettingsWindow (like FileActions and SignInActions): its texts use
the "SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smtpgui.core.profile.secrets import SecretKind, Stored, binding_of, kinds_used, stored_for
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.profile.store import SettingsFileError
from smtpgui.core.text.i18n import shown
from smtpgui.ui.background import call_in_background
from smtpgui.ui.messages import error_text


class SavedSettings:
    """What the window knows of the saved profile and its secrets; `self` is the SettingsWindow."""

    def _load(self, note: str) -> None:
        try:
            self._saved = self._store.load()
        except SettingsFileError as exc:
            self.status.show_message(
                "error",
                QCoreApplication.translate(
                    "SettingsWindow", "The saved settings could not be read"
                ),
                error_text(exc),
            )
            self._saved = None
        else:
            self._show_idle(note)
        if self._saved is not None:
            self.form.load(self._saved)
            saved = self._saved
            call_in_background(
                self, lambda: stored_for(self._secrets, saved), self._on_password_checked
            )
        self.delete_action.setEnabled(self._saved is not None)
        self._update_buttons()

    def _show_idle(self, note: str = "") -> None:
        if note:
            self.status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "Demo mode"),
                shown(note, QCoreApplication.translate),
            )
        elif self._saved is not None:
            self.status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "Saved settings loaded"),
                QCoreApplication.translate(
                    "SettingsWindow", "Press Test to check them, or change them and press Save."
                ),
            )
        else:
            self.status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "No outgoing mail server saved yet"),
                QCoreApplication.translate(
                    "SettingsWindow",
                    "Fill in the form with what your mail provider gave you, then press Test. "
                    "Save keeps the settings only after a successful test.",
                ),
            )

    def _on_password_checked(
        self, stored: dict[SecretKind, Stored] | None, error: BaseException | None
    ) -> None:
        found = stored or {}
        password = found.get(SecretKind.PASSWORD) is Stored.HERE
        sign_in = found.get(SecretKind.REFRESH_TOKEN) is Stored.HERE
        client_secret = found.get(SecretKind.CLIENT_SECRET) is Stored.HERE
        saved = self._saved
        bound = binding_of(saved, SecretKind.PASSWORD) if password and saved else None
        self.form.set_password_stored(bound)
        self.form.oauth.set_stored(sign_in, client_secret)
        if error is not None:
            self.log.add_note(error_text(error))
        self.password_state_known.emit(password or sign_in)

    def _after_save(self) -> None:
        self._saved = saved = self.form.settings()
        auth = saved.auth if saved is not None else AuthMethod.NONE
        oauth = self.form.oauth
        secret_kept = oauth.typed_client_secret() is not None or oauth.secret_stored()
        self.form.password.clear()
        password = saved is not None and SecretKind.PASSWORD in kinds_used(saved)
        self.form.set_password_stored(
            binding_of(saved, SecretKind.PASSWORD) if saved is not None and password else None
        )
        if auth is AuthMethod.OAUTH2:
            oauth.client_secret.clear()
            oauth.set_stored(True, secret_kept)
        self.delete_action.setEnabled(True)

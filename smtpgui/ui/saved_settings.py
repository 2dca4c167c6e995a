"""The window's saved settings: loading them into the form, the keyring check, after a Save.

SavedSettings is a mixin of SettingsWindow (like FileActions and SignInActions): its texts use
the "SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smtpgui.core.i18n import shown
from smtpgui.core.secrets import SecretStore
from smtpgui.core.settings import AuthMethod, Settings
from smtpgui.core.settings_store import SettingsFileError
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
                self, lambda: stored_secrets(self._secrets, saved), self._on_password_checked
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
        self, stored: tuple[bool, bool, bool] | None, error: BaseException | None
    ) -> None:
        password, sign_in, client_secret = stored or (False, False, False)
        self.form.set_password_stored(password)
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
        self.form.set_password_stored(auth not in (AuthMethod.NONE, AuthMethod.OAUTH2))
        if auth is AuthMethod.OAUTH2:
            oauth.client_secret.clear()
            oauth.set_stored(True, secret_kept)
        self.delete_action.setEnabled(True)


def stored_secrets(secrets: SecretStore, saved: Settings) -> tuple[bool, bool, bool]:
    """Which of the saved profile's secrets the keyring holds: password, sign-in, client secret.

    Only those its kind of login uses count: a password left from before a switch to OAuth2
    must not be offered as "stored".
    """
    from smtpgui.core.oauth_settings import profile_accounts

    if saved.auth is AuthMethod.NONE:
        return False, False, False
    password, refresh, client_secret = profile_accounts(saved.account)
    if saved.auth is not AuthMethod.OAUTH2:
        return secrets.get(password) is not None, False, False
    return False, secrets.get(refresh) is not None, secrets.get(client_secret) is not None

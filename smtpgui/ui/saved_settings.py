"""SavedSettings: the saved profile as the window knows it, loaded, checked, saved and deleted.

Its texts are the window's: they use the "SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from smtpgui.core.profile.secrets import (
    SecretKind,
    SecretStore,
    Stored,
    binding_of,
    kinds_used,
    stored_for,
)
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.text.i18n import message_of, shown
from smtpgui.ui.background import call_in_background

if TYPE_CHECKING:
    from smtpgui.ui.form import SettingsForm
    from smtpgui.ui.log_panel import LogPane
    from smtpgui.ui.status import StatusPanel


class SavedSettings(QObject):
    """The settings in the store and what the keyring holds for them, shown in the form.

    Attributes:
        settings: the saved settings (None: nothing saved, or the file could not be read).

    Signals:
        secrets_checked(bool): the background keyring check ended; True when a password or an
            OAuth2 sign-in is stored.
        deleted(): the saved settings and their secrets are gone.
    """

    secrets_checked = Signal(bool)
    deleted = Signal()

    def __init__(
        self,
        store: SettingsStore,
        secrets: SecretStore,
        form: SettingsForm,
        status: StatusPanel,
        log: LogPane,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._secrets = secrets
        self._form = form
        self._status = status
        self._log = log
        self.settings: Settings | None = None

    def load(self, note: str) -> None:
        """Read the store into the form; `check_secrets()` then asks the keyring what it holds."""
        try:
            self.settings = self.store.load()
        except SettingsFileError as exc:
            self._status.show_message(
                "error",
                QCoreApplication.translate(
                    "SettingsWindow", "The saved settings could not be read"
                ),
                shown(message_of(exc), QCoreApplication.translate),
            )
            self.settings = None
        else:
            self.show_idle(note)
        if self.settings is not None:
            self._form.load(self.settings)

    def check_secrets(self) -> None:
        """Ask the keyring, in the background, what it holds for the loaded settings.

        The window calls it once it is on screen: importing keyring (it scans the installed
        packages' entry points) and asking it holds the GIL for some 70 ms, which the first
        paint would otherwise wait for (issue 20). Until the answer the password field asks
        for a password, as it does while the keyring is slow.
        """
        saved = self.settings
        if saved is not None:
            secrets = self._secrets
            call_in_background(self, lambda: stored_for(secrets, saved), self._on_secrets_checked)

    def show_idle(self, note: str = "") -> None:
        """What the status says before any test: the demo's note, or what is saved."""
        if note:
            self._status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "Demo mode"),
                shown(note, QCoreApplication.translate),
            )
        elif self.settings is not None:
            self._status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "Saved settings loaded"),
                QCoreApplication.translate(
                    "SettingsWindow", "Press Test to check them, or change them and press Save."
                ),
            )
        else:
            self._status.show_message(
                "idle",
                QCoreApplication.translate("SettingsWindow", "No outgoing mail server saved yet"),
                QCoreApplication.translate(
                    "SettingsWindow",
                    "Fill in the form with what your mail provider gave you, then press Test. "
                    "Save keeps the settings only after a successful test.",
                ),
            )

    def _on_secrets_checked(
        self, stored: dict[SecretKind, Stored] | None, error: BaseException | None
    ) -> None:
        found = stored or {}
        password = found.get(SecretKind.PASSWORD) is Stored.HERE
        sign_in = found.get(SecretKind.REFRESH_TOKEN) is Stored.HERE
        client_secret = found.get(SecretKind.CLIENT_SECRET) is Stored.HERE
        saved = self.settings
        bound = binding_of(saved, SecretKind.PASSWORD) if password and saved else None
        self._form.set_password_stored(bound)
        self._form.oauth.set_stored(sign_in, client_secret)
        if error is not None:
            self._log.add_note(shown(message_of(error), QCoreApplication.translate))
        self.secrets_checked.emit(password or sign_in)

    def saved(self, settings: Settings) -> None:
        """A Save kept `settings` (the job's, not the form's now): the form says what is stored."""
        self.settings = settings
        oauth = self._form.oauth
        secret_kept = oauth.typed_client_secret() is not None or oauth.secret_stored()
        self._form.password.clear()
        password = SecretKind.PASSWORD in kinds_used(settings)
        self._form.set_password_stored(
            binding_of(settings, SecretKind.PASSWORD) if password else None
        )
        if settings.auth is AuthMethod.OAUTH2:
            oauth.client_secret.clear()
            oauth.set_stored(True, secret_kept)

    def delete(self) -> None:
        """Delete the settings file and their secrets (in the background: a keyring may ask)."""
        from smtpgui.core.jobs import delete_profile

        account = self.settings.account if self.settings else None
        store, secrets = self.store, self._secrets
        call_in_background(self, lambda: delete_profile(store, secrets, account), self._on_deleted)

    def _on_deleted(self, _result: object, error: BaseException | None) -> None:
        if error is not None:
            self._status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "Could not delete everything"),
                shown(message_of(error), QCoreApplication.translate),
            )
            return
        self.settings = None
        self._form.set_password_stored(None)
        self._status.show_message(
            "idle",
            QCoreApplication.translate("SettingsWindow", "Saved settings deleted"),
            QCoreApplication.translate(
                "SettingsWindow",
                "The settings file and the stored password are gone. The form keeps what you "
                "typed until you close the window.",
            ),
        )
        self.deleted.emit()

"""OAuth2 sign-in from the window: a worker for the browser or device flow, and SignIn, which
starts it from the form and shows how it goes.

Its texts are the window's: they use the "SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from smtpgui.core.profile.secrets import SecretStore, SecretStoreError
from smtpgui.core.profile.settings import Settings
from smtpgui.core.text.i18n import message_of, shown
from smtpgui.ui.worker import Worker, WorkerThread

if TYPE_CHECKING:
    from smtpgui.core.oauth.browser import OpenBrowser
    from smtpgui.core.oauth.device import DeviceCode
    from smtpgui.core.oauth.tokens import OAuthError, Tokens
    from smtpgui.ui.form import SettingsForm
    from smtpgui.ui.status import StatusPanel


class SignInWorker(Worker):
    """One sign-in (browser with PKCE, or device code).

    Signals:
        code_shown(DeviceCode): the code to type and where (device flow only).
        hint_shown(str): what the browser may show when it has not come back for a while
            (a core Text: translated where it is shown).
        finished(Tokens | OAuthError): the sign-in's tokens, or why it failed or stopped.
    """

    code_shown = Signal(object)
    hint_shown = Signal(object)

    def __init__(
        self,
        settings: Settings,
        device: bool,
        open_browser: OpenBrowser | None,
        client_secret: str | None,
        secrets: SecretStore,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._device = device
        self._open_browser = open_browser
        self._client_secret = client_secret  # None: the saved profile's, if any
        self._secrets = secrets
        self._cancel = threading.Event()

    def work(self) -> Tokens | OAuthError | SecretStoreError:
        import webbrowser

        from smtpgui.core.oauth import session as oauth_session  # urllib, http.server: here
        from smtpgui.core.oauth.tokens import OAuthError

        try:
            secret = oauth_session.client_secret_of(
                self._secrets, self._settings, self._client_secret
            )
            if self._device:
                return oauth_session.sign_in_with_code(
                    self._settings, self.code_shown.emit, self._cancel, client_secret=secret
                )
            return oauth_session.sign_in(
                self._settings,
                self._open_browser or webbrowser.open,
                self._cancel,
                client_secret=secret,
                notice=self.hint_shown.emit,
            )
        except (OAuthError, SecretStoreError) as exc:
            return exc

    def cancel(self) -> None:
        self._cancel.set()  # both flows look at it at least every fraction of a second


class SignIn(QObject):
    """Sign in from the form's OAuth2 fields, show the code, keep the tokens for Test and Save.

    Attributes:
        open_browser: opens the sign-in page (None: the system browser; tests follow the URL).

    Signals:
        ended(): a sign-in ended (signed in, failed or stopped).
    """

    ended = Signal()

    def __init__(
        self, form: SettingsForm, status: StatusPanel, secrets: SecretStore, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._status = status
        self._secrets = secrets
        self._window = parent  # the sign-in thread's parent: stopped with the window
        self.open_browser: OpenBrowser | None = None
        self._run: WorkerThread | None = None

    def start(self, device: bool) -> bool:
        """Start a sign-in; False when a field it uses is wrong (see the form's errors)."""
        settings = self._form.sign_in_settings()
        if settings is None:
            return False
        worker = SignInWorker(
            settings,
            device,
            self.open_browser,
            self._form.oauth.typed_client_secret(),
            self._secrets,
        )
        worker.code_shown.connect(self._on_code_shown)
        worker.hint_shown.connect(self._on_hint)
        self._run = WorkerThread(worker, "smtpgui-sign-in", parent=self._window)
        self._run.finished.connect(self._on_signed_in)
        self._status.show_message(
            "busy",
            QCoreApplication.translate("SettingsWindow", "Signing in…"),
            QCoreApplication.translate(
                "SettingsWindow",
                "Sign in on the page that opened in your browser. Cancel stops waiting.",
            )
            if not device
            else "",
        )
        self._run.start()
        return True

    def active(self) -> bool:
        return self._run is not None

    def cancel(self) -> None:
        if self._run is not None:
            self._run.cancel()

    def stop(self) -> None:
        """On close: stop waiting for the browser or the code (bounded wait)."""
        run, self._run = self._run, None
        if run is not None:
            run.stop()

    @Slot(object)
    def _on_code_shown(self, code: DeviceCode) -> None:
        if self._run is None:
            return
        self._status.show_message(
            "busy",
            QCoreApplication.translate("SettingsWindow", "Sign in with this code: %s")
            % code.user_code,
            QCoreApplication.translate(
                "SettingsWindow",
                "On any device, open %s, type the code and sign in. This window waits; Cancel "
                "stops waiting.",
            )
            % code.verification_uri,
        )

    @Slot(object)
    def _on_hint(self, hint: str) -> None:
        if self._run is not None:
            title = QCoreApplication.translate("SettingsWindow", "Signing in…")
            self._status.show_message("busy", title, shown(hint, QCoreApplication.translate))

    @Slot(object)
    def _on_signed_in(self, result: Tokens | OAuthError | SecretStoreError) -> None:
        run, self._run = self._run, None
        if run is not None:
            run.deleteLater()
        from smtpgui.core.oauth.tokens import Tokens  # loaded by the sign-in that just ended

        if isinstance(result, Tokens):
            self._form.oauth.signed_in(result)
            self._status.show_message(
                "ok",
                QCoreApplication.translate("SettingsWindow", "Signed in"),
                QCoreApplication.translate(
                    "SettingsWindow",
                    "Press Test to send a test message with this sign-in, or Save to keep it.",
                ),
            )
        else:
            self._status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "Not signed in"),
                shown(message_of(result), QCoreApplication.translate),
            )
        self.ended.emit()

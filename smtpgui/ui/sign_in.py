"""OAuth2 sign-in from the window: a worker for the browser or device flow, and its wiring.

SignInActions is a mixin of SettingsWindow (like FileActions): its texts use the
"SettingsWindow" translation context explicitly.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal

from smtpgui.core.profile.secrets import SecretStore, SecretStoreError
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.text.i18n import shown
from smtpgui.ui.messages import error_text
from smtpgui.ui.worker import Worker, WorkerThread

if TYPE_CHECKING:
    from smtpgui.core.oauth.browser import OpenBrowser
    from smtpgui.core.oauth.device import DeviceCode
    from smtpgui.core.oauth.tokens import OAuthError, Tokens


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


class SignInActions:
    """Sign in, show the code, keep the tokens for Test and Save; `self` is the SettingsWindow."""

    open_browser: OpenBrowser | None = None  # None: the system browser; tests follow the URL
    _sign_in_run: WorkerThread | None = None

    def sign_in(self, device: bool = False) -> bool:
        """Start a sign-in with the form's OAuth2 fields; False when it cannot start."""
        if self.is_running() or self._closed:
            return False
        oauth = self.form.oauth
        form_settings = Settings(
            endpoints=(),
            auth=AuthMethod.OAUTH2,
            username=self.form.username.text().strip(),
            timeout=float(self.form.timeout.value()),
            oauth=oauth.values(),
        )
        from smtpgui.core.oauth.settings import oauth_errors

        if oauth_errors(form_settings.oauth):
            self.ask_to_fix()
            return False
        worker = SignInWorker(
            form_settings,
            device,
            self.open_browser,
            oauth.typed_client_secret(),
            self._secrets,
        )
        worker.code_shown.connect(self._on_code_shown)
        worker.hint_shown.connect(self._on_hint)
        self._sign_in_run = WorkerThread(worker, "smtpgui-sign-in", parent=self)
        self._sign_in_run.finished.connect(self._on_signed_in)
        self.status.show_message(
            "busy",
            QCoreApplication.translate("SettingsWindow", "Signing in…"),
            QCoreApplication.translate(
                "SettingsWindow",
                "Sign in on the page that opened in your browser. Cancel stops waiting.",
            )
            if not device
            else "",
        )
        self._sign_in_run.start()
        self._update_buttons()
        return True

    def signing_in(self) -> bool:
        return self._sign_in_run is not None

    def cancel_sign_in(self) -> None:
        if self._sign_in_run is not None:
            self._sign_in_run.cancel()

    def stop_sign_in(self) -> None:
        """On close: stop waiting for the browser or the code (bounded wait)."""
        run, self._sign_in_run = self._sign_in_run, None
        if run is not None:
            run.stop()

    def _on_code_shown(self, code: DeviceCode) -> None:
        if self._sign_in_run is None:
            return
        self.status.show_message(
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

    def _on_hint(self, hint: str) -> None:
        if self._sign_in_run is not None:
            title = QCoreApplication.translate("SettingsWindow", "Signing in…")
            self.status.show_message("busy", title, shown(hint, QCoreApplication.translate))

    def _on_signed_in(self, result: Tokens | OAuthError | SecretStoreError) -> None:
        run, self._sign_in_run = self._sign_in_run, None
        if run is not None:
            run.deleteLater()
        from smtpgui.core.oauth.tokens import Tokens  # loaded by the sign-in that just ended

        if isinstance(result, Tokens):
            self.form.oauth.signed_in(result)
            self.status.show_message(
                "ok",
                QCoreApplication.translate("SettingsWindow", "Signed in"),
                QCoreApplication.translate(
                    "SettingsWindow",
                    "Press Test to send a test message with this sign-in, or Save to keep it.",
                ),
            )
        else:
            self.status.show_message(
                "error",
                QCoreApplication.translate("SettingsWindow", "Not signed in"),
                error_text(result),
            )
        self._update_buttons()

    def show_password_notice(self, settings: Settings) -> None:
        """Under the outcome: a password where the provider wants OAuth2 or an app password."""
        from smtpgui.core.providers.hints import login_notice  # loaded by the test that just ran

        notice = login_notice(settings)
        if notice is None:
            return
        text = shown(notice, QCoreApplication.translate)
        tip = QCoreApplication.translate("SettingsWindow", "Suggestion: %s") % text
        self.status.add_paragraph(tip)

"""OAuthFields: the client ID, tenant, endpoints and scopes of an OAuth2 login, and Sign in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.ui.widgets.field_error import with_error_line

if TYPE_CHECKING:
    from smtpgui.core.oauth.tokens import Tokens
    from smtpgui.core.providers.catalogue import Provider


class OAuthFields(QWidget):
    """Shown instead of the password when Authentication is OAuth2.

    `tokens` holds the last sign-in (not saved yet); a change of any field forgets it. The
    client secret (Google's desktop clients have one) goes to the keyring, like the password.

    Signals:
        changed(): a value changed.
        sign_in_requested(bool): the admin asked to sign in; True for "with a code".
    """

    changed = Signal()
    sign_in_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tokens: Tokens | None = None
        self._provider_id = ""
        self._saved_sign_in = False
        self._secret_stored = False
        self.client_id = QLineEdit(placeholderText=self.tr("from the app registration"))
        self.client_secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.client_secret.setToolTip(
            self.tr(
                "Only if the registration gave one (Google desktop clients); kept in the keyring"
            )
        )
        self.tenant = QLineEdit()
        self.tenant.setToolTip(self.tr("Microsoft: your domain or directory ID"))
        self.authorize_url = QLineEdit(placeholderText="https://")
        self.token_url = QLineEdit(placeholderText="https://")
        self.device_url = QLineEdit(placeholderText=self.tr("optional"))
        self.scopes = QLineEdit(placeholderText=self.tr("separated by spaces"))
        self.browser_button = QPushButton(self.tr("Sign in in the browser"))
        self.code_button = QPushButton(self.tr("Sign in with a code"))
        self.code_button.setToolTip(
            self.tr("For a computer without a browser: type a code on another device")
        )
        self.state = QLabel(wordWrap=True)
        self.state.setObjectName("signInState")
        self.errors: dict[str, QLabel] = {}
        self._lay_out()
        for edit in (*self.line_edits().values(), self.client_secret):
            edit.textEdited.connect(self._forget)
            edit.textChanged.connect(self.changed)
        self.device_url.textChanged.connect(self._enable_code)
        self.browser_button.clicked.connect(lambda: self.sign_in_requested.emit(False))
        self.code_button.clicked.connect(lambda: self.sign_in_requested.emit(True))
        self._show_state()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows = (
            (self.tr("Client ID:"), "client_id"),
            (self.tr("Client secret:"), "client_secret"),
            (self.tr("Tenant:"), "tenant"),
            (self.tr("Sign-in page:"), "authorize_url"),
            (self.tr("Token address:"), "token_url"),
            (self.tr("Device code address:"), "device_url"),
            (self.tr("Scopes:"), "scopes"),
        )
        for label, name in rows:
            box, self.errors[f"oauth_{name}"] = with_error_line(getattr(self, name))
            form.addRow(label, box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.browser_button)
        buttons.addWidget(self.code_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.state)
        self.setFocusProxy(self.client_id)

    def line_edits(self) -> dict[str, QLineEdit]:
        return {f"oauth_{name}": getattr(self, name) for name in _FIELDS}

    def values(self) -> OAuthSettings:
        texts = {name: getattr(self, name).text().strip() for name in _FIELDS}
        return OAuthSettings(provider=self._provider_id, **texts)

    def load(self, oauth: OAuthSettings) -> None:
        self._provider_id = oauth.provider
        for name in _FIELDS:
            getattr(self, name).setText(getattr(oauth, name))
        self.client_secret.clear()
        self.set_stored(False, False)

    def set_stored(self, sign_in: bool, client_secret: bool) -> None:
        """What the keyring holds for the saved profile: a sign-in, a client secret."""
        self._saved_sign_in, self._secret_stored = sign_in, client_secret
        self.client_secret.setPlaceholderText(
            self.tr("stored in the keyring: leave empty to keep it")
            if client_secret
            else self.tr("only if the provider gave one")
        )
        self._forget()

    def secret_stored(self) -> bool:
        return self._secret_stored

    def typed_client_secret(self) -> str | None:
        """The typed client secret; None means "the stored one, if any"."""
        return self.client_secret.text().strip() or None

    def fill_from(self, entry: Provider) -> None:
        """The provider's endpoints and scopes; the client ID and tenant stay the admin's."""
        if entry.oauth2 is None:
            return
        data = entry.oauth2
        self._provider_id = entry.id
        self.authorize_url.setText(data.authorization_endpoint)
        self.token_url.setText(data.token_endpoint)
        self.device_url.setText(data.device_endpoint)
        self.scopes.setText(" ".join(data.scopes))
        if not self.tenant.text().strip():
            self.tenant.setText(data.tenant)
        self._forget()

    def signed_in(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self._show_state()

    @Slot()
    def _enable_code(self) -> None:
        self.code_button.setEnabled(bool(self.device_url.text().strip()))

    @Slot()
    def _forget(self) -> None:
        self.tokens = None
        self._show_state()

    def _show_state(self) -> None:
        if self.tokens is not None:
            text = self.tr("Signed in. Test or Save uses this sign-in.")
        elif self._saved_sign_in:
            text = self.tr("A saved sign-in is in the keyring: Test uses it.")
        else:
            text = self.tr("Not signed in yet: press one of the buttons above.")
        self.state.setText(text)
        self._enable_code()


_FIELDS = ("client_id", "tenant", "authorize_url", "token_url", "device_url", "scopes")

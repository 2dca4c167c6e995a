"""SettingsForm: the fields, their mutual sync (prefix / security / port) and field errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from smtpgui.core.profile.secrets import Binding, SecretKind, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.providers.hints import login_notice
from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    Security,
)
from smtpgui.core.text.i18n import shown
from smtpgui.ui.arrival_fields import ArrivalFields
from smtpgui.ui.colours import box
from smtpgui.ui.form_values import fill_form, read_form
from smtpgui.ui.oauth_fields import OAuthFields
from smtpgui.ui.provider_field import ProviderField
from smtpgui.ui.server_advice import ServerAdvice
from smtpgui.ui.server_sync import ServerSync
from smtpgui.ui.trust_fields import TrustFields
from smtpgui.ui.widgets.field_error import with_error_line
from smtpgui.ui.widgets.wheel_guard import guard_wheel
from smtpgui.ui.widgets.wrapped_label import WrappedLabel


class SettingsForm(ServerSync, QWidget):
    """The form. Emits `changed(bool valid)` whenever a value changes; never does network I/O.

    Signals:
        changed(bool): a value changed; True when the form holds valid settings.
        submitted(): Enter was pressed in a text field.
        detect_requested(): the admin asked to detect the settings of the typed host.
        find_requested(): the admin asked to find the settings of an e-mail address.
    """

    changed = Signal(bool)
    submitted = Signal()
    detect_requested = Signal()
    find_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored_for: Binding | None = None  # what the stored password was saved for
        self.valid = False
        self._touched: set[str] = set()
        self._errors: dict[str, QLabel] = {}
        self._build()
        self._connect()
        self._refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.provider = ProviderField()
        self.server = QLineEdit(placeholderText=self.tr("smtp.example.com or ssl://…:465"))
        self.server.setToolTip(
            self.tr(
                "ssl:// = SSL/TLS (port 465), tls:// = STARTTLS (port 587). "
                "Backup servers follow after ; and are tried in order."
            )
        )
        self.security = QComboBox()
        for label, value in (
            (self.tr("None"), Security.NONE),
            (self.tr("STARTTLS"), Security.STARTTLS),
            (self.tr("SSL/TLS"), Security.TLS),
        ):
            self.security.addItem(label, value)
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORTS[Security.NONE])
        self.port.setAccelerated(True)
        self.auth = QComboBox()
        for label, value in (
            (self.tr("None"), AuthMethod.NONE),
            (self.tr("Automatic"), AuthMethod.AUTO),
            ("PLAIN", AuthMethod.PLAIN),
            ("LOGIN", AuthMethod.LOGIN),
            ("CRAM-MD5", AuthMethod.CRAM_MD5),
            ("OAuth2", AuthMethod.OAUTH2),
        ):
            self.auth.addItem(label, value)
        self.username = QLineEdit(placeholderText=self.tr("usually your full e-mail address"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.oauth = OAuthFields()
        self.allow_insecure = QCheckBox(self.tr("Allow login without encryption (insecure)"))
        self.from_address = QLineEdit(
            placeholderText=self.tr("optional: every mail is sent From this address")
        )
        self.recipient = QLineEdit(
            placeholderText=self.tr("your own address: the test mail goes here")
        )
        self.arrival = ArrivalFields(self.server, self.recipient)
        self.timeout = QSpinBox(minimum=1, maximum=300, value=15, suffix=self.tr(" s"))
        self.timeout.setToolTip(
            self.tr("How long each step may take; a server gets three times this in all")
        )
        self.trust = TrustFields()
        self.ca_file, self.browse = self.trust.ca_file, self.trust.browse
        self._lay_out()
        self._wheel_guard = guard_wheel(self)
        self.setCurrentSecurity(Security.STARTTLS)
        self.port.setValue(DEFAULT_PORTS[Security.STARTTLS])
        self.auth.setCurrentIndex(self.auth.findData(AuthMethod.AUTO))

    def _notice_label(self) -> WrappedLabel:
        """Under Authentication: what the provider says about the chosen login, if anything."""
        label = WrappedLabel(objectName="loginNotice")
        background, border, text = box("notice")
        label.setStyleSheet(
            f"#loginNotice {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 3px; padding: 4px; color: {text}; }}"
        )
        label.hide()
        return label

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.detect = QPushButton(self.tr("&Detect…"))
        self.detect.setToolTip(
            self.tr(
                "Ask ports 465, 587 and 25 of this server, and the port in the form, what they "
                "offer (no password is sent)"
            )
        )
        form.addRow(self.tr("Pro&vider:"), self.provider)
        server_row = QHBoxLayout()
        server_row.addWidget(self._checked("server", self.server), 1)
        server_row.addWidget(self.detect, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Se&rver:"), server_row)
        self.server_advice = ServerAdvice()
        form.addRow("", self.server_advice)
        security_row = QHBoxLayout()
        security_row.addWidget(self.security, 1)
        port_label = QLabel(self.tr("&Port:"))
        port_label.setBuddy(self.port)
        security_row.addWidget(port_label)
        security_row.addWidget(self.port)
        form.addRow(self.tr("S&ecurity:"), security_row)
        form.addRow(self.tr("&Authentication:"), self.auth)
        self.login_notice = self._notice_label()
        form.addRow("", self.login_notice)
        form.addRow(self.tr("&User name:"), self._checked("username", self.username))
        self._password_row = self._checked("password", self.password)
        form.addRow(self.tr("Pass&word:"), self._password_row)
        form.addRow(self.tr("OAuth2:"), self.oauth)
        self._errors.update(self.oauth.errors)
        form.addRow("", self.allow_insecure)
        form.addRow(self.tr("Fro&m:"), self._checked("from", self.from_address))
        form.addRow(self.tr("Test rec&ipient:"), self._checked("recipient", self.recipient))
        form.addRow("", self.arrival)
        form.addRow(self.tr("Time &limit:"), self.timeout)
        form.addRow(self.tr("&Certificate:"), self.trust)
        self._errors.update(self.trust.errors)
        for row, buddy in ((server_row, self.server), (security_row, self.security)):
            label = form.labelForField(row)
            if isinstance(label, QLabel):
                label.setBuddy(buddy)
        self._buddy_up()

    def _buddy_up(self) -> None:
        """Each label's buddy is the field that takes the focus, not the box around it.

        A label's mnemonic (Alt+W) focuses its buddy only if the buddy itself takes focus: a
        box with an error line, the provider row or the certificate column does not, and the
        key did nothing. The label's words are also the field's name for a screen reader.
        """
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            while buddy is not None and buddy.focusProxy() is not None:
                buddy = buddy.focusProxy()
            if buddy is not None:
                label.setBuddy(buddy)
                # Qt names a field after a buddy label only when the two are siblings.
                if not buddy.accessibleName():
                    buddy.setAccessibleName(label.text().replace("&", "").rstrip(":").strip())

    def tab_chain(self) -> list[QWidget]:
        """Every field top to bottom (hidden ones too: Tab skips them while they are hidden)."""
        oauth = self.oauth
        return [
            self.provider.combo,
            self.provider.region,
            self.provider.find,
            self.server,
            self.detect,
            self.server_advice.button,
            self.security,
            self.port,
            self.auth,
            self.username,
            self.password,
            *(oauth.client_id, oauth.client_secret, oauth.tenant, oauth.authorize_url),
            *(oauth.token_url, oauth.device_url, oauth.scopes),
            *(oauth.browser_button, oauth.code_button),
            self.allow_insecure,
            self.from_address,
            self.recipient,
            *self.arrival.tab_chain(),
            self.timeout,
            self.trust.mode,
            self.ca_file,
            self.browse,
            self.trust.pinned,
        ]

    def _checked(self, name: str, field: QWidget) -> QWidget:
        box, self._errors[name] = with_error_line(field)
        return box

    def _connect(self) -> None:
        self.server.textEdited.connect(self._on_server_edited)
        self.security.activated.connect(self._on_security_chosen)
        self.port.valueChanged.connect(self._on_port_changed)
        self.trust.changed.connect(self._refresh)
        self.oauth.changed.connect(self._refresh)
        self.detect.clicked.connect(self.detect_requested)
        self.server_advice.fix_chosen.connect(self._use_server)
        self.provider.chosen.connect(self._on_provider_chosen)
        self.provider.find_requested.connect(self.find_requested)
        for name, edit in self._line_edits().items():
            edit.textEdited.connect(lambda _text, name=name: self._touch(name))
            edit.textChanged.connect(self._refresh)  # also when filled in by code (load, demo)
            edit.returnPressed.connect(self.submitted)
        for widget in (self.auth, self.security):
            widget.currentIndexChanged.connect(self._refresh)
        self.allow_insecure.toggled.connect(self._refresh)
        self.timeout.valueChanged.connect(self._refresh)

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "server": self.server,
            "username": self.username,
            "password": self.password,
            "from": self.from_address,
            "recipient": self.recipient,
            "ca_file": self.ca_file,
            "pinned_sha256": self.trust.pinned,
            **self.oauth.line_edits(),
        }

    # -- values and errors ----------------------------------------------------------------------

    def set_password_stored(self, bound_to: Binding | None) -> None:
        """A password is in the keyring, saved for `bound_to` (None: none is stored)."""
        self._stored_for = bound_to
        self._refresh()

    def password_stored(self) -> bool:
        return self._stored_for is not None

    def typed_password(self) -> str | None:
        """The typed password; None means "use the stored one"."""
        text = self.password.text()
        return None if not text and self._stored_for is not None else text

    def load(self, settings: Settings) -> None:
        fill_form(self, settings)
        self._touched.update(self._line_edits())
        self._refresh()

    def settings(self) -> Settings | None:
        """The form as Settings, or None while any field is invalid."""
        settings, errors = self._evaluate()
        return settings if not errors else None

    def errors(self) -> dict[str, str]:
        return self._evaluate()[1]

    def show_all_errors(self) -> None:
        self._touched.update(self._line_edits())
        self._refresh()

    def _evaluate(self) -> tuple[Settings, dict[str, str]]:
        """The form as Settings (incomplete while there are errors), and the errors."""
        settings, errors = read_form(self)
        if settings.auth in (AuthMethod.NONE, AuthMethod.OAUTH2) or self.password.text():
            return settings, errors
        if self._stored_for is None:
            errors["password"] = self.tr("Enter the password.")
        elif not self._stored_for.allows(binding_of(settings, SecretKind.PASSWORD)):
            # A stored password goes only to the user and servers it was saved for.
            errors["password"] = self.tr(
                "The stored password was saved for another user name or server: type the "
                "password for these settings."
            )
        return settings, errors

    def _stored_password_usable(self, errors: dict[str, str]) -> bool:
        return self._stored_for is not None and "password" not in errors

    @Slot()
    def _refresh(self) -> None:
        settings, errors = self._evaluate()
        self.password.setPlaceholderText(
            self.tr("stored in the keyring: leave empty to keep it")
            if self._stored_password_usable(errors)
            else ""
        )
        if self._stored_for is not None and "password" in errors:
            self._touched.add("password")  # say at once why the stored one is not used
        edits = self._line_edits()
        notice = login_notice(settings)
        self.login_notice.setText(shown(notice, QCoreApplication.translate) if notice else "")
        self.login_notice.setVisible(notice is not None)
        for name, label in self._errors.items():
            message = errors.get(name, "") if name in self._touched else ""
            message = shown(message, QCoreApplication.translate)
            label.setText(message)
            label.setVisible(bool(message))
            field = edits.get(name)
            if field is not None:  # a screen reader reads the error with the field
                field.setAccessibleDescription(message)
        self.detect.setEnabled(self.detect_host() is not None)
        self.server_advice.show_for(self.server.text(), self.current_security(), self.port.value())
        needs_login = AuthMethod(self.auth.currentData()) is not AuthMethod.NONE
        for widget in (self.username, self.password, self.allow_insecure):
            widget.setEnabled(needs_login)
        oauth = AuthMethod(self.auth.currentData()) is AuthMethod.OAUTH2
        layout = self.layout()
        if isinstance(layout, QFormLayout):  # the password row gives way to the OAuth2 fields
            layout.setRowVisible(self._password_row, not oauth)
            layout.setRowVisible(self.oauth, oauth)
        self.valid = not errors  # as of the last change (the buttons ask often)
        self.changed.emit(self.valid)

    @Slot(str)
    def _use_server(self, text: str) -> None:
        """The advice's fix, as if the admin had typed it."""
        self.server.setText(text)
        self._on_server_edited(text)
        self.server.setFocus(Qt.FocusReason.OtherFocusReason)

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._refresh()

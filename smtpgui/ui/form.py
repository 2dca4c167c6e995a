"""SettingsForm: the fields, their mutual sync (prefix / security / port) and field errors.

One concept, the form: its layout; reading it into Settings (with an error per field) and
filling it from Settings; the Server text, the Security dropdown and the Port following each
other; and what the Provider, Detect and Find settings fill in.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal, Slot
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

from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.addresses import address_error, username_error
from smtpgui.core.profile.secrets import Binding, SecretKind, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings, TrustMode, field_errors
from smtpgui.core.providers.catalogue import AuthKind, Provider, UsernameRule, by_host, rule_text
from smtpgui.core.providers.hints import login_notice
from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    Endpoint,
    EndpointError,
    Security,
    ServerEntry,
    format_entry,
    parse_entries,
    resolve,
    with_port,
    with_prefix,
)
from smtpgui.core.text.i18n import shown
from smtpgui.ui.arrival_fields import ArrivalFields
from smtpgui.ui.colours import box
from smtpgui.ui.oauth_fields import OAuthFields
from smtpgui.ui.provider_field import ProviderField
from smtpgui.ui.qt_enums import top_aligned
from smtpgui.ui.server_advice import ServerAdvice
from smtpgui.ui.trust_fields import TrustFields
from smtpgui.ui.widgets.field_error import with_error_line
from smtpgui.ui.widgets.wheel_guard import guard_wheel
from smtpgui.ui.widgets.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from smtpgui.core.discovery.detect import Suggestion
    from smtpgui.core.discovery.findings import Finding

# What a sign-in uses of the form: a problem elsewhere (no server yet) does not stop it.
_SIGN_IN_FIELDS = ("username", "oauth_")


class SettingsForm(QWidget):
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
        for label, security in (
            (self.tr("None"), Security.NONE),
            (self.tr("STARTTLS"), Security.STARTTLS),
            (self.tr("SSL/TLS"), Security.TLS),
        ):
            self.security.addItem(label, security)
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORTS[Security.NONE])
        self.port.setAccelerated(True)
        self.auth = QComboBox()
        for label, method in (
            (self.tr("None"), AuthMethod.NONE),
            (self.tr("Automatic"), AuthMethod.AUTO),
            ("PLAIN", AuthMethod.PLAIN),
            ("LOGIN", AuthMethod.LOGIN),
            ("CRAM-MD5", AuthMethod.CRAM_MD5),
            ("OAuth2", AuthMethod.OAUTH2),
        ):
            self.auth.addItem(label, method)
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
        server_row.addLayout(top_aligned(self.detect))
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
            buddy: QWidget | None = label.buddy()
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
            self.provider.find_button,
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
        """Put saved settings into the fields (the password stays empty: it is in the keyring)."""
        first, backups = settings.endpoints[0], settings.endpoints[1:]
        text = "; ".join(
            [
                format_entry(ServerEntry(first.host, None, None)),
                *(str(endpoint) for endpoint in backups),
            ]
        )
        self.server.setText(text)
        self.provider.select_by_host(first.host)
        self.setCurrentSecurity(first.security)
        self.set_port_quietly(first.port)
        self.auth.setCurrentIndex(self.auth.findData(settings.auth))
        self.username.setText(settings.username)
        self.password.clear()
        self.allow_insecure.setChecked(settings.allow_insecure_auth)
        self.from_address.setText(settings.from_address)
        self.recipient.setText(settings.recipient)
        self.timeout.setValue(round(settings.timeout))
        self.trust.load(settings.trust, settings.ca_file, settings.pinned_sha256)
        self.oauth.load(settings.oauth)
        self._touched.update(self._line_edits())
        self._refresh()

    def settings(self) -> Settings | None:
        """The form as Settings, or None while any field is invalid."""
        settings, errors = self._evaluate()
        return settings if not errors else None

    def sign_in_settings(self) -> Settings | None:
        """The form as Settings for an OAuth2 sign-in, or None while a field it uses is invalid.

        The sign-in needs the user name and the OAuth2 fields only: an empty Server does not
        stop it. `show_all_errors()` shows what is wrong.
        """
        settings, errors = self._evaluate()
        if any(name.startswith(_SIGN_IN_FIELDS) for name in errors):
            return None
        return dataclasses.replace(settings, auth=AuthMethod.OAUTH2, oauth=self.oauth.values())

    def errors(self) -> dict[str, str]:
        return self._evaluate()[1]

    def show_all_errors(self) -> None:
        self._touched.update(self._line_edits())
        self._refresh()

    def _evaluate(self) -> tuple[Settings, dict[str, str]]:
        """The form as Settings (incomplete while there are errors), and the errors."""
        settings, errors = self._read()
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

    def _read(self) -> tuple[Settings, dict[str, str]]:
        """The fields as Settings (incomplete while there are errors), and the field errors."""
        errors: dict[str, str] = {}
        endpoints: tuple[Endpoint, ...] = ()
        try:
            endpoints = resolve(
                parse_entries(self.server.text()), self.current_security(), self.port.value()
            )
        except EndpointError as exc:
            errors["server"] = exc.text
        trust, ca_file, pinned = self.trust.values()
        auth = AuthMethod(self.auth.currentData())
        settings = Settings(
            endpoints=endpoints,
            auth=auth,
            username=self.username.text().strip(),
            from_address=self.from_address.text().strip(),
            recipient=self.recipient.text().strip(),
            allow_insecure_auth=self.allow_insecure.isChecked(),
            timeout=float(self.timeout.value()),
            trust=trust,
            ca_file=ca_file,
            pinned_sha256=pinned,
            # The OAuth2 block belongs to an OAuth2 login: a password login saves none (the
            # fields keep their values while the admin tries one login and the other).
            oauth=self.oauth.values() if auth is AuthMethod.OAUTH2 else OAuthSettings(),
        )
        errors.update(field_errors(settings))
        raw = {
            "username": username_error(self.username.text()),
            "from": address_error(self.from_address.text(), required=False),
            "recipient": address_error(self.recipient.text(), required=True),
        }
        # CR/LF typed or pasted in: judge the raw text, not the stripped one.
        errors.update({name: error for name, error in raw.items() if error})
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
        self.server.setFocus()  # Qt's default reason: OtherFocusReason

    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self._refresh()

    # -- the server, its security and port follow each other --------------------------------------

    def setCurrentSecurity(self, security: Security) -> None:
        self.security.setCurrentIndex(self.security.findData(security))

    def current_security(self) -> Security:
        return Security(self.security.currentData())

    @Slot(str)
    def _on_server_edited(self, text: str) -> None:
        """A typed prefix or port wins: it sets the dropdown and the spin box."""
        self._touch("server")
        try:
            first = parse_entries(text)[0]
        except EndpointError:
            return
        self.provider.select_by_host(first.host)
        if first.security is not None:
            self.setCurrentSecurity(first.security)
        if first.port is not None:
            self.set_port_quietly(first.port)
        elif first.security is not None and self.port.value() in DEFAULT_PORTS.values():
            self.set_port_quietly(DEFAULT_PORTS[first.security])
        self._refresh()

    @Slot(int)
    def _on_security_chosen(self, _index: int) -> None:
        security = self.current_security()
        self.server.setText(with_prefix(self.server.text(), security))
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[security])  # also rewrites an explicit :port
        self._refresh()

    @Slot(int)
    def _on_port_changed(self, port: int) -> None:
        self.server.setText(with_port(self.server.text(), port))
        self._refresh()

    def apply(self, security: Security, port: int, auth: AuthMethod) -> None:
        """Fill in a detected setting, keeping the typed host and backup servers."""
        self.setCurrentSecurity(security)
        self.server.setText(with_prefix(self.server.text(), security))
        self.port.setValue(port)
        self.auth.setCurrentIndex(self.auth.findData(auth))
        self._refresh()

    def detect_host(self) -> str | None:
        """The first server's host, when the Server field holds one."""
        try:
            return format_entry(ServerEntry(parse_entries(self.server.text())[0].host, None, None))
        except EndpointError:
            return None

    def set_port_quietly(self, port: int) -> None:
        self.port.blockSignals(True)
        self.port.setValue(port)
        self.port.blockSignals(False)

    # -- what the Provider, Detect and Find settings fill in ---------------------------------------

    @Slot(object, str)
    def _on_provider_chosen(self, provider: Provider | None, region: str) -> None:
        if provider is not None and not self._may_replace_server(provider):
            self.provider.select_by_host(self.detect_host() or "")  # back to what is typed
            return
        self._fill_from_provider(provider, region)
        self._touch("server")

    def _may_replace_server(self, provider: Provider) -> bool:
        """A server the admin typed (not a provider's) is replaced only when they say so."""
        from PySide6.QtWidgets import QMessageBox

        host = self.detect_host()
        if host is None or by_host(host) is not None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace the server?"),
            self.tr("Replace the server you typed, %s, with the one of %s?")
            % (host, provider.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _fill_from_provider(self, entry: Provider | None, region: str) -> None:
        """Put the provider's preferred server, security, port and login rule into the form."""
        self._forget_old_provider(entry)
        self.username.setPlaceholderText(username_hint(entry))
        if entry is None:
            return
        server = entry.servers_in(region)[0]
        self.server.setText(server.host)
        self.apply(server.security, server.port, auth_for(entry, self._offered_logins()))
        self.oauth.fill_from(entry)
        if entry.username_rule is UsernameRule.FIXED:
            self.username.setText(entry.username)
            self.username.setProperty("providerUsername", entry.username)

    @Slot(object)
    def apply_finding(self, finding: Finding) -> None:
        """Fill in what Find settings found (only when the admin chose it).

        A new server: the old one's user-name rule, OAuth2 block, CA file and pin go.
        """
        self.provider.select_by_host(finding.host)
        entry = self.provider.current()
        self._forget_old_provider(entry)
        self.trust.load(TrustMode.SYSTEM, "", "")
        self.server.setText(finding.host)
        self.username.setPlaceholderText(username_hint(entry))
        offered = self._offered_logins()
        auth = finding.auth_method or (auth_for(entry, offered) if entry else AuthMethod.AUTO)
        self.apply(finding.security, finding.port, auth)
        if entry is not None:
            self.oauth.fill_from(entry)
        if finding.username:
            self.username.setText(finding.username)
        self._touch("server")

    @Slot(object)
    def apply_suggestion(self, suggestion: Suggestion) -> None:
        """Fill in what Detect suggests."""
        self.apply(suggestion.security, suggestion.port, suggestion.auth)

    def _forget_old_provider(self, new: Provider | None) -> None:
        """Drop what belonged to the provider chosen before: its fixed user name and its OAuth2."""
        previous = self.username.property("providerUsername") or ""
        if previous and self.username.text() == previous:
            self.username.clear()  # a fixed name ("apikey") of the provider chosen before
        self.username.setProperty("providerUsername", "")
        if new is None or self.oauth.values().provider != new.id:  # another region: kept
            self.oauth.load(OAuthSettings())

    def _offered_logins(self) -> list[AuthMethod]:
        return [AuthMethod(self.auth.itemData(i)) for i in range(self.auth.count())]


def username_hint(entry: Provider | None) -> str:
    if entry is None:
        return QCoreApplication.translate("SettingsForm", "usually your full e-mail address")
    return rule_text(entry.username_rule, entry.username).render(QCoreApplication.translate)


def auth_for(entry: Provider, offered: list[AuthMethod]) -> AuthMethod:
    """OAuth2 when the provider takes nothing else (and the form offers it); else Automatic."""
    if set(entry.auth) == {AuthKind.OAUTH2} and AuthMethod.OAUTH2 in offered:
        return AuthMethod.OAUTH2
    return AuthMethod.AUTO

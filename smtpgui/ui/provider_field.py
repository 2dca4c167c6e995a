"""ProviderField: choose a well-known mail service and fill in its server, port and login."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.settings import AuthMethod, TrustMode
from smtpgui.core.providers.catalogue import (
    AuthKind,
    Provider,
    UsernameRule,
    by_host,
    load_providers,
    rule_text,
)
from smtpgui.ui.colours import colour
from smtpgui.ui.widgets.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from smtpgui.core.discovery.findings import Finding
    from smtpgui.ui.form import SettingsForm


class ProviderField(QWidget):
    """The provider combo ("Other / not listed" first), its region, and the provider's rules.

    Signals:
        chosen(Provider | None, str): the admin chose a provider (None: other) and region.
        find_requested(): the admin asked to find the settings from an e-mail address.
    """

    chosen = Signal(object, str)
    find_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._providers = {p.id: p for p in load_providers()}
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Other / not listed"), "")
        for entry in self._providers.values():
            self.combo.addItem(entry.name, entry.id)  # brand names: data, not translated
        self.region = QComboBox()
        self.region.setToolTip(self.tr("The region the account was created in"))
        self.region.setAccessibleName(self.tr("Region"))
        self.find = QPushButton(self.tr("Find settings…"))
        self.find.setToolTip(self.tr("Look up the server of an e-mail address"))
        self.find.hide()  # shown by the window once it handles find_requested
        self.hint = WrappedLabel(objectName="providerHint")
        self.hint.setStyleSheet(f"color: {colour('muted')};")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.region)
        row.addWidget(self.find, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.hint)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_provider_chosen)
        self.region.activated.connect(self._emit)
        self.find.clicked.connect(self.find_requested)
        self._show_rules()

    def current(self) -> Provider | None:
        return self._providers.get(self.combo.currentData() or "")

    def current_region(self) -> str:
        return str(self.region.currentText()) if self.region.isVisibleTo(self) else ""

    def select(self, provider_id: str, region: str = "") -> None:
        """Show a provider (a loaded profile, a finding) without filling in the form."""
        index = self.combo.findData(provider_id if provider_id in self._providers else "")
        self.combo.setCurrentIndex(index)
        self._show_rules()
        if region:
            self.region.setCurrentIndex(max(0, self.region.findText(region)))

    def select_by_host(self, host: str) -> None:
        """Show the provider whose server this is, or "Other" (the admin typed a host)."""
        match = by_host(host)
        if match is None:
            self.select("")
        else:
            self.select(match.provider.id, match.region)

    @Slot()
    def _on_provider_chosen(self) -> None:
        self._show_rules()
        self._emit()

    @Slot()
    def _emit(self) -> None:
        self.chosen.emit(self.current(), self.current_region())

    def _show_rules(self) -> None:
        entry = self.current()
        self.region.clear()
        if entry is not None:
            self.region.addItems(list(entry.regions))
        self.region.setVisible(bool(entry and entry.regions))
        rule = entry.from_rule if entry is not None else None
        text = rule_text(rule).render(QCoreApplication.translate) if rule else ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))


def username_hint(entry: Provider | None) -> str:
    if entry is None:
        return QCoreApplication.translate("SettingsForm", "usually your full e-mail address")
    return rule_text(entry.username_rule, entry.username).render(QCoreApplication.translate)


def auth_for(entry: Provider, offered: list[AuthMethod]) -> AuthMethod:
    """OAuth2 when the provider takes nothing else (and the form offers it); else Automatic."""
    if set(entry.auth) == {AuthKind.OAUTH2} and AuthMethod.OAUTH2 in offered:
        return AuthMethod.OAUTH2
    return AuthMethod.AUTO


def forget_old_provider(form: SettingsForm, new: Provider | None) -> None:
    """Drop what belonged to the provider chosen before: its fixed user name and its OAuth2."""
    previous = form.username.property("providerUsername") or ""
    if previous and form.username.text() == previous:
        form.username.clear()  # a fixed name ("apikey") of the provider chosen before
    form.username.setProperty("providerUsername", "")
    if new is None or form.oauth.values().provider != new.id:  # another region: kept
        form.oauth.load(OAuthSettings())


def fill_from_provider(form: SettingsForm, entry: Provider | None, region: str) -> None:
    """Put the provider's preferred server, security, port and login rule into the form."""
    forget_old_provider(form, entry)
    form.username.setPlaceholderText(username_hint(entry))
    if entry is None:
        return
    server = entry.servers_in(region)[0]
    form.server.setText(server.host)
    offered = [AuthMethod(form.auth.itemData(i)) for i in range(form.auth.count())]
    form.apply(server.security, server.port, auth_for(entry, offered))
    form.oauth.fill_from(entry)
    if entry.username_rule is UsernameRule.FIXED:
        form.username.setText(entry.username)
        form.username.setProperty("providerUsername", entry.username)


def fill_from_finding(form: SettingsForm, finding: Finding) -> None:
    """Put a discovered server into the form, with its provider's login rule when known.

    A new server: the old one's user-name rule, OAuth2 block, CA file and pin go.
    """
    form.provider.select_by_host(finding.host)
    entry = form.provider.current()
    forget_old_provider(form, entry)
    form.trust.load(TrustMode.SYSTEM, "", "")
    form.server.setText(finding.host)
    form.username.setPlaceholderText(username_hint(entry))
    offered = [AuthMethod(form.auth.itemData(i)) for i in range(form.auth.count())]
    auth = finding.auth_method or (auth_for(entry, offered) if entry else AuthMethod.AUTO)
    form.apply(finding.security, finding.port, auth)
    if entry is not None:
        form.oauth.fill_from(entry)
    if finding.username:
        form.username.setText(finding.username)

"""ServerSync: the Server text, the Security dropdown and the Port follow each other.

A mixin of SettingsForm (like FileActions of the window): a typed ssl:// or :port sets the
dropdown and the spin box, a chosen security rewrites the prefix and a default port, and the
Provider, Detect and Find settings fill them in together. It holds no text of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Slot

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.providers.catalogue import by_host
from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    EndpointError,
    Security,
    ServerEntry,
    format_entry,
    parse_entries,
    with_port,
    with_prefix,
)
from smtpgui.ui.provider_field import fill_from_finding, fill_from_provider

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

    from smtpgui.core.discovery.detect import Suggestion
    from smtpgui.core.discovery.findings import Finding
    from smtpgui.core.providers.catalogue import Provider
    from smtpgui.ui.form import SettingsForm
    from smtpgui.ui.provider_field import ProviderField


class ServerSync:
    """Keeps server text, security and port in sync; `self` is the SettingsForm."""

    server: QLineEdit
    security: QComboBox
    port: QSpinBox
    auth: QComboBox
    provider: ProviderField

    def _touch(self, name: str) -> None:
        raise NotImplementedError  # SettingsForm's

    def _refresh(self) -> None:
        raise NotImplementedError  # SettingsForm's

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

    @Slot(object, str)
    def _on_provider_chosen(self, provider: Provider | None, region: str) -> None:
        if provider is not None and not self._may_replace_server(provider):
            self.provider.select_by_host(self.detect_host() or "")  # back to what is typed
            return
        fill_from_provider(self._form(), provider, region)
        self._touch("server")

    def _may_replace_server(self, provider: Provider) -> bool:
        """A server the admin typed (not a provider's) is replaced only when they say so."""
        from PySide6.QtWidgets import QMessageBox

        host = self.detect_host()
        if host is None or by_host(host) is not None:
            return True
        answer = QMessageBox.question(
            self._form(),
            QCoreApplication.translate("SettingsForm", "Replace the server?"),
            QCoreApplication.translate(
                "SettingsForm", "Replace the server you typed, %s, with the one of %s?"
            )
            % (host, provider.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(object)
    def apply_finding(self, finding: Finding) -> None:
        """Fill in what Find settings found (only when the admin chose it)."""
        fill_from_finding(self._form(), finding)
        self._touch("server")

    @Slot(object)
    def apply_suggestion(self, suggestion: Suggestion) -> None:
        """Fill in what Detect suggests."""
        self.apply(suggestion.security, suggestion.port, suggestion.auth)

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

    def _form(self) -> SettingsForm:
        return cast("SettingsForm", self)  # the mixin's only host

"""ProviderField: choose a well-known mail service; the form fills in its server, port and login."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.providers.catalogue import Provider, by_host, load_providers, rule_text
from smtpgui.ui.colours import colour
from smtpgui.ui.qt_enums import top_aligned
from smtpgui.ui.widgets.wrapped_label import WrappedLabel


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
        self.find_button = QPushButton(self.tr("Find settings…"))
        self.find_button.setToolTip(self.tr("Look up the server of an e-mail address"))
        self.find_button.hide()  # shown by the window once it handles find_requested
        self.hint = WrappedLabel(objectName="providerHint")
        self.hint.setStyleSheet(f"color: {colour('muted')};")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.region)
        row.addLayout(top_aligned(self.find_button))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.hint)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._on_provider_chosen)
        self.region.activated.connect(self._emit)
        self.find_button.clicked.connect(self.find_requested)
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

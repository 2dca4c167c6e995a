"""ArrivalFields: "Check that it arrived", the test recipient's mailbox read over IMAP after a test.

Off by default. The IMAP server is filled in from the provider catalogue for the Server and
Test recipient fields, until the admin types one. The mailbox's own login, when it is not the
SMTP one, lives only in this widget's memory: it is never saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smtpgui.core.providers.catalogue import catalogue_imap
from smtpgui.core.smtp.endpoint import EndpointError, Security, parse_entries

if TYPE_CHECKING:
    from smtpgui.core.deliverability.model import ArrivalCheck

DEFAULT_WAIT = 120  # seconds: a provider's spam filter may hold a message a minute or more


class ArrivalFields(QWidget):
    """A tick under the test recipient and, while it is ticked, a group with the mailbox's
    fields. `check()` is what the Job asks for.

    It follows the form's `server` and `recipient` fields (given in `__init__`) to suggest the
    provider's IMAP server; a server typed here is kept.
    """

    def __init__(
        self, server: QLineEdit, recipient: QLineEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("arrivalFields")
        self.enabled = QCheckBox(self.tr("Chec&k that it arrived"))
        self.enabled.setToolTip(
            self.tr(
                "After a passed test, look for the test message in the test recipient's "
                "mailbox (IMAP): in the Inbox or in the junk folder. It only reads."
            )
        )
        self._smtp_server, self._recipient = server, recipient
        self._typed = False  # the admin typed an IMAP server: no more suggestions
        self._build()
        self._lay_out()
        self.setFocusProxy(self.enabled)
        self._connect()
        self._suggest()
        self._show_login_rows()
        self._on_ticked(False)

    def _build(self) -> None:
        self.server = QLineEdit(placeholderText=self.tr("imap.example.com:993"))
        self.server.setAccessibleName(self.tr("IMAP server"))
        self.security = QComboBox()
        for label, value in (
            (self.tr("Automatic"), None),
            (self.tr("SSL/TLS"), Security.TLS),
            (self.tr("STARTTLS"), Security.STARTTLS),
            (self.tr("None"), Security.NONE),
        ):
            self.security.addItem(label, value)
        self.security.setAccessibleName(self.tr("IMAP security"))
        self.security.setToolTip(self.tr("Automatic: SSL/TLS, or STARTTLS on port 143"))
        self.same_login = QCheckBox(self.tr("Same login as SMTP"))
        self.same_login.setChecked(True)
        self.username = QLineEdit(placeholderText=self.tr("the mailbox's user name"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in memory only, never saved"))
        self.wait = QSpinBox(minimum=1, maximum=600, value=DEFAULT_WAIT, suffix=self.tr(" s"))
        self.delete = QCheckBox(self.tr("Delete the test message afterwards"))

    def _lay_out(self) -> None:
        """The rows in a body that shows only while the group is ticked: unticked, the group
        is one line in the form (the check is off by default)."""
        self._body = QGroupBox()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.enabled)
        column.addWidget(self._body)
        rows = QFormLayout(self._body)
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server, 1)
        server_row.addWidget(self.security)
        rows.addRow(self.tr("IMAP server:"), server_row)
        rows.addRow("", self.same_login)
        rows.addRow(self.tr("Mailbox user:"), self.username)
        rows.addRow(self.tr("Mailbox password:"), self.password)
        rows.addRow(self.tr("Wait up to:"), self.wait)
        rows.addRow("", self.delete)
        self._rows = rows

    def _connect(self) -> None:
        self.server.textEdited.connect(self._on_typed)
        self._smtp_server.textChanged.connect(self._suggest)
        self._recipient.textChanged.connect(self._suggest)
        self.same_login.toggled.connect(self._show_login_rows)
        self.enabled.toggled.connect(self._on_ticked)

    def tab_chain(self) -> list[QWidget]:
        """The tick, then the fields top to bottom (skipped by Tab while hidden)."""
        fields = [self.server, self.security, self.same_login, self.username, self.password]
        return [self.enabled, *fields, self.wait, self.delete]

    def check(self) -> ArrivalCheck | None:
        """What the admin asked for; None while the group is not ticked."""
        if not self.enabled.isChecked():
            return None
        # The deliverability model loads with the first ticked Test, not before the first
        # paint (issue 20).
        from smtpgui.core.deliverability.model import ArrivalCheck

        own = not self.same_login.isChecked()
        return ArrivalCheck(
            server=self.server.text().strip(),
            security=self.security.currentData(),
            username=self.username.text().strip() if own else "",
            limit=float(self.wait.value()),
            delete=self.delete.isChecked(),
            password=self.password.text() if own else "",
        )

    @Slot(str)
    def _on_typed(self, text: str) -> None:
        self._typed = bool(text.strip())  # emptied: the suggestion comes back
        if not self._typed:
            self._suggest()

    @Slot()
    def _suggest(self) -> None:
        """The catalogue's IMAP server for the typed SMTP server or recipient, if it has one."""
        if self._typed:
            return
        try:
            host = parse_entries(self._smtp_server.text())[0].host
        except EndpointError:
            host = ""
        imap, _vouched = catalogue_imap(host, self._recipient.text().strip())
        self.server.setText(f"{imap.host}:{imap.port}" if imap is not None else "")
        self.server.setCursorPosition(0)  # a narrow field shows the host's start

    @Slot(bool)
    def _on_ticked(self, ticked: bool) -> None:
        """Unticked, only the tick shows: no empty frame under the recipient."""
        self._body.setVisible(ticked)

    @Slot()
    def _show_login_rows(self) -> None:
        own = not self.same_login.isChecked()
        for field in (self.username, self.password):
            self._rows.setRowVisible(field, own)

"""StatusPanel: the outcome in plain words: idle hint, progress, success, or the diagnosis."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, shown
from smtpgui.ui.colours import box, colour
from smtpgui.ui.phase_list import phase_label
from smtpgui.ui.qt_enums import set_enum

if TYPE_CHECKING:
    from smtpgui.core.diagnosis.diagnose import Diagnosis
    from smtpgui.core.jobs import Outcome
    from smtpgui.core.smtp.result import ProbeResult


class StatusPanel(QFrame):
    """A bordered box with a bold title and a body (plain text or numbered steps)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("statusTitle")
        self.body = QLabel(wordWrap=True)
        self.body.setObjectName("statusBody")
        set_enum(self.body, "textFormat", "RichText")
        set_enum(self.body, "textInteractionFlags", "TextBrowserInteraction")
        self.body.setOpenExternalLinks(True)  # a provider's help pages, in the browser
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.body)
        self.kind = "idle"

    def show_message(self, kind: str, title: str, body: str = "") -> None:
        self._style(kind)
        self.title.setText(title)
        paragraphs = (html.escape(part) for part in body.split("\n\n") if part.strip())
        self._set_body("".join(f"<p>{part}</p>" for part in paragraphs))
        self.body.setVisible(bool(body))
        self._announce()

    def show_diagnosis(
        self, diagnosis: Diagnosis, reply: str, step: str = "", extra: str = "", kind: str = "error"
    ) -> None:
        self._style(kind)
        self.title.setText(diagnosis.title)
        muted = colour("muted")
        parts = [f'<p style="color:{muted}">{html.escape(step)}</p>'] if step else []
        parts.append(f"<p>{html.escape(diagnosis.explanation)}</p>")
        if reply and reply not in diagnosis.explanation:
            parts.append(f"<p><tt>{html.escape(reply)}</tt></p>")
        if diagnosis.steps:
            items = "".join(f"<li>{html.escape(step)}</li>" for step in diagnosis.steps)
            parts.append(f"<ol>{items}</ol>")
        if diagnosis.hint:
            tip = html.escape(self.tr("Tip: %s") % diagnosis.hint)
            parts.append(f'<p style="color:{colour("blue")}">{tip}</p>')
        if diagnosis.provider:
            parts.append(_provider_html(diagnosis))
        if extra:
            parts.append(f"<p>{html.escape(extra)}</p>")
        self._set_body("".join(parts))
        self.body.show()
        self._announce()

    def add_paragraph(self, text: str, kind: str = "tip") -> None:
        """One more paragraph under the body: a tip (blue) or a warning (red, with ⚠)."""
        shade, mark = (colour("blue"), "") if kind == "tip" else (colour("red"), "⚠ ")
        paragraph = f'<p style="color:{shade}">{mark}{html.escape(text)}</p>'
        self._set_body(self.body.text() + paragraph)
        self.body.show()

    def add_suggestion(self, text: str) -> None:
        """A suggestion under the outcome (in blue), read with it by a screen reader too."""
        self.add_paragraph(text)
        self._describe()

    def add_warning(self, text: str) -> None:
        """A warning under the outcome (in red, with ⚠), read with it by a screen reader too."""
        self.add_paragraph(text, "warning")
        self._describe()

    def _describe(self) -> None:
        self.setAccessibleDescription(self.plain_text().removeprefix(self.title.text()).strip())

    def _announce(self) -> None:
        """Tell a screen reader: the panel's name is the title, its description the body."""
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.plain_text().removeprefix(self.title.text()).strip())
        if not self.isVisible():
            return  # not on screen yet (the window being built): nothing to read out
        # Imported here: the first paint does without QAccessible's enums (issue 20).
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        if self.kind in ("ok", "error"):  # an outcome: read out at once
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _set_body(self, text: str) -> None:
        # A Tab stop only when there is a link to follow: plain words are no place to stop at.
        self.body.setText(text)
        links = "<a " in text
        set_enum(self.body, "focusPolicy", "StrongFocus" if links else "NoFocus")

    def plain_text(self) -> str:
        """Title and body as plain text (numbered steps stay numbered): to copy and paste."""
        from PySide6.QtGui import QTextDocument

        body = QTextDocument()
        body.setHtml(self.body.text())
        return f"{self.title.text()}\n\n{body.toPlainText().strip()}".strip()

    def text(self) -> str:
        return f"{self.title.text()}\n{self.body.text()}"

    def _style(self, kind: str) -> None:
        if kind == self.kind and self.styleSheet():
            return  # a style sheet re-polishes the panel: only when the look changes
        self.kind = kind
        background, border, text = box(kind)
        # The text colour goes with the background: a dark theme's light text on a light box
        # (or the other way round) would not read.
        self.setStyleSheet(
            f"#statusPanel {{ background: {background}; border: 1px solid "
            f"{border}; border-left: 4px solid {border}; border-radius: 4px; }}"
            f" #statusPanel QLabel {{ color: {text}; }}"
        )

    def show_outcome(
        self, outcome: Outcome, *, saving: bool, store_path: str, recipient: str
    ) -> Diagnosis | None:
        """Show how a Test or Save ended; returns the diagnosis shown, if any."""
        result = outcome.result
        if result.cancelled:
            self.show_message(
                "idle",
                self.tr("Test cancelled"),
                self.tr("Nothing was sent and nothing was saved."),
            )
        elif result.ok and outcome.saved:
            self.show_message(
                "ok",
                self.tr("Test passed; settings saved"),
                self.tr(
                    "The server accepted the test message in %d ms. The password is in the "
                    "keyring, the rest in %s."
                )
                % (result.elapsed_ms, store_path),
            )
        elif result.ok and outcome.save_error:
            self.show_message(
                "error",
                self.tr("The test passed, but nothing was saved"),
                shown(outcome.save_error, QCoreApplication.translate),
            )
        elif result.ok:
            self.show_message(
                "ok",
                self.tr("Test passed"),
                self.tr(
                    "The server accepted the test message in %d ms; look for it in %s. Press Save "
                    "to keep these settings."
                )
                % (result.elapsed_ms, recipient),
            )
        elif outcome.diagnosis is not None:  # made in the core, shown in the window's language
            diagnosis = outcome.diagnosis.translated(QCoreApplication.translate)
            extra = self.tr("Nothing was saved.") if saving else ""
            if outcome.save_error:
                save_error = shown(outcome.save_error, QCoreApplication.translate)
                extra = f"{save_error} {extra}".strip()
            step = self._step_text(result)
            kind = "uncertain" if result.uncertain else "error"
            self.show_diagnosis(diagnosis, result.reply, step, extra, kind)
            return diagnosis
        return None

    def _step_text(self, result: ProbeResult) -> str:
        if result.phase is None:
            return ""
        if result.uncertain:  # the message may have been delivered: not a failed step
            return self.tr("Step with no confirmation: %s") % phase_label(result.phase)
        return self.tr("Failed step: %s") % phase_label(result.phase)


def _provider_html(diagnosis: Diagnosis) -> str:
    """The provider's rules and help pages, under the steps."""
    import urllib.parse  # only for a failure at a known provider

    title = QCoreApplication.translate("StatusPanel", "About %s:") % diagnosis.provider
    items = [f"<li>{html.escape(note)}</li>" for note in diagnosis.notes]
    for link in diagnosis.links:
        label = QCoreApplication.translate("StatusPanel", _TOPICS.get(link.topic, _OTHER))
        host = urllib.parse.urlsplit(link.url).hostname or ""
        href = html.escape(link.url, quote=True)
        items.append(f'<li><a href="{href}">{html.escape(label)}</a> ({html.escape(host)})</li>')
    return f"<p>{html.escape(title)}</p><ul>{''.join(items)}</ul>"


_OTHER = QT_TRANSLATE_NOOP("StatusPanel", "Help page")
_TOPICS = {
    "settings": QT_TRANSLATE_NOOP("StatusPanel", "Settings guide"),
    "app-password": QT_TRANSLATE_NOOP("StatusPanel", "How to make an app password"),
    "oauth2": QT_TRANSLATE_NOOP("StatusPanel", "OAuth2 set-up"),
    "credentials": QT_TRANSLATE_NOOP("StatusPanel", "SMTP credentials"),
}

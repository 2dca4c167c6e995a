"""The Python API for the office's scripts: send mail through the saved server.

    import smtpgui
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["To"] = "customer@example.com"
    msg["Subject"] = "Your invoice"
    msg.set_content("...")
    smtpgui.send_message(msg)   # From, Reply-To, server, login and trust: as saved

A batch (invoices at month's end) goes through one connection and one login:

    for report in smtpgui.send_messages(messages):
        print(report.message_id, report.outcome)   # accepted / refused / uncertain / not-sent

Errors are SmtpguiError subclasses; a SendError carries the ProbeResult and the Diagnosis the
window would show.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid
from typing import TYPE_CHECKING

from smtpgui.core.exit_codes import exit_code
from smtpgui.core.jobs import Outcome as TestOutcome
from smtpgui.core.jobs import no_password_for
from smtpgui.core.profile.addresses import control_characters, mailbox
from smtpgui.core.profile.secrets import SecretKind, SecretStore, SecretStoreError, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.smtp.batch import Batch, MessageReport, Outcome, Pacer, published_rate
from smtpgui.core.smtp.message import TestMessage, sender_headers
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.probe import Callback, SmtpProbe
from smtpgui.core.smtp.result import Failure, ProbeResult

if TYPE_CHECKING:
    from smtpgui.core.diagnosis.diagnose import Diagnosis


class SmtpguiError(Exception):
    """Base of every error this API raises."""


class NotConfiguredError(SmtpguiError):
    """No usable settings are saved (run smtpgui and press Save first)."""


class PasswordUnavailableError(SmtpguiError):
    """The saved password cannot be read from the keyring."""


class SignInRequiredError(PasswordUnavailableError):
    """OAuth2: no access token could be had (no sign-in saved, or it was revoked)."""


class SendError(SmtpguiError):
    """The server did not take the message. `diagnosis` says why and what to do."""

    def __init__(self, result: ProbeResult, diagnosis: Diagnosis) -> None:
        super().__init__(f"{diagnosis.title}: {diagnosis.explanation}")
        self.result = result
        self.diagnosis = diagnosis
        self.exit_code = exit_code(result)


class ConnectionFailedError(SendError):
    """The server could not be reached or stopped answering."""


class SecurityError(SendError):
    """TLS, STARTTLS or the certificate check failed."""


class AuthenticationError(SendError):
    """The login was refused or impossible."""


class SenderRefusedError(SendError):
    """MAIL FROM was refused (often: not allowed to send as this sender)."""


class RecipientRefusedError(SendError):
    """A recipient was refused (RCPT TO)."""


class MessageRefusedError(SendError):
    """The message itself was refused after DATA."""


class DeliveryUncertainError(SendError):
    """The whole message was sent but the server never confirmed it: it may have been delivered.

    Sending it again may deliver it twice (RFC 1047); check with the recipient first.
    """


_ERROR_BY_PHASE: dict[Phase, type[SendError]] = {
    Phase.TLS: SecurityError,
    Phase.STARTTLS: SecurityError,
    Phase.AUTH: AuthenticationError,
    Phase.MAIL: SenderRefusedError,
    Phase.RCPT: RecipientRefusedError,
    Phase.DATA: MessageRefusedError,
}
_SECURITY_FAILURES = frozenset({Failure.TLS, Failure.CERTIFICATE, Failure.CA_FILE})


def load_settings(store: SettingsStore | None = None) -> Settings:
    """The saved settings; NotConfiguredError when there are none or they cannot be used."""
    try:
        settings = (store or SettingsStore()).load()
    except SettingsFileError as exc:
        raise NotConfiguredError(str(exc)) from None
    if settings is None:
        raise NotConfiguredError(
            "No outgoing mail server is saved: open smtpgui, test the settings and press Save."
        )
    return settings


def send_message(
    msg: EmailMessage,
    *,
    settings: Settings | None = None,
    password: str | None = None,
    secrets: SecretStore | None = None,
    callback: Callback | None = None,
) -> ProbeResult:
    """Send `msg` through the saved server (or `settings`), as the window's test does.

    The From override applies: with a forced From, the mail goes out From it and the
    original sender becomes Reply-To (unless the message has one). Recipients are To, Cc and
    Bcc; Bcc is not sent in the headers.
    """
    settings = settings or load_settings()
    if password is None and settings.auth is AuthMethod.OAUTH2:
        password = _access_token(settings, secrets or SecretStore())
    elif password is None:
        password = _stored_password(settings, secrets or SecretStore())
    prepared = _prepare(msg, settings)
    outcome = TestOutcome(SmtpProbe(settings, password, prepared, callback).run())
    _forget_if_refused(settings, outcome.result)
    if outcome.diagnosis is not None:  # made by the core for a failed result
        raise _error_class(outcome.result)(outcome.result, outcome.diagnosis)
    return outcome.result


def send_messages(
    messages: Iterable[EmailMessage],
    *,
    settings: Settings | None = None,
    password: str | None = None,
    secrets: SecretStore | None = None,
    callback: Callback | None = None,
    per_minute: int | None = None,
    progress: Callable[[MessageReport], None] | None = None,
) -> list[MessageReport]:
    """Send every message through one connection and one login; one report per message.

    Each message is prepared as send_message() prepares it. Messages go at most `per_minute`
    a minute (default: the provider's published limit, e.g. Microsoft 365's 30). When the server
    closes the connection a new one is opened; a message whose end was sent but not answered is
    reported UNCERTAIN and never sent twice. `progress` gets each report as soon as it is made.
    Raises only what stops the whole batch before it starts (no settings, no password).
    """
    settings = settings or load_settings()
    if password is None:
        password = _secret_for(settings, secrets or SecretStore())
    pacer = Pacer(per_minute if per_minute is not None else published_rate(settings))
    batch = Batch(settings, password, callback, pacer)
    reports: list[MessageReport] = []

    def report(one: MessageReport) -> None:
        reports.append(one)
        if progress is not None:
            progress(one)

    for one in batch.send_all(_prepared_all(messages, settings, report)):
        report(one)
    for one in reports:
        _forget_if_refused(settings, one.result)
    return sorted(reports, key=lambda r: r.index)


def _forget_if_refused(settings: Settings, result: ProbeResult) -> None:
    """A refused OAuth2 access token is dropped: the next send refreshes it."""
    if settings.auth is AuthMethod.OAUTH2:
        from smtpgui.core.oauth.session import forget_if_refused

        forget_if_refused(settings, result)


def _prepared_all(
    messages: Iterable[EmailMessage], settings: Settings, report: Callable[[MessageReport], None]
) -> Iterator[tuple[int, TestMessage]]:
    """The messages as sent; one that cannot be sent (no recipient) is reported, not sent."""
    for index, msg in enumerate(messages):
        try:
            prepared = _prepare(msg, settings)
        except SmtpguiError as exc:
            result = ProbeResult(ok=False, failure=Failure.PROTOCOL, detail=str(exc))
            message_id = str(msg["Message-ID"] or "")
            report(MessageReport(index, message_id, Outcome.NOT_SENT, result))
            continue
        yield index, prepared


def _secret_for(settings: Settings, secrets: SecretStore) -> str:
    if settings.auth is AuthMethod.OAUTH2:
        return _access_token(settings, secrets)
    return _stored_password(settings, secrets)


def _stored_password(settings: Settings, secrets: SecretStore) -> str:
    if settings.auth is AuthMethod.NONE:
        return ""
    try:
        # Bound: a stored password goes only to the user and servers it was saved for, so
        # settings passed in by a caller cannot send it anywhere else.
        password = secrets.get(binding_of(settings, SecretKind.PASSWORD))
    except SecretStoreError as exc:
        raise PasswordUnavailableError(str(exc)) from None
    if password is None:
        raise PasswordUnavailableError(
            f"{no_password_for(settings)} Or save these settings in smtpgui."
        )
    return password


def _access_token(settings: Settings, secrets: SecretStore) -> str:
    """The saved sign-in's access token, refreshed when it has under a minute left."""
    from smtpgui.core.oauth.session import access_tokens
    from smtpgui.core.oauth.tokens import OAuthError

    try:
        return access_tokens(settings, secrets).access_token
    except (OAuthError, SecretStoreError) as exc:
        raise SignInRequiredError(str(exc)) from None


def _prepare(msg: EmailMessage, settings: Settings) -> TestMessage:
    """A copy of `msg` with the From override applied and Bcc removed, plus its envelope."""
    prepared = copy.deepcopy(msg)
    own = str(msg["From"] or settings.recipient or settings.from_address)
    sender, reply_to = sender_headers(own, settings.from_address)
    del prepared["From"]
    prepared["From"] = sender
    if reply_to and not msg["Reply-To"]:
        prepared["Reply-To"] = reply_to
    del prepared["Bcc"]  # recipients see neither the Bcc list nor that there was one
    if not msg["Date"]:
        prepared["Date"] = formatdate(localtime=True)
    if not msg["Message-ID"]:
        domain = mailbox(sender).rpartition("@")[2] or "localhost"  # else getfqdn(): DNS
        prepared["Message-ID"] = make_msgid("smtpgui", domain=domain)
    _refuse_line_breaks(msg)
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in msg.get_all(name, [])]
    recipients = tuple(address for _, address in getaddresses(fields) if address)
    for address in recipients:
        if control_characters(address):
            raise SmtpguiError(
                f"The recipient {address!a} holds a line break or a control character."
            )
    if not recipients:
        raise SmtpguiError("The message has no recipient (To, Cc or Bcc).")
    return TestMessage(envelope_from=mailbox(sender), recipients=recipients, message=prepared)


def _refuse_line_breaks(msg: EmailMessage) -> None:
    """No header of `msg` may hold a line break other than folding (CRLF + space): one would
    start a header of its own (a Bcc, a second From) in the mail sent."""
    for name, value in msg.items():
        unfolded = _FOLDING.sub(" ", str(value))
        if control_characters(name) or control_characters(unfolded.replace("\t", " ")):
            raise SmtpguiError(f"The {name!a} header holds a line break or a control character.")


_FOLDING = re.compile(r"\r?\n(?=[ \t])")


def _error_class(result: ProbeResult) -> type[SendError]:
    if result.uncertain:
        return DeliveryUncertainError
    if result.failure in _SECURITY_FAILURES:
        return SecurityError
    return _ERROR_BY_PHASE.get(result.phase or Phase.CONNECT, ConnectionFailedError)

"""A test followed, only on success, by a save: the unit of work behind Test and Save."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.oauth_settings import refresh_account
from smtpgui.core.result import Failure, Phase, ProbeResult
from smtpgui.core.secrets import SecretStore, SecretStoreError
from smtpgui.core.settings import AuthMethod, Settings, SettingsStore

if TYPE_CHECKING:
    from smtpgui.core.oauth import Tokens
    from smtpgui.core.probe import Callback, SmtpProbe


@dataclass(frozen=True)
class Job:
    """What Test or Save asks for. `password=None` means "the stored one"."""

    settings: Settings
    password: str | None
    save: bool
    subject: str
    body: str
    stored_account: str | None = None  # where the saved password lives (before any rename)
    send: bool = True  # False: stop after AUTH (the CLI's --no-send); never saves
    tokens: Tokens | None = None  # OAuth2: a sign-in not saved yet (else the keyring's)


@dataclass(frozen=True)
class Outcome:
    result: ProbeResult
    saved: bool = False
    save_error: str = ""


class JobRunner:
    """Runs a Job on the calling (worker) thread; `cancel()` is safe from any thread."""

    def __init__(
        self,
        job: Job,
        callback: Callback,
        store: SettingsStore | None = None,
        secrets: SecretStore | None = None,
    ) -> None:
        self._job = job
        self._callback = callback
        self._store = store or SettingsStore()
        self._secrets = secrets or SecretStore()
        self._cancelled = threading.Event()
        self._probe: SmtpProbe | None = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled.set()
            probe = self._probe
        if probe is not None:
            probe.cancel()

    def run(self) -> Outcome:
        # Imported here, on the worker thread: smtplib, ssl and email take tens of
        # milliseconds to load, which the window's event loop must not wait for.
        from smtpgui.core.envelope import ascii_address
        from smtpgui.core.message import build_test_message
        from smtpgui.core.oauth import OAuthError
        from smtpgui.core.probe import SmtpProbe

        job = self._job
        password, error = self._password()
        secret = password  # what a save puts in the keyring
        if job.settings.auth is AuthMethod.OAUTH2:
            try:
                password, secret = self._access_token()
            except (OAuthError, SecretStoreError) as exc:  # both say what to do
                return Outcome(self._sign_in_failed(_message(exc)))
        message = (
            build_test_message(
                own_address=ascii_address(job.settings.recipient),
                forced_from=ascii_address(job.settings.from_address),
                subject=job.subject,
                body=job.body,
            )
            if job.send
            else None
        )
        probe = SmtpProbe(job.settings, password, message, self._callback)
        with self._lock:
            self._probe = probe
            if self._cancelled.is_set():
                probe.cancel()
        result = probe.run()
        if not (result.ok and job.save and job.send):
            return Outcome(result, save_error=error if job.save and not result.ok else "")
        if self._cancelled.is_set():  # after the test passed, before the save: nothing saved
            return Outcome(
                result, save_error=Text("Probe", QT_TRANSLATE_NOOP("Probe", "Cancelled."))
            )
        try:
            save_profile(job.settings, secret, self._store, self._secrets, job.stored_account)
        except (SecretStoreError, OSError) as exc:
            return Outcome(result, saved=False, save_error=_save_error(exc))
        return Outcome(result, saved=True)

    def _access_token(self) -> tuple[str, str]:
        """(access token, refresh token): refreshed first when it has under a minute left."""
        from smtpgui.core.oauth_session import access_tokens

        job = self._job
        tokens = access_tokens(job.settings, self._secrets, job.tokens, job.stored_account)
        return tokens.access_token, tokens.refresh_token

    def _sign_in_failed(self, message: str) -> ProbeResult:
        from smtpgui.core.transcript import Direction, TranscriptLine

        self._callback(TranscriptLine(Direction.ERROR, message, 0))
        endpoints = self._job.settings.endpoints
        return ProbeResult(
            ok=False,
            phase=Phase.AUTH,
            failure=Failure.SIGN_IN,
            detail=message,
            endpoint=str(endpoints[0]) if endpoints else "",
        )

    def _password(self) -> tuple[str, str]:
        job = self._job
        if job.settings.auth is AuthMethod.OAUTH2:
            return "", ""
        if job.password is not None or job.settings.auth is AuthMethod.NONE:
            return job.password or "", ""
        try:
            stored = self._secrets.get(job.stored_account or job.settings.account)
        except SecretStoreError as exc:
            return "", _message(exc)
        return stored or "", ""


def save_profile(
    settings: Settings,
    password: str,
    store: SettingsStore,
    secrets: SecretStore,
    previous_account: str | None = None,
) -> None:
    """Keyring first, file last; if the file cannot be written, the old password is put back.

    The file is what other programs read: written last, it never points at a password that
    is not in the keyring yet. With OAuth2, `password` is the refresh token, stored under
    `Settings.refresh_account` (the access token is never stored).
    """
    needs_password = settings.auth is not AuthMethod.NONE
    account = secret_account(settings)
    old_password = secrets.get(account) if needs_password else None
    if needs_password:
        secrets.set(account, password)
    try:
        store.save(settings)
    except OSError:
        if needs_password:
            _restore(secrets, account, old_password)
        raise
    if previous_account and previous_account != settings.account:
        with contextlib.suppress(SecretStoreError):
            secrets.delete(previous_account)
            if settings.auth is AuthMethod.OAUTH2:
                secrets.delete(refresh_account(previous_account))


def secret_account(settings: Settings) -> str:
    """The keyring account of the profile's secret: the password, or the refresh token."""
    return settings.refresh_account if settings.auth is AuthMethod.OAUTH2 else settings.account


def delete_profile(store: SettingsStore, secrets: SecretStore, account: str | None) -> None:
    """Forget the saved settings and password (the file first: nothing then points at it)."""
    store.delete()
    if account:
        secrets.delete(account)


def _restore(secrets: SecretStore, account: str, password: str | None) -> None:
    with contextlib.suppress(SecretStoreError):
        if password is None:
            secrets.delete(account)
        else:
            secrets.set(account, password)


def _save_error(exc: Exception) -> str:
    if isinstance(exc, SecretStoreError):
        return _message(exc)
    reason = getattr(exc, "strerror", None) or type(exc).__name__
    where = getattr(exc, "filename", None)
    if not where:
        return Text(
            "Settings",
            QT_TRANSLATE_NOOP(
                "Settings",
                "The settings could not be written to the settings folder ({reason}). "
                "Nothing was changed.",
            ),
            reason=reason,
        )
    return Text(
        "Settings",
        QT_TRANSLATE_NOOP(
            "Settings",
            "The settings could not be written to {where} ({reason}). Nothing was changed.",
        ),
        where=str(where),
        reason=reason,
    )


def _message(exc: Exception) -> str:
    """The exception's message as raised: a Text stays a Text (str() would drop the template)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)

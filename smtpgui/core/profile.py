"""A test followed, only on success, by a save: the unit of work behind Test and Save."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text
from smtpgui.core.oauth_settings import client_secret_account, profile_accounts
from smtpgui.core.result import Failure, Phase, ProbeResult
from smtpgui.core.secrets import SecretStore, SecretStoreError
from smtpgui.core.settings import AuthMethod, Settings
from smtpgui.core.settings_store import SettingsStore

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
    client_secret: str | None = None  # OAuth2: None means the stored one ("" when none)


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
        from smtpgui.core.probe import SmtpProbe

        job = self._job
        password, error = self._password()
        secret = password  # what a save puts in the keyring
        client_secret = None
        if job.settings.auth is AuthMethod.OAUTH2:
            from smtpgui.core.oauth import OAuthError  # urllib: only for an OAuth2 login

            try:
                client_secret = self._client_secret()
                password, secret = self._access_token(client_secret)
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
            save_profile(
                job.settings,
                secret,
                self._store,
                self._secrets,
                job.stored_account,
                client_secret,
            )
        except Exception as exc:  # rolled back by save_profile; the test result still stands
            return Outcome(result, saved=False, save_error=_save_error(exc))
        return Outcome(result, saved=True)

    def _access_token(self, client_secret: str) -> tuple[str, str]:
        """(access token, refresh token): refreshed first when it has under a minute left."""
        from smtpgui.core.oauth_session import access_tokens

        job = self._job
        tokens = access_tokens(
            job.settings, self._secrets, job.tokens, job.stored_account, client_secret
        )
        return tokens.access_token, tokens.refresh_token

    def _client_secret(self) -> str:
        """The typed client secret, else the stored one (of the name before a rename)."""
        from smtpgui.core.oauth_session import client_secret_of

        job = self._job
        owner = job.stored_account or job.settings.account
        return client_secret_of(self._secrets, owner, job.client_secret)

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
    client_secret: str | None = None,
) -> None:
    """Keyring first, file last; if the file cannot be written, the old secrets are put back.

    The file is what other programs read: written last, it never points at a password that
    is not in the keyring yet. With OAuth2, `password` is the refresh token, stored under
    `Settings.refresh_account` (the access token is never stored), and `client_secret` is
    stored, or deleted when "" (None: left as it is). Once the file is written, the secrets
    the profile no longer uses go: the password of a profile that now signs in with OAuth2,
    the tokens of one that now uses a password, and those of its name before a rename.
    """
    wanted = _secrets_of(settings, password, client_secret)
    old = {account: secrets.get(account) for account in wanted}
    try:
        for account, value in wanted.items():
            _put(secrets, account, value)
        store.save(settings)
    except BaseException:  # anything at all (a bug, Ctrl-C): no new secret without its file
        for account, value in old.items():
            with contextlib.suppress(SecretStoreError):
                _put(secrets, account, value)
        raise
    stale = set(profile_accounts(settings.account)) - set(wanted)
    if settings.auth is AuthMethod.OAUTH2 and client_secret is None:
        stale.discard(client_secret_account(settings.account))  # left as it is
    if previous_account and previous_account != settings.account:
        stale.update(profile_accounts(previous_account))
    with contextlib.suppress(SecretStoreError):
        for account in sorted(stale):
            secrets.delete(account)


def _secrets_of(
    settings: Settings, password: str, client_secret: str | None
) -> dict[str, str | None]:
    """What the keyring must hold for this profile (None: nothing under that account)."""
    if settings.auth is AuthMethod.NONE:
        return {}
    if settings.auth is not AuthMethod.OAUTH2:
        return {settings.account: password}
    wanted: dict[str, str | None] = {settings.refresh_account: password}
    if client_secret is not None:
        wanted[client_secret_account(settings.account)] = client_secret or None
    return wanted


def _put(secrets: SecretStore, account: str, value: str | None) -> None:
    if value is None:
        secrets.delete(account)
    else:
        secrets.set(account, value)


def secret_account(settings: Settings) -> str:
    """The keyring account of the profile's secret: the password, or the refresh token."""
    return settings.refresh_account if settings.auth is AuthMethod.OAUTH2 else settings.account


def delete_profile(store: SettingsStore, secrets: SecretStore, account: str | None) -> None:
    """Forget the saved settings and every secret of the profile (the file first: nothing
    then points at them)."""
    store.delete()
    if account:
        for name in profile_accounts(account):
            secrets.delete(name)


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

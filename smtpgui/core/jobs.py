"""A test followed, only on success, by a save: the unit of work behind Test and Save."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from smtpgui.core.profile.secrets import (
    Binding,
    SecretKind,
    SecretStore,
    SecretStoreError,
    binding_of,
    kinds_used,
)
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure, ProbeResult
from smtpgui.core.smtp.transcript import Redactor, TranscriptLine
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text, message_of

if TYPE_CHECKING:
    from smtpgui.core.deliverability.arrival import Arrival
    from smtpgui.core.deliverability.beside_test import DomainCheckBesideTest
    from smtpgui.core.deliverability.model import ArrivalCheck, DomainReport, Finding
    from smtpgui.core.diagnosis.diagnose import Diagnosis
    from smtpgui.core.oauth.tokens import Tokens
    from smtpgui.core.smtp.message import TestMessage
    from smtpgui.core.smtp.probe import Callback, SmtpProbe


@dataclass(frozen=True)
class Job:
    """What Test or Save asks for. `password=None` means "the stored one"."""

    settings: Settings
    password: str | None
    save: bool
    subject: str
    body: str
    send: bool = True  # False: stop after AUTH (the CLI's --no-send); never saves
    tokens: Tokens | None = None  # OAuth2: a sign-in not saved yet (else the keyring's)
    client_secret: str | None = None  # OAuth2: None means the stored one ("" when none)
    domain_check: bool = True  # judge the From domain's SPF/DKIM/DMARC beside the test
    dns_server: str = ""  # "host[:port]" for the domain check; "" the system's
    arrival: ArrivalCheck | None = None  # look for the test message over IMAP (off: None)


@dataclass(frozen=True)
class Outcome:
    """How a Test or Save ended: what the window, the CLI and the API show.

    `diagnosis` is made here, once, for a failed result (None after a pass): its texts are
    Text, which each view translates. `deliverability`: the domain check after a passed test
    (None: not run, or `deliverability_note` says why).
    """

    result: ProbeResult
    saved: bool = False
    save_error: str = ""
    deliverability: DomainReport | None = None
    deliverability_note: str = ""
    arrival: Arrival | None = None  # what the mailbox showed (None: not asked, or unreadable)
    arrival_finding: Finding | None = None  # the verdict on it, when asked
    diagnosis: Diagnosis | None = None

    def __post_init__(self) -> None:
        if self.diagnosis is None and not self.result.ok:
            # The rule catalogue loads only when something failed (on the worker thread).
            from smtpgui.core.diagnosis.diagnose import diagnose

            object.__setattr__(self, "diagnosis", diagnose(self.result))


def failed_before_connecting(settings: Settings, failure: Failure, message: str) -> Outcome:
    """No secret to log in with (no password, a failed sign-in): AUTH fails before a byte is
    sent. The one place this result is made (the window's and CLI's test, `oauth sign-in`)."""
    endpoint = settings.endpoints[0] if settings.endpoints else None
    return Outcome(
        ProbeResult(ok=False, phase=Phase.AUTH, failure=failure, detail=message, endpoint=endpoint)
    )


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
        self._probe_started = 0.0  # time.monotonic() as the probe began: its lines count from it
        self._tokens: Tokens | None = None  # OAuth2: the sign-in this run's tests used
        self._lock = threading.Lock()
        own = job.arrival.password if job.arrival is not None else ""  # the mailbox's own
        self._redactor = Redactor(
            [job.password or "", job.client_secret or "", own], job.settings.username
        )

    def cancel(self) -> None:
        with self._lock:
            self._cancelled.set()
            probe = self._probe
        if probe is not None:
            probe.cancel()

    def run(self) -> Outcome:
        login = self._login()
        if isinstance(login, Outcome):  # no password, or no sign-in: AUTH failed already
            return login
        password, secret, client_secret = login
        probe = self._probe_for(password)
        checker = self._start_domain_check()
        self._probe_started = time.monotonic()
        result = probe.run()
        self._forget_refused_token(result)
        outcome = self._after_test(result, secret, client_secret)
        if not result.ok:
            return outcome
        if checker is not None:
            # Save first, then wait: a slow DNS server never delays what the admin asked for.
            limit = 0.0 if self._cancelled.is_set() else self._job.settings.timeout
            report, note = checker.report(limit)
            outcome = replace(outcome, deliverability=report, deliverability_note=note)
        return self._with_arrival(outcome, password)

    def _login(self) -> tuple[str, str, str | None] | Outcome:
        """(what AUTH sends, what a save stores, the client secret), or the failed Outcome."""
        password, error = self._password()
        if error:
            return self._failed_before_connecting(error, Failure.NO_PASSWORD)
        if self._job.settings.auth is not AuthMethod.OAUTH2:
            return password, password, None
        from smtpgui.core.oauth.tokens import OAuthError  # urllib: only for an OAuth2 login

        try:
            client_secret = self._client_secret()
            self._redactor = self._redactor.including([client_secret], "")
            access, refresh = self._access_token(client_secret)
        except (OAuthError, SecretStoreError) as exc:  # both say what to do
            return self._failed_before_connecting(message_of(exc), Failure.SIGN_IN)
        self._redactor = self._redactor.including([access, refresh], self._job.settings.username)
        return access, refresh, client_secret

    def _probe_for(self, password: str) -> SmtpProbe:
        """The job's probe, known to cancel() from now on."""
        # Imported here, on the worker thread: smtplib, ssl and email take tens of
        # milliseconds to load, which the window's event loop must not wait for.
        from smtpgui.core.smtp.probe import SmtpProbe

        job = self._job
        message = self._test_message()
        probe = SmtpProbe(job.settings, password, message, self._callback, redactor=self._redactor)
        with self._lock:
            self._probe = probe
            if self._cancelled.is_set():
                probe.cancel()
        return probe

    def _test_message(self) -> TestMessage | None:
        from smtpgui.core.smtp.envelope import ascii_address
        from smtpgui.core.smtp.message import build_test_message

        job = self._job
        if not job.send:
            return None
        return build_test_message(
            own_address=ascii_address(job.settings.recipient),
            forced_from=ascii_address(job.settings.from_address),
            subject=job.subject,
            body=job.body,
        )

    def _forget_refused_token(self, result: ProbeResult) -> None:
        if self._job.settings.auth is AuthMethod.OAUTH2:
            from smtpgui.core.oauth.session import forget_if_refused

            forget_if_refused(self._job.settings, result)

    def _with_arrival(self, outcome: Outcome, secret: str) -> Outcome:
        """The mailbox proof, when asked, after a message went out (the same login)."""
        job, result = self._job, outcome.result
        if job.arrival is None or not job.send or self._cancelled.is_set():
            return outcome
        # Deferred: imaplib and the IMAP client, only when asked (issue 20: a check starts fast).
        from smtpgui.core.deliverability.arrival import prove_arrival

        if job.settings.auth is AuthMethod.OAUTH2 and not job.arrival.password:
            token = self._mailbox_token(outcome.saved)
            if not isinstance(token, str):  # a Finding: the mailbox is unreadable, no more
                return replace(outcome, arrival_finding=token)
            secret = token

        # The mailbox's lines count their milliseconds from its own start: on the transcript
        # they go on from the SMTP lines, as one conversation after the other.
        offset = round((time.monotonic() - self._probe_started) * 1000)

        def log(line: TranscriptLine) -> None:
            text = self._redactor.redact(line.text)
            self._callback(replace(line, text=text, elapsed_ms=line.elapsed_ms + offset))

        arrival, finding = prove_arrival(
            job.arrival,
            job.settings,
            secret,
            result.message_id,
            log,
            self._cancelled,
            secret_stored=job.password is None,  # from the keyring (or a sign-in): bound
        )
        return replace(outcome, arrival=arrival, arrival_finding=finding)

    def _after_test(self, result: ProbeResult, secret: str, client_secret: str | None) -> Outcome:
        job = self._job
        if not (result.ok and job.save and job.send):
            return Outcome(result)
        if self._cancelled.is_set():  # after the test passed, before the save: nothing saved
            return Outcome(
                result, save_error=Text("Probe", QT_TRANSLATE_NOOP("Probe", "Cancelled."))
            )
        try:
            save_profile(job.settings, secret, self._store, self._secrets, client_secret)
        except Exception as exc:  # rolled back by save_profile; the test result still stands
            return Outcome(result, saved=False, save_error=_save_error(exc))
        return Outcome(result, saved=True)

    def _start_domain_check(self) -> DomainCheckBesideTest | None:
        """Started beside the SMTP test, which takes longer than a few DNS questions."""
        if not (self._job.domain_check and self._job.settings.sender):
            return None
        # Deferred: the domain check's modules, only when it runs (not with --no-domain-check).
        from smtpgui.core.deliverability.beside_test import DomainCheckBesideTest

        checker = DomainCheckBesideTest(self._job.settings, self._job.dns_server)
        checker.start()
        return checker

    def _access_token(self, client_secret: str) -> tuple[str, str]:
        """(access token, refresh token): refreshed first when it has under a minute left."""
        from smtpgui.core.oauth.session import access_tokens

        job = self._job
        tokens = access_tokens(job.settings, self._secrets, job.tokens, client_secret)
        self._tokens = tokens
        return tokens.access_token, tokens.refresh_token

    def _mailbox_token(self, saved: bool) -> str | Finding:
        """The access token for the mailbox, or the finding that says why there is none."""
        from smtpgui.core.deliverability.verdicts import arrival_finding
        from smtpgui.core.oauth.tokens import OAuthError

        try:
            return self._fresh_access_token(saved)
        except (OAuthError, SecretStoreError) as exc:
            return arrival_finding(None, self._job.settings.recipient, message_of(exc))

    def _fresh_access_token(self, saved: bool) -> str:
        """An access token of the same sign-in for the mailbox, valid a minute more: the one
        the SMTP test used unless the test and the wait used it up (then refreshed). A
        sign-in in the keyring (as it was, or `saved` by this run) is asked of the session
        again, so that a rotated refresh token goes back to the keyring at once; an unsaved
        one goes on from the latest tokens of this run (the first may be rotated away)."""
        from smtpgui.core.oauth.session import access_tokens

        job = self._job
        tokens = None if saved else job.tokens and self._tokens
        client_secret = self._client_secret()
        renewed = access_tokens(job.settings, self._secrets, tokens, client_secret)
        self._tokens = renewed
        self._redactor = self._redactor.including(
            [renewed.access_token, renewed.refresh_token], job.settings.username
        )
        return renewed.access_token

    def _client_secret(self) -> str:
        """The typed client secret, else the one stored for these settings ("": none)."""
        from smtpgui.core.oauth.session import client_secret_of

        return client_secret_of(self._secrets, self._job.settings, self._job.client_secret)

    def _failed_before_connecting(self, message: str, failure: Failure) -> Outcome:
        """No secret to log in with: said in the log, and the AUTH step fails."""
        from smtpgui.core.smtp.transcript import Direction, TranscriptLine

        message = self._redactor.redact(message)  # a token server may repeat what it got
        self._callback(TranscriptLine(Direction.ERROR, message, 0))
        return failed_before_connecting(self._job.settings, failure, message)

    def _password(self) -> tuple[str, str]:
        """The password to log in with, or "" and why there is none for these settings."""
        job = self._job
        if job.settings.auth is AuthMethod.OAUTH2:
            return "", ""
        if job.password is not None or job.settings.auth is AuthMethod.NONE:
            return job.password or "", ""
        try:
            stored = self._secrets.get(binding_of(job.settings, SecretKind.PASSWORD))
        except SecretStoreError as exc:
            return "", message_of(exc)
        if stored is None:
            return "", no_password_for(job.settings)
        self._redactor = self._redactor.including([stored], job.settings.username)
        return stored, ""


def save_profile(
    settings: Settings,
    password: str,
    store: SettingsStore,
    secrets: SecretStore,
    client_secret: str | None = None,
) -> None:
    """Keyring first, file last; if anything fails on the way, the old secrets are put back.

    The file is what other programs read: written last, it never points at a password that
    is not in the keyring yet. With OAuth2, `password` is the refresh token (the access token
    is never stored), and `client_secret` is stored, or deleted when "" (None: left as it is).
    Each secret is stored bound to these settings (secrets.Binding).

    One save at a time, across processes: the lock beside settings.json is held from the
    keyring write to the rename and the clean-up. The secrets that go afterwards are those the
    profile no longer uses, and those of the profile the file named until now (read under the
    lock: a save never deletes what another process has just saved).
    """
    with store.lock():
        previous = _saved_or_none(store)
        wanted = _secrets_of(settings, password, client_secret)
        old = {binding: secrets.read_raw(binding.kind, binding.user) for binding in wanted}
        try:
            for binding, value in wanted.items():
                _put(secrets, binding, value)
            store.save(settings)
        except BaseException:  # also KeyboardInterrupt, or a bug: never a secret without file
            for binding, raw in old.items():
                with contextlib.suppress(Exception):
                    secrets.write_raw(binding.kind, binding.user, raw)
            raise
        _forget_stale(settings, previous, secrets)


def _forget_stale(settings: Settings, previous: Settings | None, secrets: SecretStore) -> None:
    """Delete the secrets no profile uses now (failures here leave only unused entries)."""
    used = kinds_used(settings)
    stale = {(kind, settings.account) for kind in SecretKind if kind not in used}
    if previous is not None and previous.account != settings.account:
        stale.update((kind, previous.account) for kind in SecretKind)
    with contextlib.suppress(SecretStoreError):
        for kind, user in sorted(stale):
            secrets.delete(kind, user)


def _saved_or_none(store: SettingsStore) -> Settings | None:
    from smtpgui.core.profile.store import SettingsFileError

    try:
        return store.load()
    except SettingsFileError:
        return None


def _secrets_of(
    settings: Settings, password: str, client_secret: str | None
) -> dict[Binding, str | None]:
    """What the keyring must hold for this profile (None: nothing under that binding)."""
    if settings.auth is AuthMethod.NONE:
        return {}
    if settings.auth is not AuthMethod.OAUTH2:
        return {binding_of(settings, SecretKind.PASSWORD): password}
    wanted: dict[Binding, str | None] = {binding_of(settings, SecretKind.REFRESH_TOKEN): password}
    if client_secret is not None:
        wanted[binding_of(settings, SecretKind.CLIENT_SECRET)] = client_secret or None
    return wanted


def _put(secrets: SecretStore, binding: Binding, value: str | None) -> None:
    if value is None:
        secrets.delete(binding.kind, binding.user)
    else:
        secrets.set(binding, value)


def delete_profile(store: SettingsStore, secrets: SecretStore, account: str | None) -> None:
    """Forget the saved settings and every secret of the profile (the file first: nothing
    then points at them)."""
    with store.lock():
        store.delete()
        if account:
            for kind in SecretKind:
                secrets.delete(kind, account)


def no_password_for(settings: Settings) -> Text:
    """Why a stored password is not used: none, or one saved for another user or server."""
    return Text(
        "Settings",
        QT_TRANSLATE_NOOP(
            "Settings",
            "No password is stored for {user} on {servers}: a stored password is used only for "
            "the user name and servers it was saved with. Type the password.",
        ),
        user=settings.username or settings.account,
        servers=", ".join(endpoint.host for endpoint in settings.endpoints),
    )


def _save_error(exc: Exception) -> str:
    if isinstance(exc, SecretStoreError):
        return message_of(exc)
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

"""SecretStore: secrets in a real OS keyring, each bound to the account and server it was saved for.

Three kinds of secret, each under a keyring service of its own, with the profile's user name as
the account: passwords under `smtpgui`, OAuth2 refresh tokens under
`smtpgui-oauth2-refresh-token`, OAuth2 client secrets under `smtpgui-oauth2-client-secret`. No
user name can name another kind's entry (before, a refresh token was the user name plus a
suffix, so a user named `x#oauth2-refresh-token` read x's token as its password).

Each entry holds a small JSON record: the secret and its Binding, what it was given for (the user
name and every server host for a password; the user, client ID, token endpoint and tenant for an
OAuth2 secret). `get()` hands a secret out only for settings that match its binding, so changed
or imported settings never send a stored password to another server. Entries written before
bindings existed hold the bare secret; they are adopted once, bound to the saved settings file
they were saved with (the file is the witness), so the admin never retypes.

Windows Credential Manager takes at most 2,560 bytes (1,280 characters) a credential: a record
longer than PART_CHARS is stored in parts under `<service>#part<N>`, checked by its SHA-256.

Only a real secret store counts (see `secret_store_of`): keyring's plaintext and other insecure
fallbacks are refused as "no keyring", unless the admin chose one with PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from smtpgui.core.profile.settings import Settings

SERVICE = "smtpgui"
RECORD_FORMAT = 2
# Windows Credential Manager refuses a blob over 2,560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE),
# 1,280 UTF-16 characters; a part stays well under it.
PART_CHARS = 1000
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"

# One sentence, with what to install: a plain headless Linux machine has no keyring at all.
NO_BACKEND = QT_TRANSLATE_NOOP(
    "Secrets",
    "No password store (keyring) is available on this computer, so nothing was saved: install "
    "and unlock GNOME Keyring (the gnome-keyring package) or KWallet, then save again "
    "(Windows and macOS have one built in).",
)


class SecretStoreError(Exception):
    """The keyring failed; str() is a sentence meant for the admin (never contains the secret)."""


class SecretKind(enum.StrEnum):
    """What a stored secret is; each kind has a keyring service of its own."""

    PASSWORD = "password"
    REFRESH_TOKEN = "oauth2-refresh-token"
    CLIENT_SECRET = "oauth2-client-secret"

    def service(self, base: str = SERVICE) -> str:
        return base if self is SecretKind.PASSWORD else f"{base}-{self.value}"

    @property
    def legacy_suffix(self) -> str:
        """How format 1 told the kinds apart: one service, a suffix on the account."""
        return "" if self is SecretKind.PASSWORD else f"#{self.value}"


class Stored(enum.Enum):
    """Whether a secret is stored for a Binding."""

    NONE = "none"  # nothing under this kind and user
    HERE = "here"  # one, given for exactly these settings
    ELSEWHERE = "elsewhere"  # one, but given for another server (or client, endpoint)


@dataclass(frozen=True)
class Binding:
    """What a secret was given for: it is used for nothing else.

    `targets`: the server hosts (sorted, lower case, A-labels) of a password; the client ID,
    token endpoint and tenant of an OAuth2 secret. A password saved for an encrypted login is
    not sent where the settings allow a login without encryption.
    """

    kind: SecretKind
    user: str
    targets: tuple[str, ...]
    insecure_auth: bool = False

    def allows(self, wanted: Binding) -> bool:
        same = (self.kind, self.user, self.targets) == (wanted.kind, wanted.user, wanted.targets)
        return same and (self.insecure_auth or not wanted.insecure_auth)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "user": self.user,
            "targets": list(self.targets),
            "insecure_auth": self.insecure_auth,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Binding:
        targets = data["targets"]
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise ValueError("targets")
        return cls(
            SecretKind(data["kind"]),
            str(data["user"]),
            tuple(targets),
            data["insecure_auth"] is True,
        )


def binding_of(settings: Settings, kind: SecretKind) -> Binding:
    """What a secret of `kind` used with `settings` must have been given for."""
    if kind is SecretKind.PASSWORD:
        hosts = sorted({_host_key(endpoint) for endpoint in settings.endpoints})
        return Binding(kind, settings.account, tuple(hosts), settings.allow_insecure_auth)
    oauth = settings.oauth
    return Binding(kind, settings.account, (oauth.client_id, oauth.token_url, oauth.tenant))


def kinds_used(settings: Settings) -> tuple[SecretKind, ...]:
    """The kinds of secret a profile with these settings keeps."""
    from smtpgui.core.profile.settings import AuthMethod

    if settings.auth is AuthMethod.NONE:
        return ()
    if settings.auth is AuthMethod.OAUTH2:
        return (SecretKind.REFRESH_TOKEN, SecretKind.CLIENT_SECRET)
    return (SecretKind.PASSWORD,)


def stored_for(secrets: SecretStore, settings: Settings) -> dict[SecretKind, Stored]:
    """Which secrets the keyring holds for a profile with these settings (the kinds it uses)."""
    return {kind: secrets.state(binding_of(settings, kind)) for kind in kinds_used(settings)}


def _host_key(endpoint: Any) -> str:
    try:
        return str(endpoint.ascii_host).lower().rstrip(".")
    except (UnicodeError, ValueError):
        return str(endpoint.host).lower().rstrip(".")


@dataclass(frozen=True)
class _Record:
    binding: Binding | None  # None: a bare secret from before bindings (format 1)
    secret: str


class SecretStore:
    """Secrets over `keyring`; pass a backend to use another than the system's.

    `saved` returns the saved settings: the witness that adopts a secret stored before bindings.
    """

    def __init__(
        self,
        backend: Any | None = None,
        service: str = SERVICE,
        saved: Callable[[], Settings | None] | None = None,
    ) -> None:
        self._backend = backend
        self._resolved: Any | None = None
        self.service = service
        self._saved = saved or _saved_settings

    # -- the backend ---------------------------------------------------------------------------

    def _keyring(self) -> Any:
        if self._resolved is None:
            self._resolved = _resolve(self._backend)
        return self._resolved

    def available(self) -> bool:
        try:
            self._keyring()
        except SecretStoreError:
            return False
        return True

    def backend_name(self) -> str:
        """Which backend holds the secrets, as PYTHON_KEYRING_BACKEND would name it."""
        backend = self._keyring()
        return f"{type(backend).__module__}.{type(backend).__qualname__}"

    # -- secrets by binding --------------------------------------------------------------------

    def get(self, binding: Binding) -> str | None:
        """The secret stored for `binding`'s kind and user, only if it was given for `binding`."""
        record = self._record(binding.kind, binding.user)
        if record is None:
            return None
        if record.binding is None:
            return self._adopt(binding, record.secret)
        return record.secret if record.binding.allows(binding) else None

    def state(self, binding: Binding) -> Stored:
        record = self._record(binding.kind, binding.user)
        if record is None:
            return Stored.NONE
        if record.binding is None:
            witness = self._witness(binding.kind)
            ok = witness is not None and witness.allows(binding)
        else:
            ok = record.binding.allows(binding)
        return Stored.HERE if ok else Stored.ELSEWHERE

    def set(self, binding: Binding, secret: str) -> None:
        """Store `secret` for exactly what `binding` names (replacing the kind's entry)."""
        record = {"smtpgui": RECORD_FORMAT, **binding.to_json(), "secret": secret}
        self.write_raw(binding.kind, binding.user, json.dumps(record, ensure_ascii=False))
        self._delete_legacy(binding.kind, binding.user)

    def delete(self, kind: SecretKind, user: str) -> bool:
        """Remove the kind's entry of `user` (and its parts); False when there was none."""
        existed = self.read_raw(kind, user) is not None
        self.write_raw(kind, user, None)
        return self._delete_legacy(kind, user) or existed

    # -- raw entries (what a failed save puts back) --------------------------------------------

    def read_raw(self, kind: SecretKind, user: str) -> str | None:
        """The entry as stored, its parts joined (None: no entry, or broken parts)."""
        head = self._get(kind.service(self.service), user)
        if head is None:
            return None
        parts = _parts_header(head)
        if parts is None:
            return head
        count, digest = parts
        chunks = [self._get(self._part(kind, n), user) or "" for n in range(1, count + 1)]
        text = "".join(chunks)
        return text if _sha256(text) == digest else None

    def write_raw(self, kind: SecretKind, user: str, text: str | None) -> None:
        """Store `text` as the kind's entry of `user` (in parts when long); None deletes it."""
        old_parts = self._part_count(kind, user)
        chunks = [] if text is None or len(text) <= PART_CHARS else _chunks(text)
        for number, chunk in enumerate(chunks, start=1):
            self._put(self._part(kind, number), user, chunk)
        if text is None:
            self._remove(kind.service(self.service), user)
        else:
            head = text if not chunks else _parts_head(len(chunks), text)
            self._put(kind.service(self.service), user, head)
        for number in range(len(chunks) + 1, old_parts + 1):
            self._remove(self._part(kind, number), user)

    # -- inside ------------------------------------------------------------------------------

    def _record(self, kind: SecretKind, user: str) -> _Record | None:
        raw = self.read_raw(kind, user)
        if raw is None and kind is not SecretKind.PASSWORD:
            legacy = self._get(self.service, user + kind.legacy_suffix)
            return _Record(None, legacy) if legacy else None
        return None if raw is None else _parse_record(raw, kind)

    def _adopt(self, binding: Binding, secret: str) -> str | None:
        """A secret from before bindings: bound to the saved settings, if they are `binding`."""
        witness = self._witness(binding.kind)
        if witness is None or not witness.allows(binding):
            return None
        self.set(witness, secret)
        return secret

    def _witness(self, kind: SecretKind) -> Binding | None:
        saved = self._saved()
        if saved is None or kind not in kinds_used(saved):
            return None
        return binding_of(saved, kind)

    def _delete_legacy(self, kind: SecretKind, user: str) -> bool:
        if kind is SecretKind.PASSWORD:
            return False
        return self._remove(self.service, user + kind.legacy_suffix)

    def _part(self, kind: SecretKind, number: int) -> str:
        return f"{kind.service(self.service)}#part{number}"

    def _part_count(self, kind: SecretKind, user: str) -> int:
        head = self._get(kind.service(self.service), user)
        parts = _parts_header(head) if head is not None else None
        return parts[0] if parts else 0

    def _get(self, service: str, user: str) -> str | None:
        value = self._call("read", lambda kr: kr.get_password(service, user))
        return value if isinstance(value, str) else None

    def _put(self, service: str, user: str, value: str) -> None:
        self._call("store", lambda kr: kr.set_password(service, user, value))

    def _remove(self, service: str, user: str) -> bool:
        import keyring.errors

        try:
            self._call("delete", lambda kr: kr.delete_password(service, user))
        except SecretStoreError as exc:
            if isinstance(exc.__cause__, keyring.errors.PasswordDeleteError):
                return False
            raise
        return True

    def _call(self, verb: str, action: Callable[[Any], Any]) -> Any:
        backend = self._keyring()
        try:
            return action(backend)
        except Exception as exc:
            raise SecretStoreError(_refused(verb, exc)) from exc


def _parse_record(raw: str, kind: SecretKind) -> _Record:
    """The record of an entry; a value that is not one is a bare secret from format 1."""
    try:
        data = json.loads(raw)
    except ValueError:
        return _Record(None, raw)
    if not isinstance(data, dict) or data.get("smtpgui") != RECORD_FORMAT:
        return _Record(None, raw)
    try:
        binding = Binding.from_json(data)
    except (KeyError, ValueError, TypeError):
        return _Record(Binding(kind, "", ("(unreadable)",)), "")  # never matches
    return _Record(binding, str(data.get("secret", "")))


def _parts_head(count: int, text: str) -> str:
    return json.dumps({"smtpgui-parts": count, "sha256": _sha256(text)})


def _sha256(text: str) -> str:
    # hashlib (OpenSSL's libcrypto, 3 ms) loads with the first secret long enough to be stored
    # in parts: the window builds a SecretStore before its first paint (issue 20).
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


def _parts_header(head: str) -> tuple[int, str] | None:
    if not head.startswith('{"smtpgui-parts"'):
        return None
    try:
        data = json.loads(head)
        count, digest = int(data["smtpgui-parts"]), str(data["sha256"])
    except (ValueError, KeyError, TypeError):
        return None
    return (count, digest) if 1 <= count <= 64 else None


def _chunks(text: str) -> list[str]:
    return [text[i : i + PART_CHARS] for i in range(0, len(text), PART_CHARS)]


def _saved_settings() -> Settings | None:
    from smtpgui.core.profile.store import SettingsFileError, SettingsStore

    try:
        return SettingsStore().load()
    except SettingsFileError:
        return None


# -- which backend counts as a secret store ------------------------------------------------------


def _resolve(backend: Any | None) -> Any:
    """The backend to use, or SecretStoreError(NO_BACKEND) when there is no real secret store."""
    if backend is not None:
        return backend  # the caller's own choice (the tests, a program embedding smtpgui)
    try:
        import keyring  # (lazy: loading backends costs start-up time)

        chosen = secret_store_of(keyring.get_keyring())
    except SecretStoreError:
        raise
    except Exception as exc:  # a chosen backend that cannot start (no D-Bus, no daemon)
        raise SecretStoreError(Text("Secrets", NO_BACKEND)) from exc
    if chosen is None:
        raise SecretStoreError(Text("Secrets", NO_BACKEND))
    return chosen


def secret_store_of(backend: Any) -> Any | None:
    """`backend` if it keeps secrets safely (or was chosen explicitly), else None.

    keyring calls a backend recommended from priority 1 up; below are its plaintext and
    "encrypted with a typed password" files (keyrings.alt), `null` and `fail`. A chainer is
    reduced to its best real store, so a write never falls through to a plaintext file.
    """
    from keyring.backends.chainer import ChainerBackend

    from smtpgui.core.profile.memory_keyring import MemoryKeyring

    if isinstance(backend, MemoryKeyring) or _chosen_explicitly(backend):
        return backend  # the demo's in-process store, or the admin's own choice
    if isinstance(backend, ChainerBackend):
        real = [b for b in backend.backends if _recommended(b)]
        return real[0] if real else None
    return backend if _recommended(backend) else None


def _recommended(backend: Any) -> bool:
    try:
        return float(backend.priority) >= 1
    except Exception:  # a backend's priority raises when it cannot run here
        return False


def _chosen_explicitly(backend: Any) -> bool:
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    chosen = os.environ.get(BACKEND_ENV, "").strip()
    if chosen:
        return chosen == name
    try:
        from keyring.core import load_config

        configured = load_config()
    except Exception:
        return False
    return configured is not None and type(configured) is type(backend)


# Errors that mean the store is not there at all, not that it refused this one secret.
_UNREACHABLE = ("InitError", "NoKeyringError", "SecretServiceNotAvailableException", "DBusError")


def _refused(verb: str, exc: Exception) -> Text:
    """What the admin reads; keyring errors can quote arguments: only the type is kept."""
    name = type(exc).__name__
    if name in _UNREACHABLE or isinstance(exc, ConnectionError):
        return Text("Secrets", NO_BACKEND)
    if _windows_error(exc) == ERROR_BAD_DATA:  # CredWrite's answer to a blob over 2,560 bytes
        return Text(
            "Secrets",
            QT_TRANSLATE_NOOP(
                "Secrets",
                "The password store refused a secret longer than it can keep (Windows error "
                "1783). Please report this: smtpgui stores long secrets in parts.",
            ),
        )
    if name == "KeyringLocked":
        return Text(
            "Secrets",
            QT_TRANSLATE_NOOP(
                "Secrets", "The password store is locked: unlock it (log in again) and retry."
            ),
        )
    return Text(
        "Secrets",
        QT_TRANSLATE_NOOP(
            "Secrets",
            "The password store refused to {verb} the password ({error}). "
            "Make sure it is unlocked and try again.",
        ),
        verb=Text("Secrets", _VERBS.get(verb, verb)),
        error=name,
    )


ERROR_BAD_DATA = 1783  # RPC_X_BAD_STUB_DATA: Credential Manager's "too long"


def _windows_error(exc: Exception) -> int | None:
    """The Windows error number of a pywintypes.error (args: number, function, text)."""
    number = getattr(exc, "winerror", None)
    if number is None and exc.args and isinstance(exc.args[0], int):
        number = exc.args[0]
    return number if isinstance(number, int) else None


_VERBS = {
    "read": QT_TRANSLATE_NOOP("Secrets", "read"),
    "store": QT_TRANSLATE_NOOP("Secrets", "store"),
    "delete": QT_TRANSLATE_NOOP("Secrets", "delete"),
}

"""SecretStore: the password in the OS keyring (service `smtpgui`), with one clear error type."""

from __future__ import annotations

from typing import Any

from smtpgui.core.i18n import QT_TRANSLATE_NOOP, Text

SERVICE = "smtpgui"

# One sentence, with what to install: a plain headless Linux machine has no keyring at all.
NO_BACKEND = (
    "No password store (keyring) is available on this computer, so nothing was saved: install "
    "and unlock GNOME Keyring (the gnome-keyring package) or KWallet, then save again "
    "(Windows and macOS have one built in)."
)


class SecretStoreError(Exception):
    """The keyring failed; str() is a sentence meant for the admin (never contains the secret)."""


class SecretStore:
    """Password storage over `keyring`; pass a backend to use another than the system's."""

    def __init__(self, backend: Any | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    def _keyring(self) -> Any:
        if self._backend is None:
            import keyring  # (lazy: loading backends costs start-up time)

            self._backend = keyring.get_keyring()
        if not _usable(self._backend):
            raise SecretStoreError(NO_BACKEND)
        return self._backend

    def available(self) -> bool:
        try:
            self._keyring()
        except SecretStoreError:
            return False
        return True

    def get(self, account: str) -> str | None:
        return self._call(
            QT_TRANSLATE_NOOP("Secrets", "read"), lambda kr: kr.get_password(self.service, account)
        )

    def set(self, account: str, password: str) -> None:
        self._call(
            QT_TRANSLATE_NOOP("Secrets", "store"),
            lambda kr: kr.set_password(self.service, account, password),
        )

    def delete(self, account: str) -> bool:
        """Remove the stored password; False when there was none."""
        import keyring.errors

        try:
            self._call(
                QT_TRANSLATE_NOOP("Secrets", "delete"),
                lambda kr: kr.delete_password(self.service, account),
            )
        except SecretStoreError as exc:
            if isinstance(exc.__cause__, keyring.errors.PasswordDeleteError):
                return False
            raise
        return True

    def _call(self, verb: str, action: Any) -> Any:
        backend = self._keyring()
        try:
            return action(backend)
        except Exception as exc:
            # Keyring errors can quote arguments; keep only the type, never the text.
            raise SecretStoreError(
                Text(
                    "Secrets",
                    QT_TRANSLATE_NOOP(
                        "Secrets",
                        "The password store refused to {verb} the password ({error}). "
                        "Make sure it is unlocked and try again.",
                    ),
                    verb=Text("Secrets", verb),
                    error=type(exc).__name__,
                )
            ) from exc


def _usable(backend: Any) -> bool:
    from keyring.backends import fail

    if isinstance(backend, fail.Keyring):
        return False
    try:
        from keyring.backends.chainer import ChainerBackend
    except ImportError:
        return True
    return not (isinstance(backend, ChainerBackend) and not backend.backends)

"""Reading what smtpgui left in a keyring backend, as another program would see it."""

from __future__ import annotations

import json
from typing import Any

from smtpgui.core.profile.secrets import SERVICE, SecretKind, SecretStore


def stored_secret(
    backend: Any | None,
    user: str,
    kind: SecretKind = SecretKind.PASSWORD,
    service: str = SERVICE,
) -> str | None:
    """The secret in the kind's entry of `user` (whatever it is bound to); None when none."""
    raw = SecretStore(backend, service=service, saved=lambda: None).read_raw(kind, user)
    if raw is None:
        return None
    record = json.loads(raw)
    assert record["smtpgui"] == 2 and record["kind"] == kind.value, record
    return str(record["secret"])


def stored_binding(backend: Any | None, user: str, kind: SecretKind = SecretKind.PASSWORD) -> dict:
    raw = SecretStore(backend, saved=lambda: None).read_raw(kind, user)
    assert raw is not None
    record = json.loads(raw)
    return {k: record[k] for k in ("user", "targets", "insecure_auth")}

"""The system's Secret Service (gnome-keyring on D-Bus) for tests marked secret_service.

`.ci/run` starts one in a private D-Bus session and runs `pytest -m secret_service` inside it
(with SMTPGUI_REQUIRE_SECRET_SERVICE set, so that none can skip); anywhere else with no Secret
Service answering, these tests skip. Each test stores under a
service name of its own, removed afterwards, so a user's saved password is never touched.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing

import pytest
from keyring.backends import SecretService

from smtpgui.core.profile.secrets import SecretKind, SecretStore


def secret_service() -> SecretService.Keyring:
    try:
        SecretService.Keyring.priority  # noqa: B018  (asks D-Bus; raises when nobody answers)
    except Exception as exc:
        if os.environ.get("SMTPGUI_REQUIRE_SECRET_SERVICE"):  # CI: a skip would hide a failure
            pytest.fail(f"no Secret Service answers on D-Bus ({exc})")
        pytest.skip(f"no Secret Service answers on D-Bus ({exc})")
    return SecretService.Keyring()


@pytest.fixture
def real_secrets() -> Iterator[SecretStore]:
    backend = secret_service()
    store = SecretStore(
        backend, service=f"smtpgui-test-{uuid.uuid4().hex[:12]}", saved=lambda: None
    )
    yield store
    forget(backend, store.service)


def forget(backend: SecretService.Keyring, service: str) -> None:
    import secretstorage

    # Every service a store uses: one per kind of secret, and the parts of long ones.
    services = [kind.service(service) for kind in SecretKind]
    services += [f"{name}#part{n}" for name in services for n in range(1, 9)]
    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        for name in services:
            for item in collection.search_items({"service": name}):
                item.delete()
    assert backend.get_password(service, "anyone") is None

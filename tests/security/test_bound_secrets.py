"""A stored secret goes only to the account and server it was saved for (issue 12, points 1, 6).

Two real servers on loopback, "localhost" (where the password was saved) and "127.0.0.1" (an
attacker's, as far as the saved password is concerned): the second must never see it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from smtpgui.core import exit_codes as codes
from smtpgui.core.jobs import Job, JobRunner, save_profile
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.file import export_profile
from smtpgui.core.profile.secrets import SecretKind, SecretStore, binding_of
from smtpgui.core.profile.settings import AuthMethod, Settings, to_json
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.result import Failure
from tests.helpers.cli import cli, cli_env
from tests.helpers.keyring_records import stored_binding
from tests.helpers.oauth_server import authorization_server
from tests.helpers.profiles import settings_at
from tests.helpers.servers import PASSWORD, USER, Recorder, smtp_server
from tests.helpers.small_keyring import SmallKeyring

OWN = "admin@example.test"


@dataclass
class LoginRecorder(Recorder):
    """Also keeps every login attempt (user, password) it was sent."""

    logins: list[tuple[str, str]] = field(default_factory=list)

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:  # type: ignore[no-untyped-def]
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return super().authenticate(server, session, envelope, mechanism, auth_data)


def check_args(server: str, ca_file: str, user: str = USER) -> list[str]:
    return ["check", "--server", server, "--user", user, "--to", OWN, "--ca-file", ca_file]


@pytest.fixture
def saved_at_localhost(tmp_path, ca, ca_file):
    """The office's profile: saved with the real password for USER at localhost."""
    env = cli_env(tmp_path)
    with smtp_server(ca, "tls") as office:
        server = f"ssl://localhost:{office.port}"
        done = cli(env, *check_args(server, ca_file), "--save", "--password-stdin", stdin=PASSWORD)
        assert done.returncode == codes.OK, done.stdout + done.stderr
    return env


def test_import_of_a_profile_naming_another_server_never_sends_the_stored_password(
    saved_at_localhost, tmp_path, ca, ca_file
):
    before = (tmp_path / "config" / "settings.json").read_text()
    with smtp_server(ca, "tls", LoginRecorder()) as evil:
        settings = settings_at(f"ssl://127.0.0.1:{evil.port}", ca_file)
        profile = tmp_path / "evil.json"
        profile.write_text(export_profile(settings))
        done = cli(saved_at_localhost, "import", str(profile))
        assert evil.handler.logins == [] and evil.handler.envelopes == []
    assert done.returncode == codes.NO_PASSWORD, done.stdout + done.stderr
    assert "no password for this server" in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "config" / "settings.json").read_text() == before  # nothing saved


def test_check_with_another_user_gets_no_stored_password(saved_at_localhost, ca, ca_file):
    with smtp_server(ca, "tls", LoginRecorder()) as office:
        server = f"ssl://localhost:{office.port}"
        other = cli(saved_at_localhost, *check_args(server, ca_file, user="mallory@example.test"))
        same = cli(saved_at_localhost, *check_args(server, ca_file))
    assert other.returncode == codes.NO_PASSWORD, other.stdout + other.stderr
    assert same.returncode == codes.OK, same.stdout + same.stderr  # the right one still works
    assert office.handler.logins == [(USER, PASSWORD)]


def test_a_password_saved_for_encryption_is_not_sent_in_clear(ca, ca_file, tmp_path):
    with smtp_server(ca, "starttls") as office:
        settings = settings_at(f"tls://localhost:{office.port}", ca_file)
        save_profile(settings, PASSWORD, SettingsStore(), SecretStore())
        weakened = settings_at(f"localhost:{office.port}", allow_insecure_auth=True)
        outcome = JobRunner(Job(weakened, None, False, "s", "b"), lambda _e: None).run()
    assert outcome.result.failure is Failure.NO_PASSWORD


@pytest.mark.gui
def test_the_window_asks_for_the_password_after_importing_another_servers_profile(
    qtbot, ca, ca_file, tmp_path
):
    from smtpgui.ui.main_window import SettingsWindow

    with smtp_server(ca, "tls") as office:
        saved = settings_at(f"ssl://localhost:{office.port}", ca_file)
        save_profile(saved, PASSWORD, SettingsStore(), SecretStore())
    win = SettingsWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.password_state_known, timeout=10_000):
        win.show()
    assert win.form.password_stored() and win.form.valid
    with smtp_server(ca, "tls", LoginRecorder()) as evil:
        profile = tmp_path / "evil.json"
        evil_settings = settings_at(f"ssl://127.0.0.1:{evil.port}", ca_file)
        profile.write_text(export_profile(evil_settings))
        assert win.files.import_profile(profile)
        assert not win.form.valid
        assert "saved for another user name or server" in win.form._errors["password"].text()
        assert win.form._errors["password"].isVisible()
        assert not win.test_button.isEnabled()
        win.test()
        assert not win.is_running()
        assert evil.handler.logins == []


def oauth(auth, ca_file: str, port: int, client: str = "smtpgui-test") -> Settings:
    return Settings(
        endpoints=parse_server(f"tls://127.0.0.1:{port}"),
        auth=AuthMethod.OAUTH2,
        username=USER,
        recipient=OWN,
        ca_file=ca_file,
        oauth=OAuthSettings(
            client_id=client,
            authorize_url=f"{auth.base}/common/authorize",
            token_url=f"{auth.base}/common/token",
            scopes="https://mail.example.test/smtp",
        ),
    )


def test_a_stored_refresh_token_and_client_secret_never_go_to_another_token_endpoint(ca, ca_file):
    with (
        authorization_server() as real,
        authorization_server() as evil,
        smtp_server(ca, "starttls") as office,
    ):
        settings = oauth(real, ca_file, office.port)
        save_profile(settings, "rt-real-refresh-token", SettingsStore(), SecretStore(), "cs-secret")
        moved = oauth(evil, ca_file, office.port)
        outcome = JobRunner(Job(moved, None, False, "s", "b"), lambda _e: None).run()
        assert evil.grants == []
    assert outcome.result.failure is Failure.SIGN_IN


def test_a_user_name_cannot_name_another_kinds_entry(tmp_path, ca, ca_file):
    """Format 1 kept a refresh token at `smtpgui/<user>#oauth2-refresh-token`: a user named so
    read it as its password. Now each kind has its own service and the old entry is bound."""
    env = cli_env(tmp_path)
    (tmp_path / "config").mkdir()
    with smtp_server(ca, "tls", LoginRecorder()) as office:
        real = oauth_settings_for(office.port, ca_file)
        (tmp_path / "config" / "settings.json").write_text(json.dumps(to_json(real)))
        keyring = {f"smtpgui/{USER}#oauth2-refresh-token": "rt-of-the-office"}
        (tmp_path / "keyring.json").write_text(json.dumps(keyring))
        server = f"ssl://127.0.0.1:{office.port}"
        done = cli(env, *check_args(server, ca_file, user=f"{USER}#oauth2-refresh-token"))
        assert office.handler.logins == []
    assert done.returncode == codes.NO_PASSWORD, done.stdout + done.stderr
    assert "rt-of-the-office" not in done.stdout + done.stderr


def oauth_settings_for(port: int, ca_file: str) -> Settings:
    return Settings(
        endpoints=parse_server(f"ssl://127.0.0.1:{port}"),
        auth=AuthMethod.OAUTH2,
        username=USER,
        recipient=OWN,
        ca_file=ca_file,
        oauth=OAuthSettings(client_id="c", token_url="https://login.example/token", scopes="smtp"),
    )


def test_a_password_saved_before_bindings_is_adopted_without_retyping(tmp_path, ca, ca_file):
    env = cli_env(tmp_path)
    (tmp_path / "config").mkdir()
    with smtp_server(ca, "tls", LoginRecorder()) as office:
        server = f"ssl://localhost:{office.port}"
        saved = Settings(
            endpoints=parse_server(server), username=USER, recipient=OWN, ca_file=ca_file
        )
        (tmp_path / "config" / "settings.json").write_text(json.dumps(to_json(saved)))
        (tmp_path / "keyring.json").write_text(json.dumps({f"smtpgui/{USER}": PASSWORD}))
        elsewhere = cli(env, *check_args(f"ssl://127.0.0.1:{office.port}", ca_file))
        assert office.handler.logins == []  # not adopted for other settings
        done = cli(env, *check_args(server, ca_file))
    assert elsewhere.returncode == codes.NO_PASSWORD
    assert done.returncode == codes.OK, done.stdout + done.stderr
    assert office.handler.logins == [(USER, PASSWORD)]
    backend = json.loads((tmp_path / "keyring.json").read_text())
    record = json.loads(backend[f"smtpgui/{USER}"])
    assert record["secret"] == PASSWORD and record["targets"] == ["localhost"]


def test_every_backup_host_is_part_of_the_binding(ca_file):
    one = Settings(endpoints=parse_server("ssl://a.example.com"), username=USER)
    two = Settings(endpoints=parse_server("ssl://a.example.com;ssl://b.example.com"), username=USER)
    bound = binding_of(one, SecretKind.PASSWORD)
    assert not bound.allows(binding_of(two, SecretKind.PASSWORD))
    assert bound.allows(binding_of(one, SecretKind.PASSWORD))
    store = SecretStore(saved=lambda: None)
    store.set(bound, PASSWORD)
    assert store.get(binding_of(two, SecretKind.PASSWORD)) is None
    assert stored_binding(None, USER)["targets"] == ["a.example.com"]


def test_a_long_secret_is_stored_in_parts_a_windows_store_takes(tmp_path):
    """Windows Credential Manager refuses a blob over 2,560 bytes (1,280 characters)."""
    backend = SmallKeyring(limit=1280)
    store = SecretStore(backend, saved=lambda: None)
    settings = oauth_settings_for(465, "")
    token = "1//0g" + "A1b2C3d4" * 500  # 4,005 characters, as some providers issue
    bound = binding_of(settings, SecretKind.REFRESH_TOKEN)
    store.set(bound, token)
    assert store.get(bound) == token
    assert max(len(v) for v in backend.values.values()) <= 1280
    store.set(bound, "short")
    assert store.get(bound) == "short" and len(backend.values) == 1  # the parts are gone


def test_a_store_refusing_a_long_secret_is_named_for_what_it_is():
    """What Windows says when a credential is too long; the advice is not "unlock it"."""
    from keyring.errors import PasswordSetError

    from smtpgui.core.profile.secrets import SecretStoreError

    class RefusingKeyring(SmallKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise PasswordSetError(1783, "CredWrite", "The stub received bad data.")

    store = SecretStore(RefusingKeyring(), saved=lambda: None)
    with pytest.raises(SecretStoreError) as caught:
        store.set(binding_of(oauth_settings_for(465, ""), SecretKind.REFRESH_TOKEN), "rt")
    assert "longer than it can keep" in str(caught.value) and "unlocked" not in str(caught.value)


def test_a_stored_password_is_not_sent_to_an_imap_server_of_another_organisation(ca, ca_file):
    """Issue 19's arrival check uses the SMTP login: never the stored one at a foreign host."""
    import socket

    from smtpgui.core.deliverability.model import ArrivalCheck

    listener = socket.create_server(("127.0.0.2", 0))  # another host, as far as names go
    listener.settimeout(0.5)
    with smtp_server(ca, "starttls") as office, listener:
        settings = settings_at(f"tls://localhost:{office.port}", ca_file)
        save_profile(settings, PASSWORD, SettingsStore(), SecretStore())
        imap = f"127.0.0.2:{listener.getsockname()[1]}"
        job = Job(settings, None, False, "s", "b", arrival=ArrivalCheck(server=imap, limit=2))
        outcome = JobRunner(job, lambda _e: None).run()
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody came: the password was not sent
    assert outcome.result.ok and outcome.arrival is None
    assert outcome.arrival_finding is not None
    assert "sent only to the servers it was saved for" in outcome.arrival_finding.explanation


def test_an_imap_server_of_the_same_organisation_may_get_the_stored_password():
    from smtpgui.core.deliverability.arrival import same_organisation

    gmail = Settings(endpoints=parse_server("ssl://smtp.gmail.com"), username=USER)
    assert same_organisation("imap.gmail.com", gmail)
    assert not same_organisation("imap.gmail.com.evil.example", gmail)
    assert not same_organisation("127.0.0.2", settings_at("127.0.0.1:25"))

"""Issue 14: files from outside cannot crash or exhaust, and a newer settings file is left alone."""

from __future__ import annotations

import io
import json

import pytest

from smtpgui.core.jobs import save_profile
from smtpgui.core.oauth.settings import OAuthSettings, oauth_errors
from smtpgui.core.oauth.tokens import OAuthError, check_url
from smtpgui.core.profile.file import ProfileError, read_profile_bytes
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import from_json
from smtpgui.core.profile.store import SettingsFileError, SettingsStore

GOOD = {"version": 1, "server": "smtp.example.com", "auth": "none", "recipient": "a@b.example"}


def test_a_newer_settings_file_is_refused_and_left_alone(tmp_path):
    store = SettingsStore(tmp_path)
    newer = json.dumps({**GOOD, "version": 2, "a_field_of_the_future": True}).encode()
    store.path.write_bytes(newer)
    with pytest.raises(SettingsFileError, match=r"newer smtpgui \(format 2\): update smtpgui"):
        store.load()
    with pytest.raises(SettingsFileError):
        store.load()  # every read: still there, still refused
    assert store.path.read_bytes() == newer
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_newer_settings_file_is_never_saved_over(tmp_path, isolated):
    store = SettingsStore(tmp_path)
    newer = json.dumps({**GOOD, "version": 3}).encode()
    store.path.write_bytes(newer)
    with pytest.raises(OSError, match="newer smtpgui"):
        save_profile(from_json(GOOD), "", store, SecretStore())
    assert store.path.read_bytes() == newer


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100_000, "nested too deeply"),
        (b"\0" * (2 * 1024 * 1024), "larger than 1024 KiB"),
        (b"\xc3\x28{}", "not in a known encoding"),
    ],
)
def test_a_profile_that_is_no_profile_is_a_clear_error(content, reason):
    with pytest.raises(ProfileError, match=reason):
        read_profile_bytes(io.BytesIO(content))


def test_reading_a_profile_from_an_endless_device_stops_at_the_cap():
    with open("/dev/zero", "rb") as endless, pytest.raises(ProfileError, match="larger than"):
        read_profile_bytes(endless)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("username", "\ud800", "username is not valid text"),
        ("recipient", "a\udfff@b.example", "recipient is not valid text"),
    ],
)
def test_lone_surrogates_in_settings_name_their_field(tmp_path, field, value, reason):
    store = SettingsStore(tmp_path)
    store.path.write_text(json.dumps({**GOOD, field: value}), encoding="ascii")  # "\ud800"
    with pytest.raises(SettingsFileError, match=reason):
        store.load()


@pytest.mark.parametrize("field", ["client_id", "tenant", "authorize_url", "token_url", "scopes"])
@pytest.mark.parametrize("value", ["x\x1b[2Jy", "x\ud800y", "x\x85y"])
def test_control_characters_or_surrogates_in_oauth_fields_name_their_field(field, value):
    with pytest.raises(ValueError, match=f"oauth.{field}"):
        from_json({**GOOD, "oauth": {field: value}})


@pytest.mark.parametrize(
    "url",
    ["https://[::1/token", "https://[fe80::1%25eth0/x", "https://login.test/\x1b]52;c;x\x07"],
)
def test_broken_oauth_urls_are_field_errors_and_never_crash_urllib(url):
    oauth = OAuthSettings(client_id="c", scopes="s", authorize_url=url, token_url=url)
    errors = oauth_errors(oauth)
    assert {"oauth_authorize_url", "oauth_token_url"} <= set(errors)
    with pytest.raises(OAuthError, match="must start with https"):
        check_url(url)

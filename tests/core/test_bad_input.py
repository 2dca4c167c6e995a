"""Whatever is typed or found in settings.json: a valid value or a field error, never a crash.

Property-based (hypothesis) on the server-string parser, the address and user validators and
the settings loader, plus the cases issue 5 names: CR/LF/NUL, IDN, port limits, broken files.
"""

from __future__ import annotations

import json
import re
from email import message_from_bytes
from email.policy import SMTPUTF8

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smtpgui.core.profile.addresses import address_error, mailbox, username_error
from smtpgui.core.profile.settings import Settings, field_errors, from_json, to_json
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.smtp.endpoint import (
    Endpoint,
    EndpointError,
    Security,
    format_server,
    parse_server,
    with_port,
    with_prefix,
)
from smtpgui.core.smtp.envelope import ascii_address, envelope_for
from smtpgui.core.smtp.message import build_test_message
from smtpgui.core.smtp.result import ProbeFailed

# No example database (nothing written next to the tests), no per-example deadline (CI is slow).
QUICK = settings(max_examples=200, deadline=None, database=None)
MANY = settings(max_examples=500, deadline=None, database=None)

CONTROL = ["\r", "\n", "\r\n", "\x00", "\x0b", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]
_PIECES = st.sampled_from(
    [
        "ssl://",
        "tls://",
        "smtp://",
        "SSL://",
        "[",
        "]",
        ":",
        ";",
        ".",
        "-",
        "@",
        " ",
        "%",
        "::1",
        "2001:db8::1",
        "127.0.0.1",
        "smtp",
        "example",
        "com",
        "xn--",
        "españa",
        "ß",
        "ü",
        "0",
        "25",
        "465",
        "65535",
        "65536",
        "99999999999999999999",
        "²",
        "٣",
        *CONTROL,
    ]
)
server_text = st.one_of(st.text(), st.lists(_PIECES, max_size=12).map("".join))
address_text = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                "a",
                "b.c",
                "@",
                "<",
                ">",
                '"',
                " ",
                ",",
                "(",
                ")",
                "\\",
                "josé",
                "españa.es",
                "example.com",
                "Name",
                ":",
                ";",
                *CONTROL,
            ]
        ),
        max_size=10,
    ).map("".join),
)


# -- the server field -----------------------------------------------------------------------------


@QUICK
@given(server_text, st.sampled_from(list(Security)), st.one_of(st.none(), st.integers()))
def test_the_server_field_parses_or_says_why(text, security, port):
    try:
        endpoints = parse_server(text, security, port)
    except EndpointError as error:
        assert str(error) and error.text.render()
        return
    assert endpoints
    for endpoint in endpoints:
        assert 1 <= endpoint.port <= 65535
        host = endpoint.ascii_host
        assert host.isascii() and host.isprintable() and " " not in host
    # What is stored is read back as the same servers.
    assert parse_server(format_server(endpoints)) == endpoints


@QUICK
@given(server_text, st.sampled_from(list(Security)), st.integers(-5, 70000))
def test_the_fields_that_follow_each_other_never_crash(text, security, port):
    assert isinstance(with_prefix(text, security), str)
    assert isinstance(with_port(text, port), str)


@pytest.mark.parametrize("char", CONTROL)
def test_line_breaks_and_control_characters_never_reach_a_host(char):
    for text in (f"smtp{char}.example.com", f"ssl://a{char}b.example:465", f"a.example;b{char}c"):
        with pytest.raises(EndpointError):
            parse_server(text)
    # Around an entry they are blanks, trimmed like spaces; what is left is a clean name.
    try:
        [endpoint] = parse_server(f"{char}smtp.example.com{char}")
    except EndpointError:
        return
    assert endpoint.host == "smtp.example.com"


@pytest.mark.parametrize(
    ("text", "port"),
    [("h.example:1", 1), ("h.example:65535", 65535), ("[::1]:65535", 65535), ("h.example:025", 25)],
)
def test_ports_at_the_limits(text, port):
    assert parse_server(text)[0].port == port


@pytest.mark.parametrize(
    "text",
    [
        "h.example:0",
        "h.example:65536",
        "h.example:-1",
        "h.example:99999999999999999999",
        "h.example:",
        "h.example:²",
        "h.example:٣",
        "[::1]:70000",
        "h.example:1:2",
    ],
)
def test_ports_past_the_limits(text):
    with pytest.raises(EndpointError, match=r"Port|port|IPv6"):
        parse_server(text)


@pytest.mark.parametrize("port", [0, -1, 65536, 10**30])
def test_a_port_given_apart_is_checked_too(port):
    with pytest.raises(EndpointError):
        parse_server("h.example", Security.NONE, port)
    with pytest.raises(EndpointError):
        Endpoint(Security.NONE, "h.example", port)


def test_idn_hosts_become_a_labels():
    [endpoint] = parse_server("ssl://correo.españa.es")
    assert endpoint.host == "correo.españa.es"
    assert endpoint.ascii_host == "correo.xn--espaa-rta.es"


# -- addresses and the user name -------------------------------------------------------------------


@MANY
@given(address_text, st.booleans())
def test_an_address_is_valid_or_has_a_field_error(text, required):
    error = address_error(text, required=required)
    if error is not None:
        assert isinstance(error, str) and error
        return
    if not text.strip():
        return
    addr = mailbox(text)
    assert "@" in addr
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", addr)


@MANY
@given(address_text, address_text)
def test_a_valid_address_makes_a_message_without_injected_headers(own, forced):
    if address_error(own, required=True) or address_error(forced, required=False):
        return
    message = build_test_message(
        own_address=ascii_address(own), forced_from=ascii_address(forced), subject="s", body="b"
    )
    try:
        envelope = envelope_for(message, smtputf8_offered=False)
    except ProbeFailed as failed:  # a non-ASCII local part: a clear failure, never a crash
        assert "SMTPUTF8" in failed.detail
        envelope = envelope_for(message, smtputf8_offered=True)
    for address in (envelope.sender, *envelope.recipients):
        assert not re.search(r"[\s\x00-\x1f\x7f]", address)
    parsed = message_from_bytes(envelope.data, policy=SMTPUTF8)
    expected = {
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "X-Mailer",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
    }
    assert set(parsed.keys()) - {"Reply-To"} == expected


@pytest.mark.parametrize("char", CONTROL)
@pytest.mark.parametrize("field", ["username", "from", "recipient"])
def test_line_breaks_in_user_from_or_recipient_are_field_errors(field, char):
    values = {"username": "alice", "from": "", "recipient": "alice@example.com"}
    values[field] = f"alice@example.com{char}RCPT TO:<x@evil.example>"
    settings_ = Settings(
        endpoints=parse_server("smtp.example.com"),
        username=values["username"],
        from_address=values["from"],
        recipient=values["recipient"],
    )
    errors = field_errors(settings_)
    assert errors.get(field)


@QUICK
@given(st.text())
def test_a_user_name_is_valid_or_has_a_field_error(text):
    error = username_error(text)
    assert error is None or (isinstance(error, str) and error)
    if error is None:
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", text)


# -- the settings file ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
GOOD = {
    "version": 1,
    "server": "ssl://smtp.example.com:465",
    "auth": "auto",
    "username": "alice@example.com",
    "from": "",
    "recipient": "alice@example.com",
    "allow_insecure_auth": False,
    "timeout": 15.0,
    "ca_file": "",
    "trust": "system",
    "pinned_sha256": "",
}
settings_dicts = st.fixed_dictionaries(
    {},
    optional={key: st.one_of(st.just(value), json_values) for key, value in GOOD.items()},
)

LOAD_ERRORS = (ValueError, TypeError, KeyError, EndpointError)


@MANY
@given(st.one_of(json_values, settings_dicts))
def test_from_json_gives_settings_or_a_clear_error(data):
    try:
        loaded = from_json(data)
    except LOAD_ERRORS as error:
        assert str(error)
        return
    assert isinstance(loaded, Settings)
    assert from_json(to_json(loaded)) == loaded


@QUICK
@given(st.one_of(st.binary(max_size=200), settings_dicts.map(lambda d: json.dumps(d).encode())))
def test_the_store_loads_any_file_or_keeps_it_aside(tmp_path_factory, content):
    directory = tmp_path_factory.mktemp("cfg")
    store = SettingsStore(directory)
    store.path.write_bytes(content)
    try:
        loaded = store.load()
    except SettingsFileError as error:
        if "newer smtpgui" in str(error):  # left as it is, for the smtpgui that wrote it
            assert store.path.read_bytes() == content
            return
        assert "could not be" in str(error) or "cannot" in str(error)
        kept = sorted(p for p in directory.iterdir() if p.name.startswith("settings.json.broken"))
        assert [p.read_bytes() for p in kept] == [content]
        assert not store.path.exists()
        return
    assert isinstance(loaded, Settings)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"version": 1, "server": "a.example", "recip', "not valid JSON: Unterminated string"),
        (b"not json", "not valid JSON: Expecting value at line 1, column 1"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[" * 100_000, "nested too deeply"),
        (b"[]", "not a JSON object"),
        (b'{"server": "a.example"}', "no version number"),
        (b'{"version": true, "server": "a.example"}', "no version number"),
        (b'{"version": 1, "server": ["a.example"]}', "server must be text"),
        (b'{"version": 1, "server": "a.example", "timeout": "15"}', "timeout must be 1 to 300"),
        (b'{"version": 1, "server": "a.example", "auth": "kerberos"}', "auth must be one of"),
        (b'{"version": 1, "server": "a.example", "allow_insecure_auth": 1}', "true or false"),
        (
            b'{"version": 1, "server": "a.example", "auth": "none", '
            b'"recipient": "a@b.example\\r\\nBcc: x"}',
            "recipient: Line breaks",
        ),
        (b" " * (1024 * 1024) + b"{}", "larger than 1024 KiB"),
    ],
)
def test_each_broken_file_gets_a_clear_message_and_is_kept(tmp_path, content, reason):
    store = SettingsStore(tmp_path)
    store.path.write_bytes(content)
    with pytest.raises(SettingsFileError) as error:
        store.load()
    assert reason in str(error.value)
    assert (tmp_path / "settings.json.broken").read_bytes() == content
    assert not store.path.exists()


def test_a_bom_is_harmless(tmp_path):
    store = SettingsStore(tmp_path)
    store.path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert store.load() == from_json(GOOD)


def test_a_file_kept_aside_earlier_is_never_overwritten(tmp_path):
    store = SettingsStore(tmp_path)
    kept = []
    for content in (b"first", b"second", b"third"):
        store.path.write_bytes(content)
        with pytest.raises(SettingsFileError) as error:
            store.load()
        kept.append(content)
        names = sorted(p.name for p in tmp_path.iterdir())
        assert len(names) == len(kept) and names[0] == "settings.json.broken"
        assert str(tmp_path / names[-1]) in str(error.value) or names[-1] in str(error.value)
    assert sorted(p.read_bytes() for p in tmp_path.iterdir()) == sorted(kept)


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_an_unreadable_settings_path_is_named_and_left_alone(tmp_path, kind):
    import os

    store = SettingsStore(tmp_path)
    if kind == "directory":
        store.path.mkdir()
    else:
        os.mkfifo(store.path)  # reading it would block the window for ever
    with pytest.raises(SettingsFileError, match="cannot be read"):
        store.load()
    assert store.path.exists()
    assert not (tmp_path / "settings.json.broken").exists()

"""Tests for parsing and formatting the coreBOS-style SMTP server field."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    PREFIXES,
    Endpoint,
    EndpointError,
    Security,
    ServerEntry,
    format_entry,
    format_server,
    parse_entries,
    parse_server,
    resolve,
    with_port,
    with_prefix,
)

NONE, STARTTLS, TLS = Security.NONE, Security.STARTTLS, Security.TLS

NO_HOST = "Enter the server's host name, e.g. smtp.example.com"
BAD_PORT = "Port must be a number from 1 to 65535"
BAD_PREFIX = (
    "is not a prefix this field understands. Use ssl:// (SSL/TLS, usually port 465) "
    "or tls:// (STARTTLS, usually port 587)."
)
SPACES = "The server name cannot contain spaces"
INVISIBLE = "The server name cannot contain invisible or control characters"
BRACKETS_ONLY_V6 = "Square brackets are only for IPv6 addresses, e.g. [2001:db8::1]"
LABEL_63 = "a" * 63
# 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253, the longest name DNS allows.
NAME_253 = ".".join([LABEL_63, LABEL_63, LABEL_63, "b" * 61])


def entry(host: str, security: Security | None = None, port: int | None = None) -> ServerEntry:
    return ServerEntry(host=host, security=security, port=port)


def error_of(text: str) -> str:
    with pytest.raises(EndpointError) as caught:
        parse_entries(text)
    return str(caught.value)


def test_constants() -> None:
    assert DEFAULT_PORTS == {NONE: 25, STARTTLS: 587, TLS: 465}
    assert PREFIXES == {TLS: "ssl://", STARTTLS: "tls://", NONE: ""}
    assert [str(s) for s in Security] == ["none", "starttls", "tls"]


def test_endpoint_error_is_a_value_error() -> None:
    assert issubclass(EndpointError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smtp.example.com", [entry("smtp.example.com")]),
        ("SMTP.Example.COM", [entry("smtp.example.com")]),
        ("smtp.example.com:2525", [entry("smtp.example.com", port=2525)]),
        ("smtp.example.com:1", [entry("smtp.example.com", port=1)]),
        ("smtp.example.com:65535", [entry("smtp.example.com", port=65535)]),
        ("smtp.example.com:0587", [entry("smtp.example.com", port=587)]),
        ("ssl://smtp.gmail.com:465", [entry("smtp.gmail.com", TLS, 465)]),
        ("tls://smtp.gmail.com:587", [entry("smtp.gmail.com", STARTTLS, 587)]),
        ("SSL://smtp.gmail.com", [entry("smtp.gmail.com", TLS)]),
        ("Tls://smtp.gmail.com", [entry("smtp.gmail.com", STARTTLS)]),
        ("localhost", [entry("localhost")]),
        ("mail-1.example.com", [entry("mail-1.example.com")]),
        ("smtp.example.com.", [entry("smtp.example.com")]),
        ("smtp.example.com.:25", [entry("smtp.example.com", port=25)]),
        ("  smtp.example.com  ", [entry("smtp.example.com")]),
        ("smtp.example.com\n", [entry("smtp.example.com")]),
        ("192.0.2.10", [entry("192.0.2.10")]),
        ("ssl://192.0.2.10:465", [entry("192.0.2.10", TLS, 465)]),
        ("[2001:db8::1]:587", [entry("2001:db8::1", port=587)]),
        ("[::1]", [entry("::1")]),
        ("tls://[::1]:2525", [entry("::1", STARTTLS, 2525)]),
        ("::1", [entry("::1")]),
        ("2001:db8::1", [entry("2001:db8::1")]),
        ("::ffff:192.0.2.1", [entry("::ffff:192.0.2.1")]),
        ("[fe80::1%eth0]:25", [entry("fe80::1%eth0", port=25)]),
        ("münchen.de", [entry("münchen.de")]),
        ("ssl://correo.españa.es:465", [entry("correo.españa.es", TLS, 465)]),
        ("MÜNCHEN.DE", [entry("münchen.de")]),
        ("xn--mnchen-3ya.de", [entry("xn--mnchen-3ya.de")]),
        (LABEL_63 + ".com", [entry(LABEL_63 + ".com")]),
        (NAME_253, [entry(NAME_253)]),
        (NAME_253 + ".", [entry(NAME_253)]),
        ("a;b", [entry("a"), entry("b")]),
        (
            "ssl://a.example:465; tls://b.example ;c.example:25",
            [
                entry("a.example", TLS, 465),
                entry("b.example", STARTTLS),
                entry("c.example", port=25),
            ],
        ),
        ("a;;b;", [entry("a"), entry("b")]),
        (";  ;a; ", [entry("a")]),
    ],
)
def test_parse_entries(text: str, expected: list[ServerEntry]) -> None:
    assert parse_entries(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", NO_HOST),
        ("   ", NO_HOST),
        (";", NO_HOST),
        (" ; ;; ", NO_HOST),
        ("ssl://", NO_HOST),
        ("tls://:587", NO_HOST),
        (":587", NO_HOST),
        ("[", 'The "[" has no matching "]", e.g. [2001:db8::1]:587'),
        ("ssl://.", NO_HOST),
    ],
)
def test_missing_host(text: str, message: str) -> None:
    assert error_of(text) == message


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("smtp://smtp.example.com", "smtp://"),
        ("smtps://smtp.example.com:465", "smtps://"),
        ("http://smtp.example.com", "http://"),
        ("STARTTLS://smtp.example.com", "STARTTLS://"),
        ("://smtp.example.com", "://"),
        ("ssl:/smtp.example.com", None),
    ],
)
def test_unknown_prefix(text: str, prefix: str | None) -> None:
    message = error_of(text)
    if prefix is None:  # no "://" at all: it is a malformed port, not a prefix
        assert message == f'{BAD_PORT}, not "/smtp.example.com"'
    else:
        assert message == f'"{prefix}" {BAD_PREFIX}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("smtp.example.com:0", f'{BAD_PORT}, not "0"'),
        ("smtp.example.com:65536", f'{BAD_PORT}, not "65536"'),
        ("smtp.example.com:70000", f'{BAD_PORT}, not "70000"'),
        ("smtp.example.com:99999999999999999999", f'{BAD_PORT}, not "99999999999999999999"'),
        ("smtp.example.com:", f"{BAD_PORT} after the colon"),
        ("smtp.example.com:abc", f'{BAD_PORT}, not "abc"'),
        ("smtp.example.com:-25", f'{BAD_PORT}, not "-25"'),
        ("smtp.example.com:+25", f'{BAD_PORT}, not "+25"'),
        ("smtp.example.com:25.0", f'{BAD_PORT}, not "25.0"'),
        ("smtp.example.com:٢٥", f'{BAD_PORT}, not "٢٥"'),  # Arabic-Indic digits
        ("smtp.example.com:²⁵", f'{BAD_PORT}, not "²⁵"'),
        ("[::1]:", f"{BAD_PORT} after the colon"),
        ("[::1]:0", f'{BAD_PORT}, not "0"'),
    ],
)
def test_bad_port(text: str, message: str) -> None:
    assert error_of(text) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[192.0.2.1]:25", BRACKETS_ONLY_V6),
        ("[smtp.example.com]", BRACKETS_ONLY_V6),
        ("[]", BRACKETS_ONLY_V6),
        ("[::1", 'The "[" has no matching "]", e.g. [2001:db8::1]:587'),
        ("[::1]587", 'Only ":port" may follow the "]", e.g. [2001:db8::1]:587'),
        ("[::1]]", 'Only ":port" may follow the "]", e.g. [2001:db8::1]:587'),
        (
            "2001:db8::1:zz",
            'Use one ":" before the port; put an IPv6 address in square brackets, '
            "e.g. [2001:db8::1]:587",
        ),
        (
            "smtp.example.com:25:26",
            'Use one ":" before the port; put an IPv6 address in square brackets, '
            "e.g. [2001:db8::1]:587",
        ),
    ],
)
def test_bad_ipv6_syntax(text: str, message: str) -> None:
    assert error_of(text) == message


@pytest.mark.parametrize(
    "text",
    [
        "smtp example.com",
        "smtp.example.com :25",
        "smtp.example.com\u00a0:25",  # no-break space
        "ssl:// smtp.example.com",
        "smtp.exa\tmple.com",
        "smtp.example.com\r\nRCPT TO:<x@example.com>",
        "smtp.example.com\nevil",
        "smtp\u3000example.com",  # ideographic space
    ],
)
def test_spaces_in_host(text: str) -> None:
    assert error_of(text) == SPACES


@pytest.mark.parametrize(
    "text",
    ["smtp\x00.example.com", "smtp.example.com\x00", "smtp\u200b.example.com", "smtp\x7f.com"],
)
def test_control_characters_in_host(text: str) -> None:
    assert error_of(text) == INVISIBLE


@pytest.mark.parametrize(
    "host",
    [
        "-smtp.example.com",
        "smtp-.example.com",
        "smtp.-example.com",
        "smtp_relay.example.com",
        "smtp..example.com",
        ".example.com",
        "smtp.example.com..",
        "user@smtp.example.com",
        "smtp.example.com/path",
        "smtp.example.com?x",
        "smtp,example.com",
        "smtp.example.com\\",
        "a" * 64 + ".com",
        "xn--.com",
        "münchen_x.de",
    ],
)
def test_invalid_host_names(host: str) -> None:
    expected_host = host.lower().removesuffix(".")
    assert error_of(host) == (
        f'"{expected_host}" is not a valid server name; use letters, digits, hyphens and dots'
    )


def test_host_name_too_long() -> None:
    long_name = NAME_253 + "c"
    assert error_of(long_name) == "The server name is too long (at most 253 characters)"
    assert error_of("ü" * 60 + ".de").startswith('"üüü')  # label too long once encoded


@pytest.mark.parametrize("text", ["300.1.1.1", "192.0.2", "01.2.3.4", "1.2.3.4.5", "999"])
def test_mistyped_ip_address(text: str) -> None:
    assert error_of(text) == f'"{text}" is not a valid IP address'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a.example;b.example:0", f'Backup server 1: {BAD_PORT}, not "0"'),
        ("a.example:0;b.example", f'Main server: {BAD_PORT}, not "0"'),
        ("a;b;smtp://c", f'Backup server 2: "smtp://" {BAD_PREFIX}'),
        ("a;b;c d", f"Backup server 2: {SPACES}"),
        ("a;tls://", f"Backup server 1: {NO_HOST}"),
        ("a:0;;", f'{BAD_PORT}, not "0"'),  # only one real item, so no label
    ],
)
def test_errors_name_the_item(text: str, message: str) -> None:
    assert error_of(text) == message


@pytest.mark.parametrize(
    ("text", "security", "port", "expected"),
    [
        ("h", NONE, 25, [Endpoint(NONE, "h", 25)]),
        ("h", TLS, 465, [Endpoint(TLS, "h", 465)]),
        ("h", STARTTLS, 2525, [Endpoint(STARTTLS, "h", 2525)]),
        ("h:26", TLS, 465, [Endpoint(TLS, "h", 26)]),
        ("ssl://h", NONE, 25, [Endpoint(TLS, "h", 25)]),  # the Port box wins for the first
        ("tls://h:588", TLS, 465, [Endpoint(STARTTLS, "h", 588)]),
        (
            "a;b;ssl://c;tls://d;e:2526",
            STARTTLS,
            2525,
            [
                Endpoint(STARTTLS, "a", 2525),
                Endpoint(STARTTLS, "b", 587),  # backups use their own security's default
                Endpoint(TLS, "c", 465),
                Endpoint(STARTTLS, "d", 587),
                Endpoint(STARTTLS, "e", 2526),
            ],
        ),
        ("a;b", NONE, 2525, [Endpoint(NONE, "a", 2525), Endpoint(NONE, "b", 25)]),
        ("a;ssl://b", NONE, 25, [Endpoint(NONE, "a", 25), Endpoint(TLS, "b", 465)]),
    ],
)
def test_resolve(text: str, security: Security, port: int, expected: list[Endpoint]) -> None:
    assert resolve(parse_entries(text), security, port) == tuple(expected)


def test_resolve_nothing() -> None:
    assert resolve([], TLS, 465) == ()


@pytest.mark.parametrize(
    ("text", "security", "port", "expected"),
    [
        ("h", NONE, None, "h:25"),
        ("h", STARTTLS, None, "tls://h:587"),
        ("h", TLS, None, "ssl://h:465"),
        ("h", TLS, 2465, "ssl://h:2465"),
        ("ssl://h", NONE, None, "ssl://h:465"),  # no Port given: default of the typed prefix
        ("tls://h", TLS, None, "tls://h:587"),
        ("ssl://h", NONE, 25, "ssl://h:25"),
        ("h;ssl://b;tls://c;d", TLS, None, "ssl://h:465;ssl://b:465;tls://c:587;ssl://d:465"),
        ("[::1]", STARTTLS, None, "tls://[::1]:587"),
        ("::1", NONE, None, "[::1]:25"),
    ],
)
def test_parse_server(text: str, security: Security, port: int | None, expected: str) -> None:
    assert format_server(parse_server(text, security, port)) == expected


def test_parse_server_defaults_to_plain_smtp() -> None:
    assert parse_server("smtp.example.com") == (Endpoint(NONE, "smtp.example.com", 25),)


def test_parse_server_raises() -> None:
    with pytest.raises(EndpointError, match=r"^Enter the server's host name"):
        parse_server(" ; ", TLS, 465)


@pytest.mark.parametrize(
    ("endpoint", "text"),
    [
        (Endpoint(TLS, "smtp.example.com", 465), "ssl://smtp.example.com:465"),
        (Endpoint(STARTTLS, "::1", 587), "tls://[::1]:587"),
        (Endpoint(NONE, "smtp.example.com", 25), "smtp.example.com:25"),
        (Endpoint(NONE, "192.0.2.1", 2525), "192.0.2.1:2525"),
        (Endpoint(TLS, "münchen.de", 465), "ssl://münchen.de:465"),
    ],
)
def test_endpoint_str(endpoint: Endpoint, text: str) -> None:
    assert str(endpoint) == text


@pytest.mark.parametrize(
    ("text", "ascii_host"),
    [
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("correo.españa.es", "correo.xn--espaa-rta.es"),
        ("MÜNCHEN.de", "xn--mnchen-3ya.de"),
        ("bücher.example.", "xn--bcher-kva.example"),
        ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"),
        ("smtp.example.com", "smtp.example.com"),
        ("192.0.2.1", "192.0.2.1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("[fe80::1%Eth0]", "fe80::1%Eth0"),
    ],
)
def test_ascii_host(text: str, ascii_host: str) -> None:
    (endpoint,) = parse_server(text)
    assert endpoint.ascii_host == ascii_host


def test_idn_keeps_unicode_host() -> None:
    (endpoint,) = parse_server("ssl://Correo.España.es")
    assert endpoint.host == "correo.españa.es"
    assert str(endpoint) == "ssl://correo.españa.es:465"


@pytest.mark.parametrize("port", [0, -1, 65536])
def test_endpoint_rejects_bad_port(port: int) -> None:
    with pytest.raises(EndpointError, match=f"^{BAD_PORT}$"):
        Endpoint(NONE, "h", port)


def test_endpoint_is_frozen() -> None:
    endpoint = Endpoint(NONE, "h", 25)
    with pytest.raises(AttributeError):
        endpoint.port = 26  # type: ignore[misc]


@pytest.mark.parametrize(
    ("server_entry", "text"),
    [
        (entry("smtp.example.com"), "smtp.example.com"),
        (entry("smtp.example.com", port=2525), "smtp.example.com:2525"),
        (entry("smtp.example.com", TLS), "ssl://smtp.example.com"),
        (entry("smtp.example.com", STARTTLS, 587), "tls://smtp.example.com:587"),
        (entry("2001:db8::1"), "[2001:db8::1]"),
        (entry("::1", TLS, 465), "ssl://[::1]:465"),
        (entry("192.0.2.1", port=25), "192.0.2.1:25"),
        (entry("münchen.de", STARTTLS), "tls://münchen.de"),
    ],
)
def test_format_entry_is_inverse_of_parsing(server_entry: ServerEntry, text: str) -> None:
    assert format_entry(server_entry) == text
    assert parse_entries(text) == [server_entry]


ROUND_TRIP_TEXTS = [
    "smtp.example.com",
    "SSL://SMTP.Example.com",
    "tls://smtp.example.com:2525",
    "smtp.example.com.:26",
    "[::1]",
    "::1",
    "ssl://[2001:db8::1]:465",
    "192.0.2.1:2525",
    "münchen.de",
    "a.example; ssl://b.example ;; tls://[::1]:2587;c.example:26;",
]


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
@pytest.mark.parametrize("security", list(Security))
@pytest.mark.parametrize("port", [None, 2500])
def test_round_trip(text: str, security: Security, port: int | None) -> None:
    endpoints = parse_server(text, security, port)
    canonical = format_server(endpoints)
    # Every port is explicit, so the Port box no longer matters.
    assert parse_server(canonical, security, 9999) == endpoints
    assert format_server(parse_server(canonical, security)) == canonical
    # Plain SMTP has no prefix (coreBOS has none for it), so only TLS-only lists are
    # independent of the Security dropdown.
    if NONE not in {endpoint.security for endpoint in endpoints}:
        for other_security in Security:
            assert parse_server(canonical, other_security) == endpoints


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_format_entry_round_trip(text: str) -> None:
    entries = parse_entries(text)
    assert parse_entries(";".join(format_entry(e) for e in entries)) == entries


@pytest.mark.parametrize(
    ("text", "security", "expected"),
    [
        ("ssl://smtp.example.com:465", STARTTLS, "tls://smtp.example.com:465"),
        ("tls://smtp.example.com", TLS, "ssl://smtp.example.com"),
        ("SSL://smtp.example.com", TLS, "ssl://smtp.example.com"),
        ("ssl://smtp.example.com:465", NONE, "smtp.example.com:465"),
        ("smtp.example.com:587", TLS, "smtp.example.com:587"),  # no prefix typed: unchanged
        ("smtp.example.com", STARTTLS, "smtp.example.com"),
        (
            "  ssl://a.example:465 ; tls://b.example;c",
            STARTTLS,
            "  tls://a.example:465 ; tls://b.example;c",
        ),
        ("a.example;ssl://b.example", STARTTLS, "a.example;ssl://b.example"),  # only the first
        (" ; ;ssl://a.example;b", STARTTLS, " ; ;tls://a.example;b"),
        ("ssl://[::1]:465", STARTTLS, "tls://[::1]:465"),
        ("ssl://a.example:bad", STARTTLS, "tls://a.example:bad"),  # half-typed text is kept
        ("smtp://a.example", TLS, "smtp://a.example"),
        ("", TLS, ""),
        (" ; ", TLS, " ; "),
    ],
)
def test_with_prefix(text: str, security: Security, expected: str) -> None:
    assert with_prefix(text, security) == expected


@pytest.mark.parametrize(
    ("text", "port", "expected"),
    [
        ("smtp.example.com:25", 587, "smtp.example.com:587"),
        ("ssl://smtp.example.com:465", 2465, "ssl://smtp.example.com:2465"),
        ("smtp.example.com:0025", 26, "smtp.example.com:26"),
        ("smtp.example.com", 587, "smtp.example.com"),  # no port typed: unchanged
        ("ssl://smtp.example.com", 587, "ssl://smtp.example.com"),
        ("[::1]:25", 587, "[::1]:587"),
        ("[::1]", 587, "[::1]"),
        ("::1", 587, "::1"),
        ("2001:db8::25", 587, "2001:db8::25"),  # bare IPv6: the last group is not a port
        ("a.example:25 ; b.example:26", 587, "a.example:587 ; b.example:26"),
        ("a.example;b.example:26", 587, "a.example;b.example:26"),  # only the first
        (";a.example:25\n", 587, ";a.example:587\n"),
        ("a.example:25;b.example:0", 587, "a.example:587;b.example:0"),
        # Text whose first entry does not parse is returned untouched, never an exception.
        ("a.example:0", 587, "a.example:0"),
        ("a.example:abc", 587, "a.example:abc"),
        ("smtp://a.example:25", 587, "smtp://a.example:25"),
        ("a b:25", 587, "a b:25"),
        ("[::1:25", 587, "[::1:25"),
        ("", 587, ""),
        (" ; ", 587, " ; "),
        ("a.example:25", 0, "a.example:25"),
        ("a.example:25", 70000, "a.example:25"),
    ],
)
def test_with_port(text: str, port: int, expected: str) -> None:
    assert with_port(text, port) == expected


ALL_ERROR_TEXTS = [
    "",
    "smtp://x",
    "x:0",
    "x:",
    "[x]",
    "[::1",
    "x y",
    "x\x00",
    "-x",
    "300.1.1.1",
    "a" * 300,
    "a;b:0",
]


@pytest.mark.parametrize("text", ALL_ERROR_TEXTS)
def test_error_messages_are_plain_sentences(text: str) -> None:
    message = error_of(text)
    assert message[0].isupper() or message[0] == '"'
    assert len(message) < 400
    for jargon in ("Error", "codec", "label empty", "Traceback", "None", "\n"):
        assert jargon not in message


def test_core_does_not_import_qt() -> None:
    code = textwrap.dedent(
        """
        import sys
        import smtpgui.core.smtp.endpoint
        assert "PySide6" not in sys.modules, sorted(m for m in sys.modules if "PySide6" in m)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


@pytest.mark.parametrize("server", ["::%¡", "[fe80::1%¡]:25", "[fe80::1%ñ]:587"])
def test_an_ipv6_zone_is_an_interface_name(server):
    # Python's ipaddress takes any text after the "%"; a host must stay ASCII and printable
    # (Hypothesis found "::%¡" in test_the_server_field_parses_or_says_why).
    with pytest.raises(EndpointError) as refused:
        parse_server(server)
    assert "network interface name" in str(refused.value)


def test_an_ipv6_zone_keeps_its_case():
    [endpoint] = parse_server("[fe80::1%Ethernet-2]:587")
    assert (endpoint.host, endpoint.port) == ("fe80::1%Ethernet-2", 587)

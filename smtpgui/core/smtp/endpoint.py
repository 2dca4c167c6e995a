"""Parse and format the coreBOS-style SMTP server field ("ssl://smtp.example.com:465;backup")."""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text


class Security(enum.StrEnum):
    """How the connection is protected."""

    NONE = "none"
    STARTTLS = "starttls"
    TLS = "tls"


DEFAULT_PORTS: dict[Security, int] = {Security.NONE: 25, Security.STARTTLS: 587, Security.TLS: 465}

# coreBOS hands the field to PHPMailer, where "ssl://" means implicit TLS and "tls://" means
# STARTTLS; we keep that spelling so the stored string stays readable by coreBOS.
PREFIXES: dict[Security, str] = {
    Security.TLS: "ssl://",
    Security.STARTTLS: "tls://",
    Security.NONE: "",
}

_SCHEMES: dict[str, Security] = {"ssl": Security.TLS, "tls": Security.STARTTLS}
_PREFIX_RE = re.compile(r"^(.*?)://")
_PORT_RE = re.compile(r"[0-9]+")  # not str.isdigit(): that accepts "²" and Arabic-Indic digits
_LABEL_RE = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
# An IPv6 zone names a network interface (fe80::1%eth0): RFC 6874's unreserved characters.
# Python's ipaddress takes any text after the "%", "¡" and spaces too.
_ZONE_RE = re.compile(r"[A-Za-z0-9._~-]{1,64}")
_MAX_NAME = 253  # RFC 1035 §2.3.4, written without the trailing dot
# The main server and four backups: each silent one costs a test its time limit, and a longer
# list is a typing slip or a hostile profile, not an office's setup.
MAX_SERVERS = 5

_NO_HOST = QT_TRANSLATE_NOOP("Endpoint", "Enter the server's host name, e.g. smtp.example.com")
_BAD_PORT = QT_TRANSLATE_NOOP("Endpoint", "Port must be a number from 1 to 65535")


class EndpointError(ValueError):
    """A message for the Server field: str() in English, `text.render(tr)` translated."""

    def __init__(self, template: str, **values: str | Text) -> None:
        self.text = Text("Endpoint", template, **values)
        super().__init__(str(self.text))


@dataclass(frozen=True)
class ServerEntry:
    """One `;`-separated item exactly as typed; None means the admin left that part out."""

    host: str
    security: Security | None
    port: int | None


@dataclass(frozen=True)
class Endpoint:
    """A fully resolved server to connect to."""

    security: Security
    host: str
    port: int

    def __post_init__(self) -> None:
        if not 1 <= self.port <= 65535:
            raise EndpointError(_BAD_PORT)

    @property
    def ascii_host(self) -> str:
        """The host as sent to DNS and in TLS SNI (IDNA A-labels, "xn--...")."""
        return self.host if _is_ip(self.host) else _to_ascii(self.host)

    def __str__(self) -> str:
        return f"{PREFIXES[self.security]}{_bracketed(self.host)}:{self.port}"


def parse_entries(text: str) -> list[ServerEntry]:
    """Split the field into entries; raise EndpointError naming the first bad one."""
    items = [item.strip() for item in text.split(";")]
    items = [item for item in items if item]
    if not items:
        raise EndpointError(_NO_HOST)
    if len(items) > MAX_SERVERS:
        raise too_many_servers(len(items))
    return [_parse_labelled(item, index, len(items)) for index, item in enumerate(items)]


def too_many_servers(count: int) -> EndpointError:
    return EndpointError(
        QT_TRANSLATE_NOOP(
            "Endpoint",
            "At most {limit} servers (the main one and {backups} backups); this field has {count}.",
        ),
        limit=str(MAX_SERVERS),
        backups=str(MAX_SERVERS - 1),
        count=str(count),
    )


def resolve(entries: Sequence[ServerEntry], security: Security, port: int) -> tuple[Endpoint, ...]:
    """Fill in what was left out: `port` applies to the first entry only.

    Backups fall back to their own default port because the Port box describes the main server;
    copying e.g. 587 onto an "ssl://backup" entry would almost always be wrong.
    """
    return tuple(
        _resolve_one(entry, security, port if index == 0 else None)
        for index, entry in enumerate(entries)
    )


def parse_server(
    text: str, security: Security = Security.NONE, port: int | None = None
) -> tuple[Endpoint, ...]:
    """Parse and resolve; with no `port`, the first entry uses its own security's default port."""
    entries = parse_entries(text)
    if port is None:
        # Default from the entry's own prefix: "ssl://host" alone must mean port 465, not 25.
        port = DEFAULT_PORTS[_security_of(entries[0], security)]
    return resolve(entries, security, port)


def format_entry(entry: ServerEntry) -> str:
    """Write one entry back the way it would be typed."""
    prefix = PREFIXES[entry.security] if entry.security is not None else ""
    port = f":{entry.port}" if entry.port is not None else ""
    return f"{prefix}{_bracketed(entry.host)}{port}"


def format_server(endpoints: Sequence[Endpoint]) -> str:
    """The canonical field text, with every prefix and port spelled out."""
    return ";".join(str(endpoint) for endpoint in endpoints)


def with_prefix(text: str, security: Security) -> str:
    """Give the first entry's typed prefix the new security; text without a prefix is unchanged."""
    before, first, after = _split_first(text)
    match = re.match(r"(\s*)(ssl|tls)://", first, re.IGNORECASE)
    if match is None:
        return text
    return f"{before}{match[1]}{PREFIXES[security]}{first[match.end() :]}{after}"


def with_port(text: str, port: int) -> str:
    """Replace the first entry's typed port; anything that does not parse is left alone."""
    before, first, after = _split_first(text)
    try:
        entry = _parse_item(first.strip())
    except EndpointError:
        return text
    if entry.port is None or not 1 <= port <= 65535:
        return text
    # The item parsed with a port, so its last ":digits" is that port (IPv6 sits in brackets).
    first = re.sub(r":[0-9]+(\s*)\Z", rf":{port}\g<1>", first, count=1)
    return f"{before}{first}{after}"


def _split_first(text: str) -> tuple[str, str, str]:
    """Cut the text around its first non-blank `;` item, keeping everything else verbatim."""
    items = text.split(";")
    for index, item in enumerate(items):
        if item.strip():
            before = "".join(f"{part};" for part in items[:index])
            after = "".join(f";{part}" for part in items[index + 1 :])
            return before, item, after
    return text, "", ""


def _parse_labelled(item: str, index: int, count: int) -> ServerEntry:
    try:
        return _parse_item(item)
    except EndpointError as exc:
        if count == 1:
            raise
        if index == 0:
            raise EndpointError(
                QT_TRANSLATE_NOOP("Endpoint", "Main server: {problem}"), problem=exc.text
            ) from None
        raise EndpointError(
            QT_TRANSLATE_NOOP("Endpoint", "Backup server {number}: {problem}"),
            number=str(index),
            problem=exc.text,
        ) from None


def _parse_item(item: str) -> ServerEntry:
    _reject_blanks(item)
    security, rest = _split_prefix(item)
    host, port_text = _split_port(rest)
    port = None if port_text is None else _parse_port(port_text)
    return ServerEntry(host=_check_host(host), security=security, port=port)


def _reject_blanks(item: str) -> None:
    # CR/LF would let a stored value smuggle extra lines into config files or SMTP logs.
    if any(char.isspace() for char in item):
        raise EndpointError(QT_TRANSLATE_NOOP("Endpoint", "The server name cannot contain spaces"))
    if not item.isprintable():
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint", "The server name cannot contain invisible or control characters"
            )
        )


def _split_prefix(item: str) -> tuple[Security | None, str]:
    match = _PREFIX_RE.match(item)
    if match is None:
        return None, item
    security = _SCHEMES.get(match[1].lower())
    if security is None:
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint",
                '"{prefix}" is not a prefix this field understands. Use ssl:// (SSL/TLS, '
                "usually port 465) or tls:// (STARTTLS, usually port 587).",
            ),
            prefix=match[0],
        )
    return security, item[match.end() :]


def _split_port(rest: str) -> tuple[str, str | None]:
    """Return (host, port text or None); IPv6 comes back without brackets."""
    if rest.startswith("["):
        return _split_bracketed(rest)
    if rest.count(":") > 1:
        if _is_ip(rest):
            return rest, None
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint",
                'Use one ":" before the port; put an IPv6 address in square brackets, '
                "e.g. [2001:db8::1]:587",
            )
        )
    host, colon, port_text = rest.partition(":")
    return host, port_text if colon else None


def _split_bracketed(rest: str) -> tuple[str, str | None]:
    host, bracket, tail = rest[1:].partition("]")
    if not bracket:
        raise EndpointError(
            QT_TRANSLATE_NOOP("Endpoint", 'The "[" has no matching "]", e.g. [2001:db8::1]:587')
        )
    if not _is_ip(host, version=6):
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint", "Square brackets are only for IPv6 addresses, e.g. [2001:db8::1]"
            )
        )
    if tail and not tail.startswith(":"):
        raise EndpointError(
            QT_TRANSLATE_NOOP("Endpoint", 'Only ":port" may follow the "]", e.g. [2001:db8::1]:587')
        )
    return host, tail[1:] if tail else None


def _parse_port(text: str) -> int:
    if not _PORT_RE.fullmatch(text) or not 1 <= int(text) <= 65535:
        if not text:
            raise EndpointError(
                QT_TRANSLATE_NOOP(
                    "Endpoint", "Port must be a number from 1 to 65535 after the colon"
                )
            )
        raise EndpointError(
            QT_TRANSLATE_NOOP("Endpoint", 'Port must be a number from 1 to 65535, not "{port}"'),
            port=text,
        )
    return int(text)


def _check_host(host: str) -> str:
    """Validate and return the host, lowercased, without a trailing dot."""
    host = host.removesuffix(".")  # an absolute name; SNI must not carry the dot (RFC 6066 §3)
    if not host:
        raise EndpointError(_NO_HOST)
    if _is_ip(host):
        _check_zone(host)
        return host  # not lowercased: an IPv6 zone such as "%eth0" names a case-sensitive NIC
    host = host.lower()
    _check_name(host)
    return host


def _check_zone(host: str) -> None:
    _, percent, zone = host.partition("%")
    if percent and not _ZONE_RE.fullmatch(zone):
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint",
                'After the "%" of an IPv6 address comes a network interface name such as eth0, '
                'not "{zone}"',
            ),
            zone=zone,
        )


def _check_name(host: str) -> None:
    invalid = QT_TRANSLATE_NOOP(
        "Endpoint", '"{host}" is not a valid server name; use letters, digits, hyphens and dots'
    )
    try:
        ascii_host = _to_ascii(host)
    except UnicodeError:
        raise EndpointError(invalid, host=host) from None
    if len(ascii_host) > _MAX_NAME:
        raise EndpointError(
            QT_TRANSLATE_NOOP(
                "Endpoint", "The server name is too long (at most {limit} characters)"
            ),
            limit=str(_MAX_NAME),
        )
    labels = ascii_host.split(".")
    if not all(_LABEL_RE.fullmatch(label) for label in labels):
        raise EndpointError(invalid, host=host)
    if labels[-1].isdigit():  # no top-level domain is numeric, so "300.1.1.1" is a mistyped IP
        raise EndpointError(
            QT_TRANSLATE_NOOP("Endpoint", '"{host}" is not a valid IP address'), host=host
        )


def _to_ascii(host: str) -> str:
    # Stdlib IDNA 2003 (RFC 3490): maps "ß" to "ss" where IDNA 2008 would keep it; good enough
    # for the mail servers an office types in, and it needs no third-party package.
    return host.encode("idna").decode("ascii")


def _is_ip(host: str, version: int | None = None) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return version is None or address.version == version


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _resolve_one(entry: ServerEntry, security: Security, port: int | None) -> Endpoint:
    chosen = _security_of(entry, security)
    fallback = DEFAULT_PORTS[chosen] if port is None else port
    return Endpoint(chosen, entry.host, fallback if entry.port is None else entry.port)


def _security_of(entry: ServerEntry, security: Security) -> Security:
    return security if entry.security is None else entry.security

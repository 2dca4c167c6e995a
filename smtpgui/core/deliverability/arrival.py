"""Proof of arrival: wait for the test message in the recipient's mailbox over IMAP (RFC 9051).

Read-only by default: folders are opened with EXAMINE and headers fetched with BODY.PEEK, so
nothing is marked read; the test message is deleted only when the admin asks (UID EXPUNGE of
RFC 4315, never a plain EXPUNGE that would remove other messages marked deleted). IMAP IDLE
(RFC 2177) wakes the wait as soon as the Inbox changes; without it the mailbox is polled.
The login is never written to the transcript: LOGIN and AUTHENTICATE lines hide their payload.
With an OAuth2 sign-in the mailbox is opened with the access token (SASL XOAUTH2, or RFC 7628
OAUTHBEARER where only that is offered), as the SMTP login was.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import re
import select
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from smtpgui.core.deliverability.model import ArrivalCheck, Finding
from smtpgui.core.profile.addresses import control_characters
from smtpgui.core.profile.settings import Settings
from smtpgui.core.providers.catalogue import Server, catalogue_imap
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.transcript import REDACTED, Direction, Redactor, TranscriptLine
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text, message_of

Log = Callable[[TranscriptLine], None]
# Special-use Junk (RFC 6154) first; else the names big providers use for spam folders.
_JUNK_NAMES = re.compile(
    r"^(junk|spam|junk e-?mail|bulk mail|\[gmail\]/spam|correo no deseado)$", re.I
)
_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\) (?:"[^"]*"|NIL) (?P<name>.+)$')
_IDLE_END_LINES = 1000  # untagged lines a server may send before it ends IDLE
_RESULT = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*([a-z]+)", re.I)


@dataclass(frozen=True)
class ImapAccount:
    """The mailbox to read. `secret` is the password, or the access token with `oauth2`."""

    host: str
    port: int
    security: Security
    username: str
    secret: str = field(repr=False)  # never in a traceback or a log
    oauth2: bool = False
    allow_insecure_auth: bool = False
    context: ssl.SSLContext | None = None  # None: the system's trust


@dataclass(frozen=True)
class Arrival:
    """What the mailbox showed. `folder` is "" when the message never arrived."""

    arrived: bool
    seconds: float
    folder: str = ""
    junk: bool = False
    authentication_results: str = ""  # the receiving server's header, as found
    results: tuple[tuple[str, str], ...] = ()  # ("spf", "pass"), ("dkim", "fail"), ...
    deleted: bool = False


class ArrivalError(Exception):
    """The mailbox could not be read (connection, TLS, login): a sentence for the admin."""


def wait_for_arrival(
    account: ImapAccount,
    message_id: str,
    *,
    limit: float = 120.0,
    poll: float = 3.0,
    delete: bool = False,
    log: Log | None = None,
    cancelled: threading.Event | None = None,
) -> Arrival:
    """Look for `message_id` in the Inbox and the junk folders until it shows or `limit` ends."""
    mailbox = _Mailbox(account, log or (lambda _line: None))
    started = time.monotonic()
    try:
        mailbox.open()
        folders = mailbox.folders()
        while True:
            found = mailbox.find(folders, message_id)
            if found is not None:
                return mailbox.report(found, time.monotonic() - started, delete)
            left = limit - (time.monotonic() - started)
            if left <= 0 or (cancelled is not None and cancelled.is_set()):
                return Arrival(False, round(time.monotonic() - started, 1))
            mailbox.wait(min(poll, left), cancelled or threading.Event())
    except (OSError, imaplib.IMAP4.error, ssl.SSLError) as exc:
        raise ArrivalError(
            Text(
                "Deliverability",
                QT_TRANSLATE_NOOP(
                    "Deliverability", "the mailbox on {host} could not be read: {reason}"
                ),
                host=account.host,
                reason=str(exc) or type(exc).__name__,
            )
        ) from None
    finally:
        mailbox.close()


class _Mailbox:
    """One IMAP connection, logged as it goes, secrets hidden."""

    def __init__(self, account: ImapAccount, log: Log) -> None:
        self._account = account
        self._log = log
        self._redactor = Redactor([account.secret], account.username)
        self._started = time.monotonic()
        self._conn: imaplib.IMAP4 | None = None

    def _line(self, direction: Direction, text: str) -> None:
        elapsed = round((time.monotonic() - self._started) * 1000)
        self._log(TranscriptLine(direction, self._redactor.redact(text), elapsed))

    def open(self) -> None:
        account = self._account
        context = account.context or ssl.create_default_context()
        self._line(Direction.INFO, f"IMAP: connecting to {account.host}:{account.port}")
        if account.security is Security.TLS:
            conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                account.host, account.port, ssl_context=context, timeout=15
            )
        else:
            conn = imaplib.IMAP4(account.host, account.port, timeout=15)
            if account.security is Security.STARTTLS:
                conn.starttls(context)
                self._line(Direction.TLS, "IMAP: STARTTLS done")
        self._conn = conn
        self._line(Direction.SERVER, conn.welcome.decode("utf-8", "replace"))
        self._login(conn)

    def _login(self, conn: imaplib.IMAP4) -> None:
        account = self._account
        encrypted = account.security is not Security.NONE
        if not (encrypted or account.allow_insecure_auth):
            raise ArrivalError(
                Text(
                    "Deliverability",
                    QT_TRANSLATE_NOOP(
                        "Deliverability",
                        "IMAP login refused without encryption (allow it explicitly)",
                    ),
                )
            )
        reply: tuple[str, object]  # typeshed types authenticate's data and login's apart
        if account.oauth2:
            mechanism, payload = _bearer(account, conn.capabilities)
            self._line(Direction.CLIENT, f"AUTHENTICATE {mechanism} {REDACTED}")
            reply = conn.authenticate(mechanism, lambda _challenge: payload)
        elif "AUTH=PLAIN" in conn.capabilities:  # UTF-8 passwords: LOGIN is ASCII in imaplib
            self._line(Direction.CLIENT, f"AUTHENTICATE PLAIN {REDACTED}")
            plain = f"\0{account.username}\0{account.secret}".encode()
            reply = conn.authenticate("PLAIN", lambda _challenge: plain)
        else:
            # LOGIN sends both as IMAP strings (RFC 9051 §4.3), which imaplib does not escape: a
            # line break in either would end the command and start another.
            if control_characters(account.username + account.secret):
                raise ArrivalError(_CONTROL_REFUSED)
            self._line(Direction.CLIENT, f"LOGIN {account.username} {REDACTED}")
            reply = conn.login(account.username, account.secret)
        self._line(Direction.SERVER, f"{reply[0]} {_text(reply[1])}")
        # RFC 9051 §6.2.2: what is offered may change after login (Dovecot adds UIDPLUS, IDLE).
        _typ, caps = conn.capability()
        conn.capabilities = tuple(_text(caps).upper().split())

    def folders(self) -> tuple[tuple[str, bool], ...]:
        """(name, is junk) for the Inbox and every junk folder, Inbox first."""
        assert self._conn is not None
        _typ, data = self._conn.list()
        found = [("INBOX", False)]
        for raw in data:
            match = _LIST_LINE.match(raw if isinstance(raw, bytes) else b"")
            if match is None:
                continue
            name = match["name"].decode("utf-8", "replace").strip('"')
            if control_characters(name):  # the server's name goes back in SELECT: never a CR/LF
                continue
            if b"\\junk" in match["flags"].lower() or _JUNK_NAMES.match(name):
                found.append((name, True))
        return tuple(dict.fromkeys(found))

    def find(
        self, folders: tuple[tuple[str, bool], ...], message_id: str
    ) -> tuple[str, bool, str] | None:
        assert self._conn is not None
        for name, junk in folders:
            self._conn.select(_quoted(name), readonly=True)
            _typ, data = self._conn.uid("SEARCH", "HEADER", "Message-ID", _quoted(message_id))
            # RFC 9051 §9: a UID is a number; anything else would go back into FETCH and STORE.
            uids = [uid for uid in (data[0] or b"").split() if uid.isdigit()] if data else []
            self._line(Direction.INFO, f"IMAP: {name}: {'found' if uids else 'not there yet'}")
            if uids:
                return name, junk, uids[-1].decode("ascii")
        return None

    def report(self, found: tuple[str, bool, str], seconds: float, delete: bool) -> Arrival:
        assert self._conn is not None
        name, junk, uid = found
        _typ, data = self._conn.uid(
            "FETCH", uid, "(BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)])"
        )
        header = _header_value(data)
        results = tuple((k.lower(), v.lower()) for k, v in _first_of_each(_RESULT.findall(header)))
        deleted = self._delete(name, uid) if delete else False
        return Arrival(True, round(seconds, 1), name, junk, header, results, deleted)

    def _delete(self, folder: str, uid: str) -> bool:
        assert self._conn is not None
        if "UIDPLUS" not in self._conn.capabilities:
            self._line(
                Direction.INFO, "IMAP: not deleted: the server cannot delete one message alone"
            )
            return False
        self._conn.select(_quoted(folder))
        self._conn.uid("STORE", uid, "+FLAGS.SILENT", r"(\Deleted)")
        typ, _data = self._conn.uid("EXPUNGE", uid)
        self._line(Direction.INFO, f"IMAP: test message deleted from {folder}")
        return typ == "OK"

    def wait(self, seconds: float, cancelled: threading.Event) -> None:
        """IDLE on the Inbox until it changes or `seconds` pass; else just wait."""
        assert self._conn is not None
        if "IDLE" not in self._conn.capabilities:
            cancelled.wait(seconds)  # polling (no IDLE offered); Cancel ends the wait at once
            return
        conn = self._conn
        conn.select("INBOX", readonly=True)
        tag = conn._new_tag()  # imaplib (before 3.14) has no idle(): RFC 2177 by hand
        conn.send(tag + b" IDLE\r\n")
        if not conn.readline().startswith(b"+"):
            return
        select.select([conn.sock], [], [], seconds)  # "* n EXISTS" wakes us early
        conn.send(b"DONE\r\n")
        for _line in range(_IDLE_END_LINES):  # RFC 2177: untagged news, then the tagged end
            line = conn.readline()
            if not line:
                raise OSError("the server closed the connection")
            if line.startswith(tag):
                return
        raise OSError("the server did not end IDLE")

    def close(self) -> None:
        if self._conn is None:
            return
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            self._conn.logout()


def _bearer(account: ImapAccount, capabilities: tuple[str, ...]) -> tuple[str, bytes]:
    """The SASL mechanism and initial response for the access token: XOAUTH2 (Google's and
    Microsoft's), else OAUTHBEARER (RFC 7628 §3.1) where a server offers only that (Yahoo)."""
    if "AUTH=OAUTHBEARER" in capabilities and "AUTH=XOAUTH2" not in capabilities:
        gs2 = "a=" + account.username.replace("=", "=3D").replace(",", "=2C")  # RFC 5801 §4
        where = f"host={account.host}\x01port={account.port}\x01"
        bearer = f"n,{gs2},\x01{where}auth=Bearer {account.secret}\x01\x01"
        return "OAUTHBEARER", bearer.encode()
    return "XOAUTH2", f"user={account.username}\x01auth=Bearer {account.secret}\x01\x01".encode()


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(data: object) -> str:
    items = data if isinstance(data, list) else [data]
    return " ".join(d.decode("utf-8", "replace") if isinstance(d, bytes) else str(d) for d in items)


def _header_value(data: list[object]) -> str:
    for item in data:
        if isinstance(item, tuple) and len(item) > 1 and isinstance(item[1], bytes):
            text = item[1].decode("utf-8", "replace")
            value = text.partition(":")[2]
            return " ".join(value.split())  # unfolded (RFC 5322 §2.2.3)
    return ""


def _first_of_each(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for method, result in pairs:
        seen.setdefault(method.lower(), result)
    return list(seen.items())


def imap_endpoint(check: ArrivalCheck, provider: Server | None = None) -> tuple[str, int, Security]:
    """(host, port, security) of the typed server, else the provider's; ValueError if none."""
    text = check.server.strip()
    if not text and provider is not None:
        return provider.host, provider.port, check.security or provider.security
    if not text:
        raise ValueError(
            Text(
                "Deliverability",
                QT_TRANSLATE_NOOP(
                    "Deliverability",
                    "No IMAP server is known for this provider: give the IMAP server of the "
                    "test recipient's mailbox (e.g. imap.example.com).",
                ),
            )
        )
    host, _, port_text = text.rpartition(":") if text.count(":") == 1 else (text, "", "")
    if not port_text.isdigit() and port_text:
        raise ValueError(
            Text(
                "Deliverability",
                QT_TRANSLATE_NOOP("Deliverability", "{server}: the IMAP port must be a number"),
                server=text,
            )
        )
    security = check.security or (Security.STARTTLS if port_text == "143" else Security.TLS)
    default = {Security.TLS: 993}.get(security, 143)
    return host.strip("[]"), int(port_text or default), security


def same_organisation(host: str, settings: Settings) -> bool:
    """`host` lies in the registered domain (public suffix + 1) of one of the SMTP servers."""
    from publicsuffixlist import PublicSuffixList  # (lazy: only an arrival check reads it)

    suffixes = PublicSuffixList()

    def site(name: str) -> str:
        name = name.lower().rstrip(".").strip("[]")
        try:
            return str(ipaddress.ip_address(name))  # an address is its own organisation
        except ValueError:
            return suffixes.privatesuffix(name) or name  # a bare name: itself

    return site(host) in {site(endpoint.host) for endpoint in settings.endpoints}


def prove_arrival(
    check: ArrivalCheck,
    settings: Settings,
    secret: str,
    message_id: str,
    log: Log,
    cancelled: threading.Event | None = None,
    *,
    secret_stored: bool = False,
) -> tuple[Arrival | None, Finding]:
    """Wait for the test message as `check` asks, with the SMTP login's secret by default.

    A stored secret goes only where it was given (issue 12): to an IMAP server of the same
    organisation as the SMTP servers (imap.example.com beside smtp.example.com), or the one the
    provider catalogue names for the SMTP server's provider, never to another host a typed
    option or a profile names. A password typed for this run may go to the IMAP server the
    admin names with it. With OAuth2, `secret` is the access token.
    """
    from smtpgui.core.deliverability.verdicts import arrival_finding

    mailbox = settings.recipient
    try:
        account = _account(check, settings, secret, secret_stored)
        arrival = wait_for_arrival(
            account,
            message_id,
            limit=check.limit,
            delete=check.delete,
            log=log,
            cancelled=cancelled,
        )
    except (ArrivalError, ValueError) as exc:
        return None, arrival_finding(None, mailbox, message_of(exc))
    return arrival, arrival_finding(arrival, mailbox)


def _account(
    check: ArrivalCheck, settings: Settings, secret: str, secret_stored: bool
) -> ImapAccount:
    """The mailbox to read, with the secret it may have (ValueError when none may go there)."""
    from smtpgui.core.profile.settings import AuthMethod, TrustMode
    from smtpgui.core.smtp.tls import make_context

    if any(control_characters(text) for text in (check.server, check.username, check.password)):
        raise ValueError(_CONTROL_REFUSED)  # a CR/LF would end the IMAP command and start another
    smtp_host = settings.endpoints[0].host if settings.endpoints else ""
    provider, vouched = catalogue_imap(smtp_host, settings.recipient)
    host, port, security = imap_endpoint(check, provider)
    vouched = vouched and provider is not None and host == provider.host
    own_login = bool(check.password)  # typed for this check: goes where it was typed for
    if secret_stored and not (own_login or vouched or same_organisation(host, settings)):
        raise ValueError(_not_bound(host))
    oauth2 = settings.auth is AuthMethod.OAUTH2 and not own_login
    missing = _missing_imap_scopes(smtp_host, settings) if oauth2 else ()
    if missing:
        raise ValueError(_scopes_needed(missing))
    trust = TrustMode.CA_FILE if settings.ca_file else TrustMode.SYSTEM
    encrypted = security is not Security.NONE
    return ImapAccount(
        host,
        port,
        security,
        check.username or settings.username,
        check.password or secret,
        oauth2=oauth2,
        allow_insecure_auth=settings.allow_insecure_auth,
        context=make_context(trust, settings.ca_file) if encrypted else None,
    )


def _missing_imap_scopes(smtp_host: str, settings: Settings) -> tuple[str, ...]:
    """The scopes the SMTP server's provider needs for IMAP that the sign-in did not ask for:
    Microsoft's token for SMTP.Send alone is refused by its IMAP server."""
    from smtpgui.core.providers.catalogue import by_host

    match = by_host(smtp_host) if smtp_host else None
    oauth = match.provider.oauth2 if match is not None else None
    asked = set(settings.oauth.scopes.split())
    return tuple(s for s in oauth.imap_scopes if s not in asked) if oauth is not None else ()


def _scopes_needed(missing: tuple[str, ...]) -> Text:
    return Text(
        "Deliverability",
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "the sign-in allows sending mail, not reading the mailbox; add {scopes} to the "
            "OAuth2 scopes, sign in again, then test (or give the mailbox a login of its own)",
        ),
        scopes=" ".join(missing),
    )


_CONTROL_REFUSED = Text(
    "Deliverability",
    QT_TRANSLATE_NOOP(
        "Deliverability",
        "the mailbox's server, user name and password may not hold line breaks or control "
        "characters",
    ),
)


def _not_bound(host: str) -> Text:
    return Text(
        "Deliverability",
        QT_TRANSLATE_NOOP(
            "Deliverability",
            "the stored password is sent only to the servers it was saved for, and {host} is "
            "not one of them; give the password for this check (--password-stdin, or type it "
            "in the window) to read that mailbox",
        ),
        host=host,
    )

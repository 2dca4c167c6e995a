"""Autoconfig: the Thunderbird config-v1.1 XML a domain (or the ISPDB) publishes for clients."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import IO

from smtpgui.core.discovery.findings import Finding, HttpOpener, Source, server_host
from smtpgui.core.providers.catalogue import AuthKind
from smtpgui.core.smtp.endpoint import Security
from smtpgui.core.smtp.trust_store import system_context

MAX_BYTES = 256 * 1024  # a real config is a few kB

_SOCKET_TYPES = {"SSL": Security.TLS, "STARTTLS": Security.STARTTLS, "plain": Security.NONE}
_AUTH_KINDS = {
    "password-cleartext": AuthKind.PASSWORD,
    "password-encrypted": AuthKind.PASSWORD,
    "OAuth2": AuthKind.OAUTH2,
}


def autoconfig_findings(
    address: str,
    domain: str,
    urls: Sequence[tuple[Source, str]],
    opener: HttpOpener | None,
    timeout: float,
) -> list[Finding]:
    """The outgoing servers of the first URL that answers with a usable config."""
    fetch = opener or fetch_url
    for source, template in urls:
        url = template.format(domain=domain, address=urllib.parse.quote(address, safe="@"))
        try:
            answered, body = fetch(url, timeout)
            found = parse_config(body, address, source, answered)
        # Unreachable, an HTTP error or a broken reply, not XML, not a config: the next URL.
        except (OSError, http.client.HTTPException, ValueError):
            continue
        if found:
            return found
    return []


def fetch_url(url: str, timeout: float) -> tuple[str, bytes]:
    """(the URL that answered, the body): redirects only within the host, never down to http."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"autoconfig only asks web servers, not {url!r}")
    # Same-host redirects only, and "system" trust by the operating system's verifier.
    https = urllib.request.HTTPSHandler(context=system_context())
    opener = urllib.request.build_opener(_SameHostRedirect, https)
    with opener.open(url, timeout=timeout) as response:
        body: bytes = response.read(MAX_BYTES + 1)
        answered: str = response.geturl()
    if len(body) > MAX_BYTES:
        raise ValueError("the autoconfig file is too large")
    return answered, body


class _SameHostRedirect(urllib.request.HTTPRedirectHandler):
    """A config over https may not come from plain http or from another host: whoever can
    redirect the request would choose the admin's mail server (and see the password)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        downgrade = old.scheme == "https" and new.scheme != "https"
        if downgrade or new.scheme not in ("http", "https") or new.netloc != old.netloc:
            raise urllib.error.HTTPError(
                req.full_url, code, f"refused redirect to {newurl}", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def parse_config(body: bytes, address: str, source: Source, url: str) -> list[Finding]:
    """The outgoingServer elements of type smtp; ValueError if this is not a config file."""
    # A DTD could define entities that expand without end; a config never needs one.
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise ValueError("the autoconfig file declares a DTD")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    if root.tag != "clientConfig":
        raise ValueError("not a clientConfig document")
    findings = []
    for server in root.iterfind("emailProvider/outgoingServer"):
        if server.get("type") != "smtp":
            continue
        host = server_host(_fill(server.findtext("hostname", ""), address))
        port = server.findtext("port", "").strip()
        security = _SOCKET_TYPES.get(server.findtext("socketType", "").strip())
        if host is None or not port.isdecimal() or not 0 < int(port) < 65536 or security is None:
            continue
        kinds = [_AUTH_KINDS.get((a.text or "").strip()) for a in server.iterfind("authentication")]
        findings.append(
            Finding(
                host,
                int(port),
                security,
                source,
                url,
                auth=tuple(dict.fromkeys(k for k in kinds if k is not None)),
                username=_fill(server.findtext("username", ""), address),
            )
        )
    return findings


def _fill(template: str, address: str) -> str:
    local, _, domain = address.strip().rpartition("@")
    return (
        template.strip()
        .replace("%EMAILADDRESS%", address.strip())
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain)
    )

"""Issue 14: discovery cannot be redirected, and a server outside the address's domain and the
catalogue is marked before the admin uses it (RFC 6186 §6)."""

from __future__ import annotations

import contextlib
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

import pytest

from smtpgui.core.discovery.autoconfig import _SameHostRedirect
from smtpgui.core.discovery.findings import Source
from smtpgui.core.discovery.run import discover
from tests.helpers.discovery import ADDRESS, CONFIG
from tests.helpers.dns_server import dns_server


@contextlib.contextmanager
def redirecting_server(redirects: dict[str, str], pages: dict[str, bytes]) -> Iterator[str]:
    """http://127.0.0.1:PORT; each path of `redirects` answers 302 to its URL ({base} filled)."""
    base: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[path].format(base=base[0]))
                self.end_headers()
                return
            body = pages.get(path)
            self.send_response(200 if body else 404)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    base.append(f"http://127.0.0.1:{port}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base[0]
    finally:
        server.shutdown()
        server.server_close()


def autoconfig(url: str, dns) -> list:
    return discover(
        ADDRESS,
        resolver=dns.resolver(),
        autoconfig=True,
        autoconfig_urls=(url,),
        ispdb_url=url + "-none",
        probe_guesses=False,
    )


def test_a_finding_is_labelled_with_the_url_that_answered():
    redirects = {"/config": "{base}/moved/config"}
    with dns_server({}) as dns, redirecting_server(redirects, {"/moved/config": CONFIG}) as base:
        findings = autoconfig(base + "/config", dns)
    assert findings and findings[0].detail == f"{base}/moved/config"
    assert findings[0].source is Source.AUTOCONFIG


def test_a_redirect_to_another_host_is_refused():
    # localhost and 127.0.0.1 are the same machine, but another host name for the request.
    with redirecting_server({}, {"/x": CONFIG}) as elsewhere:
        other = elsewhere.replace("127.0.0.1", "localhost")
        redirects = {"/config": other + "/x"}
        with dns_server({}) as dns, redirecting_server(redirects, {}) as base:
            findings = autoconfig(base + "/config", dns)
    assert findings == []


@pytest.mark.parametrize(
    ("new", "refused"),
    [
        ("http://autoconfig.example.test/mail/config-v1.1.xml", True),  # down to plain http
        ("https://evil.test/mail/config-v1.1.xml", True),  # another host
        ("ftp://autoconfig.example.test/x", True),
        ("https://autoconfig.example.test/v2/config.xml", False),
    ],
)
def test_an_https_request_is_redirected_only_within_its_host_over_https(new, refused):
    request = urllib.request.Request("https://autoconfig.example.test/mail/config-v1.1.xml")
    handler = _SameHostRedirect()
    if refused:
        with pytest.raises(urllib.error.HTTPError, match="refused redirect"):
            handler.redirect_request(request, None, 302, "Found", Message(), new)  # type: ignore[arg-type]
    else:
        followed = handler.redirect_request(request, None, 302, "Found", Message(), new)  # type: ignore[arg-type]
        assert followed is not None and followed.full_url == new


def test_srv_targets_outside_the_domain_and_the_catalogue_are_marked():
    records = {
        ("_submissions._tcp.example.test", "SRV"): [
            "0 0 465 smtp.attacker.test.",
            "1 0 465 mail.example.test.",
            "2 0 465 smtp.gmail.com.",
        ],
    }
    with dns_server(records) as dns:
        findings = discover(ADDRESS, resolver=dns.resolver(), probe_guesses=False)
    marks = {f.host: f.outside for f in findings}
    assert marks == {
        "smtp.attacker.test": "example.test",
        "mail.example.test": "",
        "smtp.gmail.com": "",
    }
    warning = next(f.warning for f in findings if f.host == "smtp.attacker.test")
    assert warning is not None and "outside example.test" in warning

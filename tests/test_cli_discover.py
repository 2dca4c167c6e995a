"""`smtpgui discover` as a subprocess, with its DNS server and SMTP servers in this process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smtpgui.core import exit_codes as codes
from tests.helpers.dns_server import dns_server
from tests.helpers.servers import free_port, smtp_server

ROOT = Path(__file__).resolve().parent.parent


def discover_cli(dns, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        SMTPGUI_DNS_SERVER=dns.address,  # never the system's DNS server
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", "discover", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_catalogue_domain_as_json():
    with dns_server({}) as dns:
        done = discover_cli(dns, "office@gmail.com", "--json", "--no-probe")
    assert done.returncode == codes.OK, done.stderr
    data = json.loads(done.stdout)
    first = data["findings"][0]
    assert first["server"] == "ssl://smtp.gmail.com:465"
    assert (first["source"], first["provider"]) == ("catalogue", "google")
    assert first["source_text"] == "catalogue: Gmail / Google Workspace, by the domain gmail.com"
    assert first["auth"] == ["app-password", "oauth2"]
    assert ("_submissions._tcp.gmail.com", "SRV") in dns.queries  # asked our server only


def test_srv_and_mx_findings_printed_with_their_source():
    records = {
        ("_submission._tcp.example.test", "SRV"): ["0 0 587 mail.example.test."],
        ("example.test", "MX"): ["10 example-test.mail.protection.outlook.com."],
    }
    with dns_server(records) as dns:
        done = discover_cli(dns, "alice@example.test")
    assert done.returncode == codes.OK, done.stderr
    lines = done.stdout.splitlines()
    assert "tls://mail.example.test:587" in lines[1]
    assert "from DNS SRV record _submission._tcp.example.test" in lines[1]
    assert any("tls://smtp.office365.com:587" in line for line in lines)
    assert "DNS MX record example-test.mail.protection.outlook.com → Microsoft 365" in done.stdout
    assert "Send As" in done.stdout


def test_a_guessed_host_that_answers(ca):
    with dns_server({}) as dns, smtp_server(ca, "starttls") as server:
        done = discover_cli(
            dns,
            "alice@example.test",
            "--json",
            "--timeout",
            "5",
            SMTPGUI_GUESS_HOSTS="127.0.0.1",
            SMTPGUI_GUESS_PORTS=f"starttls:{server.port}",
        )
    assert done.returncode == codes.OK, done.stderr
    (finding,) = json.loads(done.stdout)["findings"]
    assert finding["server"] == f"tls://127.0.0.1:{server.port}"
    assert (finding["source"], finding["auth_method"]) == ("guess", "plain")


def test_nothing_answered_is_the_connect_code():
    closed = free_port()
    with dns_server({}) as dns:
        done = discover_cli(
            dns,
            "alice@example.test",
            "--timeout",
            "5",
            SMTPGUI_GUESS_HOSTS="127.0.0.1",
            SMTPGUI_GUESS_PORTS=f"tls:{closed},starttls:{closed}",
        )
    assert done.returncode == codes.CONNECT, done.stderr
    assert "Nothing found for alice@example.test" in done.stdout


@pytest.mark.parametrize("address", ["alice", "alice@", "@example.test"])
def test_an_invalid_address_is_invalid_input(address):
    with dns_server({}) as dns:
        done = discover_cli(dns, address)
    assert done.returncode == codes.INVALID_INPUT
    assert "not an e-mail address" in done.stderr
    assert dns.queries == []

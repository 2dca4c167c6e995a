"""`smtpgui domain-check` and the deliverability part of `check`, as subprocesses with a real
DNS server on 127.0.0.1 (--resolver) and a real SMTP server."""

from __future__ import annotations

import json

import pytest

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_terminal import check_args, cli
from tests.helpers.deliverability_zones import M365, ZONES
from tests.helpers.dns_server import DnsServer, dns_server
from tests.helpers.servers import PASSWORD

OFFICE = {
    ("office.test", "TXT"): ['"v=spf1 ip4:127.0.0.1 -all"'],
    ("_dmarc.office.test", "TXT"): ['"v=DMARC1; p=quarantine"'],
}


@pytest.fixture(scope="module")
def dns() -> object:
    with dns_server({**ZONES, **OFFICE}) as server:
        yield server


def test_a_misaligned_reject_domain_as_json_exits_22(env, dns: DnsServer) -> None:
    done = cli(
        env,
        "domain-check",
        "invoices@other.test",
        "--server",
        M365,
        "--resolver",
        dns.address,
        "--json",
    )
    assert done.returncode == codes.DELIVERABILITY, done.stderr
    data = json.loads(done.stdout)
    assert (data["domain"], data["provider"], data["status"]) == (
        "other.test",
        "microsoft365",
        "problem",
    )
    spf, dkim, dmarc = data["findings"]
    assert spf["verdict"] == "spf-sender-missing"
    assert spf["publish"] == (
        "v=spf1 include:_spf.google.com include:spf.protection.outlook.com -all"
    )
    assert dkim["publish"] == ("selector1._domainkey.other.test, selector2._domainkey.other.test")
    assert dmarc["verdict"] == "dmarc-reject-misaligned"
    assert data["summary"] == "Recipients with strict checks will drop mail From other.test"


def test_a_good_domain_in_words_exits_0(env, dns: DnsServer) -> None:
    done = cli(env, "domain-check", "office@good.test", "--server", M365, "--resolver", dns.address)
    assert done.returncode == codes.OK, done.stderr
    assert "Mail From good.test should arrive" in done.stdout
    assert "[ok] SPF: SPF allows this server to send for good.test" in done.stdout


def test_check_json_carries_the_deliverability_of_the_forced_from(
    env, dns: DnsServer, starttls_server, ca_file
) -> None:
    args = check_args(starttls_server.server, ca_file, "--from", "bills@office.test", "--json")
    done = cli(env, *args, "--resolver", dns.address, stdin=PASSWORD + "\n")
    assert done.returncode == codes.OK, done.stderr
    data = json.loads(done.stdout)
    assert data["ok"] is True
    report = data["deliverability"]
    assert (report["domain"], report["server"]) == ("office.test", "127.0.0.1")
    assert [f["verdict"] for f in report["findings"]] == [
        "spf-good",
        "dkim-unknown",
        "dmarc-good",  # SPF allows the server: that alone passes DMARC
    ]


def test_check_prints_the_deliverability_after_ok(
    env, dns: DnsServer, starttls_server, ca_file
) -> None:
    args = check_args(starttls_server.server, ca_file, "--from", "bills@nospf.test")
    done = cli(env, *args, "--resolver", dns.address, stdin=PASSWORD + "\n")
    assert done.returncode == codes.OK, done.stderr  # a bad domain never fails the test
    tail = done.stdout[done.stdout.index("OK:") :]
    assert "Deliverability of mail From nospf.test through 127.0.0.1:" in tail
    assert "publish: v=spf1 a:127.0.0.1 ~all" not in tail  # an IP is named as ip4:, not a:
    assert "publish: v=spf1 ip4:127.0.0.1 ~all" in tail


def test_no_domain_check_leaves_it_out(env, starttls_server, ca_file) -> None:
    args = check_args(starttls_server.server, ca_file, "--json", "--no-domain-check")
    done = cli(env, *args, stdin=PASSWORD + "\n")
    assert json.loads(done.stdout)["deliverability"] is None


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("domain-check", "nobody"), "is not an e-mail address"),
        (("domain-check", "a@b.test", "--resolver", "127.0.0.1:99999"), "port must be"),
        (("domain-check", "a@b.test", "--server", "ssl://"), "--server"),
        (("check", "--resolver", "127.0.0.1:0"), "--resolver"),
        (("discover", "a@b.test", "--resolver", "1.2.3.4:x"), "--resolver"),
    ],
)
def test_bad_input_is_a_sentence_and_exit_2(env, args: tuple[str, ...], words: str) -> None:
    done = cli(env, *args)
    assert done.returncode == codes.INVALID_INPUT
    assert words in done.stderr and "Traceback" not in done.stderr


def test_discover_asks_the_resolver_given(env, dns: DnsServer) -> None:
    before = len(dns.queries)
    cli(env, "discover", "a@other.test", "--no-probe", "--resolver", dns.address)
    assert ("_submissions._tcp.other.test", "SRV") in dns.queries[before:]

"""`smtpgui check --arrival`: the mailbox proof as the CLI prints it, with a real Dovecot."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import trustme

from smtpgui.core import exit_codes as codes
from tests.helpers import imap_server
from tests.helpers.cli_terminal import check_args, cli
from tests.helpers.imap_server import Delivering, Dovecot, dovecot
from tests.helpers.servers import PASSWORD, smtp_server

pytestmark = pytest.mark.skipif(
    not imap_server.available(), reason="Dovecot is not installed (apt-get install dovecot-imapd)"
)


@pytest.fixture(scope="module")
def imap() -> Iterator[Dovecot]:
    with dovecot() as server:
        yield server


def test_check_arrival_json_reports_junk_and_hides_the_login(
    env: dict[str, str],
    ca: trustme.CA,
    ca_file: str,
    imap: Dovecot,
) -> None:
    with smtp_server(ca, "starttls", Delivering(imap=imap, folder="Junk")) as server:
        args = check_args(server.server, ca_file, "--json", "--allow-insecure-auth")
        args += ["--arrival", f"127.0.0.1:{imap.port}", "--arrival-security", "none"]
        done = cli(env, *args, "--arrival-limit", "5", stdin=PASSWORD + "\n")
    assert done.returncode == codes.OK, done.stderr
    data = json.loads(done.stdout)
    arrival = data["arrival"]
    assert (arrival["arrived"], arrival["folder"], arrival["junk"]) == (True, "Junk", True)
    assert arrival["results"] == {"spf": "fail", "dmarc": "fail"}
    assert arrival["verdict"]["verdict"] == "arrival-junk"
    assert PASSWORD not in done.stdout and PASSWORD not in done.stderr


def test_arrival_without_a_host_and_none_known_says_which_to_give(
    env: dict[str, str],
    ca: trustme.CA,
    ca_file: str,
) -> None:
    with smtp_server(ca, "starttls") as server:
        args = check_args(server.server, ca_file, "--json", "--arrival")
        done = cli(env, *args, "--arrival-limit", "1", stdin=PASSWORD + "\n")
    assert done.returncode == codes.OK, done.stderr  # the test passed; the mailbox is unknown
    verdict = json.loads(done.stdout)["arrival"]["verdict"]
    assert verdict["verdict"] == "arrival-unreadable"
    assert "No IMAP server is known for this provider" in verdict["explanation"]

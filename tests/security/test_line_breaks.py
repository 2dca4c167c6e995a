"""No CR, LF or NUL reaches the wire from any door (issue 12, point 2).

The attack: a To header whose quoted local part holds line feeds made a real Postfix take a
second, forged message inside the office's authenticated session, because PIPELINING writes
MAIL FROM and RCPT TO raw. Both layers are tested: the doors refuse such a value, and the
transport refuses to write a command with a line break even when a caller slips past.
"""

from __future__ import annotations

from email.mime.text import MIMEText

import pytest

import smtpgui
from smtpgui.core import exit_codes as codes
from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp import envelope as envelope_module
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.result import Failure
from tests.helpers.cli import cli, cli_env
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.servers import PASSWORD, USER

OWN = "admin@example.test"

# Line feeds inside a quoted local part survive address parsing (CRLF would split it instead).
FORGED = '"x\nRSET\nMAIL FROM:<ceo@bank.example>\nRCPT TO:<victim@example.org>"@example.org'


def save_for(server: str, ca_file: str) -> None:
    settings = Settings(
        endpoints=parse_server(server),
        username=USER,
        recipient="admin@example.test",
        ca_file=ca_file,
    )
    save_profile(settings, PASSWORD, SettingsStore(), SecretStore())


def injected() -> MIMEText:
    msg = MIMEText("invoice")
    msg["From"] = "clerk@example.test"
    msg["To"] = FORGED
    msg["Subject"] = "Invoice"
    return msg


def test_the_api_refuses_a_recipient_with_line_breaks_and_sends_nothing(starttls_server, ca_file):
    save_for(starttls_server.server, ca_file)
    with pytest.raises(smtpgui.SmtpguiError, match="line break"):
        smtpgui.send_message(injected())
    assert starttls_server.handler.envelopes == []


def test_the_api_refuses_a_header_with_a_line_break(starttls_server, ca_file):
    save_for(starttls_server.server, ca_file)
    msg = MIMEText("invoice")
    msg["To"] = "customer@example.test"
    msg["Subject"] = "Invoice\r\nBcc: everyone@example.org"
    with pytest.raises(smtpgui.SmtpguiError, match="Subject"):
        smtpgui.send_message(msg)
    assert starttls_server.handler.envelopes == []


def test_the_transport_never_writes_a_command_with_a_line_break(monkeypatch, ca_file):
    """Even if every check above is bypassed, no forged command reaches the server."""
    monkeypatch.setattr(envelope_module, "control_characters", lambda _text: False)
    seen: list[str] = []
    with HostileServer(smtp_script(extensions=("PIPELINING", "AUTH PLAIN"), seen=seen)) as server:
        settings = Settings(
            endpoints=parse_server(f"127.0.0.1:{server.port}"),
            username=USER,
            recipient="admin@example.test",
            allow_insecure_auth=True,
        )
        save_profile(settings, PASSWORD, SettingsStore(), SecretStore())
        monkeypatch.setattr("smtpgui.api.control_characters", lambda _text: False)
        with pytest.raises(smtpgui.SendError) as caught:
            smtpgui.send_message(injected())
    assert caught.value.result.failure is Failure.PROTOCOL
    assert "line break" in caught.value.result.detail
    assert not any(line.startswith(("MAIL", "RCPT", "DATA")) for line in seen), seen


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--subject", "a\r\nBcc: x@example.org"),
        ("--to", "a@example.org\r\nRCPT TO:<b@example.org>"),
        ("--to", "a@example.org, b@example.org"),
        ("--to", "a@example.org> SIZE=1 <c@example.org"),
        ("--to", "not an address"),
    ],
)
def test_send_refuses_a_line_break_or_a_second_address_naming_the_option(
    tmp_path, starttls_server, ca_file, option, value
):
    env = cli_env(tmp_path)
    args = ["send", "--to", "ok@example.org", "--subject", "s"]
    args[args.index(option) + 1] = value
    done = cli(env, *args, stdin="body")
    assert done.returncode == codes.INVALID_INPUT, done.stdout + done.stderr
    assert option in done.stderr and "Traceback" not in done.stderr
    assert starttls_server.handler.envelopes == []


@pytest.mark.parametrize("value", ["a@b.com, c@d.com", "a@b.com> SIZE=1 <c@d.com"])
def test_check_refuses_two_addresses_in_one_field(tmp_path, starttls_server, ca_file, value):
    env = cli_env(tmp_path)
    done = cli(
        env,
        *("check", "--server", starttls_server.server, "--user", USER, "--to", value),
        *("--ca-file", ca_file, "--password-stdin", "--save"),
        stdin=PASSWORD,
    )
    assert done.returncode == codes.INVALID_INPUT, done.stdout + done.stderr
    assert not (tmp_path / "config" / "settings.json").exists()

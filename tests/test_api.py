"""smtpgui.send_message / load_settings against real servers, with the saved profile."""

from __future__ import annotations

import ssl
from email.message import EmailMessage

import pytest

import smtpgui
from smtpgui.core.jobs import save_profile
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.servers import PASSWORD, USER, Recorder, smtp_server


def save(server: str, ca_file: str, **changes: object) -> Settings:
    values: dict[str, object] = dict(
        endpoints=parse_server(server),
        username=USER,
        recipient="admin@example.test",
        ca_file=ca_file,
    )
    values.update(changes)
    settings = Settings(**values)  # type: ignore[arg-type]
    save_profile(settings, PASSWORD, SettingsStore(), SecretStore())
    return settings


def invoice() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Clerk <clerk@example.test>"
    msg["To"] = "customer@example.test"
    msg["Bcc"] = "archive@example.test"
    msg["Subject"] = "Invoice 42"
    msg.set_content("Please find your invoice.")
    return msg


def test_nothing_saved_is_a_clear_error():
    with pytest.raises(smtpgui.NotConfiguredError, match="press Save"):
        smtpgui.load_settings()


def test_send_applies_the_from_rule_and_hides_bcc(starttls_server, ca_file):
    save(starttls_server.server, ca_file, from_address="office@example.test")
    assert smtpgui.load_settings().from_address == "office@example.test"
    result = smtpgui.send_message(invoice())
    assert result.ok
    [envelope] = starttls_server.handler.envelopes
    assert envelope.mail_from == "office@example.test"
    assert envelope.rcpt_tos == ["customer@example.test", "archive@example.test"]
    body = envelope.content.decode()
    assert "From: office@example.test" in body
    assert "Reply-To: Clerk <clerk@example.test>" in body
    assert "Bcc" not in body and "Message-ID: <" in body


@pytest.mark.parametrize(
    ("handler", "error"),
    [
        (
            Recorder(reject_mail="553 5.7.1 Sender address rejected: not owned by user"),
            smtpgui.SenderRefusedError,
        ),
        (Recorder(reject_rcpt="554 5.7.1 Relay access denied"), smtpgui.RecipientRefusedError),
        (Recorder(users={USER: "another password"}), smtpgui.AuthenticationError),
    ],
)
def test_failures_are_typed_and_carry_the_diagnosis(ca, ca_file, handler, error):
    with smtp_server(ca, "starttls", handler) as server:
        save(server.server, ca_file)
        with pytest.raises(error) as raised:
            smtpgui.send_message(invoice())
    assert raised.value.diagnosis.title and raised.value.diagnosis.steps
    assert raised.value.result.code in (535, 553, 554)
    assert PASSWORD not in str(raised.value)


def test_a_missing_password_is_its_own_error(starttls_server, ca_file, isolated):
    save(starttls_server.server, ca_file)
    isolated.delete_password("smtpgui", USER)
    with pytest.raises(smtpgui.PasswordUnavailableError):
        smtpgui.send_message(invoice())


def test_a_message_sent_but_never_confirmed_is_not_called_refused(ca, ca_file):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with HostileServer(smtp_script({".": ""}, context=context)) as server:  # hangs up after "."
        save(f"tls://127.0.0.1:{server.port}", ca_file)
        with pytest.raises(smtpgui.DeliveryUncertainError) as raised:
            smtpgui.send_message(invoice())
    assert not isinstance(raised.value, smtpgui.MessageRefusedError)
    assert raised.value.diagnosis.id == "unconfirmed" and raised.value.exit_code == 21


def test_send_messages_logs_in_once_and_reports_each(starttls_server, ca_file):
    """Issue 20: a batch of invoices costs one connection and one login; a message that cannot
    be sent (no recipient) is reported and does not stop the others."""
    save(starttls_server.server, ca_file)
    batch = [invoice() for _ in range(3)]
    del batch[1]["To"], batch[1]["Bcc"]
    events: list[object] = []
    seen: list[smtpgui.MessageReport] = []
    reports = smtpgui.send_messages(batch, callback=events.append, progress=seen.append)
    outcome = smtpgui.Outcome
    assert [r.outcome for r in reports] == [outcome.ACCEPTED, outcome.NOT_SENT, outcome.ACCEPTED]
    assert "no recipient" in reports[1].result.detail
    assert sorted(r.index for r in seen) == [0, 1, 2]
    assert len(starttls_server.handler.envelopes) == 2
    logins = [e for e in events if getattr(e, "text", "").startswith("AUTH ")]
    assert len(logins) == 1

"""Issue 20: `smtpgui send --batch` with a folder of .eml files and with an mbox, one login."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_terminal import check_args, cli
from tests.helpers.servers import PASSWORD, RefuseOne, smtp_server


def invoice(number: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"clerk{number}@example.test"
    msg["To"] = f"clerk{number}@example.test"
    msg["Subject"] = f"Invoice {number}"
    msg.set_content("Please find your invoice.")
    return msg


def test_a_folder_of_eml_files_goes_through_one_login(env, ca, ca_file, tmp_path):
    folder = tmp_path / "outbox"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number:03}.eml").write_bytes(invoice(number).as_bytes())
    (folder / "notes.txt").write_text("not a message")
    with smtp_server(ca, handler=RefuseOne()) as server:
        saved = cli(env, *check_args(server.server, ca_file, "--save"), stdin=PASSWORD + "\n")
        assert saved.returncode == codes.OK, saved.stderr
        done = cli(env, "send", "--batch", str(folder), "--verbose")
        assert len(server.handler.envelopes) == 3  # the check's test message and two invoices
    assert done.returncode == codes.RCPT_TO, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split("\t")[:2] for line in lines[:3]] == [
        ["accepted", "000.eml"],
        ["refused", "001.eml"],
        ["accepted", "002.eml"],
    ]
    assert lines[3] == "2 accepted, 1 refused, 0 uncertain, 0 not-sent."
    assert "FAILED at RCPT" in done.stderr and "550" in done.stderr
    assert done.stderr.count(" -> AUTH ") == 1  # one login for the whole batch


def test_a_batch_explains_a_refusal_in_the_cli_s_language(env, ca, ca_file, tmp_path):
    folder = tmp_path / "outbox"
    folder.mkdir()
    (folder / "001.eml").write_bytes(invoice(1).as_bytes())
    with smtp_server(ca, handler=RefuseOne()) as server:
        saved = cli(env, *check_args(server.server, ca_file, "--save"), stdin=PASSWORD + "\n")
        assert saved.returncode == codes.OK, saved.stderr
        english = cli(env, "send", "--batch", str(folder))
        spanish = cli(env, "--lang", "es", "send", "--batch", str(folder))
    assert english.returncode == spanish.returncode == codes.RCPT_TO, spanish.stderr
    title = english.stderr.split("FAILED at RCPT: ")[1].splitlines()[0]
    assert "FALLÓ en RCPT: " in spanish.stderr, spanish.stderr
    assert title not in spanish.stderr  # the diagnosis itself is in Spanish, not only the frame


def test_an_mbox_is_sent_message_by_message(env, starttls_server, ca_file, tmp_path):
    box = mailbox.mbox(tmp_path / "invoices.mbox")
    for number in (4, 5):
        box.add(invoice(number))
    box.flush()
    saved = cli(env, *check_args(starttls_server.server, ca_file, "--save"), stdin=PASSWORD + "\n")
    assert saved.returncode == codes.OK
    done = cli(env, "send", "--batch", str(tmp_path / "invoices.mbox"))
    assert done.returncode == codes.OK, done.stdout + done.stderr
    subjects = [e.content.decode() for e in starttls_server.handler.envelopes[1:]]
    assert ["Subject: Invoice 4" in subjects[0], "Subject: Invoice 5" in subjects[1]] == [True] * 2


def test_batch_options_are_checked(env, tmp_path):
    done = cli(env, "send", "--batch", str(tmp_path / "missing"))
    assert done.returncode == codes.INVALID_INPUT and "no such folder" in done.stderr
    done = cli(env, "send", "--batch", str(tmp_path), "--to", "x@example.test")
    assert done.returncode == codes.INVALID_INPUT and "drop --to" in done.stderr
    done = cli(env, "send", "--subject", "x")
    assert done.returncode == codes.INVALID_INPUT and "--to and --subject" in done.stderr

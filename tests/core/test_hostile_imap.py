"""The arrival check against an IMAP server that answers what no server should."""

from __future__ import annotations

import threading

import pytest

from smtpgui.core.deliverability.arrival import ArrivalError, ImapAccount, wait_for_arrival
from smtpgui.core.smtp.endpoint import Security
from tests.helpers.hostile_imap import hostile_imap


def account(port: int) -> ImapAccount:
    return ImapAccount("127.0.0.1", port, Security.NONE, "me", "secret", allow_insecure_auth=True)


def test_folder_names_and_uids_from_the_server_are_not_sent_back_unchecked():
    with hostile_imap() as server:
        arrival = wait_for_arrival(account(server.port), "<m@x>", limit=0.3, poll=0.1)
    assert not arrival.arrived
    sent = b"".join(server.received)
    assert b"\x01" not in sent  # the junk folder's control character was never selected
    assert b"1x" not in sent  # nor the UID that is no number fetched


def test_a_server_that_hangs_up_while_idling_ends_the_check():
    # The old loop read b"" for ever once the server closed the connection during IDLE.
    outcome: list[object] = []

    def check() -> None:
        try:
            outcome.append(wait_for_arrival(account(server.port), "<m@x>", limit=5, poll=0.2))
        except ArrivalError as exc:
            outcome.append(exc)

    with hostile_imap(idle=True, search_line=b"* SEARCH") as server:  # not there: it idles
        worker = threading.Thread(target=check, daemon=True)
        worker.start()
        worker.join(timeout=15)
    assert not worker.is_alive(), "the arrival check never ended"
    assert isinstance(outcome[0], ArrivalError)
    assert "could not be read" in str(outcome[0].args[0])


@pytest.mark.parametrize("uid", [b"* SEARCH 7", b"* SEARCH 3 7"])
def test_a_numeric_uid_is_still_found(uid):
    with hostile_imap(search_line=uid, list_lines=()) as server:
        arrival = wait_for_arrival(account(server.port), "<m@x>", limit=0.3, poll=0.1)
    assert arrival.arrived and arrival.folder == "INBOX"
    assert any(line.endswith(b"FETCH 7 (BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)])\r\n")
               for line in server.received)  # fmt: skip


def test_cancel_ends_a_polling_wait_at_once():
    cancelled = threading.Event()
    outcome: list[object] = []
    with hostile_imap(search_line=b"* SEARCH") as server:  # no IDLE: it polls
        worker = threading.Thread(
            target=lambda: outcome.append(
                wait_for_arrival(
                    account(server.port), "<m@x>", limit=60, poll=30, cancelled=cancelled
                )
            ),
            daemon=True,
        )
        worker.start()
        while worker.is_alive() and not any(b"SEARCH" in line for line in server.received):
            worker.join(timeout=0.01)  # until the first search went out
        cancelled.set()
        worker.join(timeout=10)  # far below the 30 s poll
    assert not worker.is_alive()
    assert not outcome[0].arrived

"""The shortcut for plain addresses gives the RFC 5322 parser's answer, without loading it."""

from __future__ import annotations

import subprocess
import sys
from email.errors import NonASCIILocalPartDefect
from email.policy import default
from email.utils import parseaddr

from hypothesis import given
from hypothesis import strategies as st

from smtpgui.core.profile.addresses import _PLAIN, address_error, mailbox


def parsed_as_one_mailbox(text: str) -> bool:
    """What the email package says of `text` as a To header (the check the shortcut skips)."""
    header = default.header_factory("To", text)
    defects = [d for d in header.defects if not isinstance(d, NonASCIILocalPartDefect)]
    return len(header.addresses) == 1 and not defects and not header.groups[0].display_name


@given(st.from_regex(_PLAIN, fullmatch=True))
def test_a_plain_address_is_one_mailbox_to_the_parser_too(text):
    assert parsed_as_one_mailbox(text)
    assert parseaddr(text) == ("", text)
    assert mailbox(f"  {text} ") == text


@given(st.from_regex(r"[a-z.+'-]{0,5}@[a-z.-]{0,5}", fullmatch=True))
def test_near_misses_are_taken_only_when_the_parser_takes_them(text):
    # Leading, trailing and doubled dots, empty sides: the shortcut declines them all.
    if _PLAIN.fullmatch(text):
        assert parsed_as_one_mailbox(text)


def test_checking_a_plain_address_loads_no_email_package():
    # A saved profile's addresses are checked before the window's first paint.
    code = (
        "import sys\n"
        "from smtpgui.core.profile.addresses import address_error, mailbox\n"
        "assert address_error('Office.Desk+1@mail.example.com', required=True) is None\n"
        "assert mailbox('me@example.com') == 'me@example.com'\n"
        "assert 'email' not in sys.modules, sorted(m for m in sys.modules if 'email' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_other_forms_still_go_to_the_parser():
    assert address_error("Office <office@example.com>", required=True) is None
    assert address_error("a@example.com, b@example.com", required=True) is not None
    assert mailbox("Office <office@example.com>") == "office@example.com"

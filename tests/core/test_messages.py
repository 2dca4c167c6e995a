"""message_of: one rule for every face (window, CLI, API) to read an exception's message."""

from __future__ import annotations

import pytest

from smtpgui.core.smtp.endpoint import EndpointError, parse_server
from smtpgui.core.text.i18n import Text, message_of


def spanish(context: str, text: str) -> str:
    return f"ES[{text}]"


def test_a_text_kept_beside_the_english_str_is_the_one_read():
    # EndpointError's argument is English; its .text translates (the window showed English).
    with pytest.raises(EndpointError) as raised:
        parse_server("smtp.example.com:99999")
    said = message_of(raised.value)
    assert isinstance(said, Text)
    assert said.render(spanish).startswith("ES[")


def test_a_text_argument_stays_a_text():
    said = message_of(ValueError(Text("Settings", "Wrong {field}", field="port")))
    assert isinstance(said, Text) and said.render(spanish) == "ES[Wrong {field}]".format(
        field="port"
    )


def test_other_exceptions_read_as_raised():
    assert message_of(KeyError("server")) == "server"  # not "'server'"
    assert message_of(OSError(2, "No such file")) == "[Errno 2] No such file"
    assert message_of(RuntimeError()) == ""

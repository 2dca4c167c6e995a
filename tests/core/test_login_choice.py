"""A forced login method is sent only when the server offers it (RFC 4954 §4)."""

from __future__ import annotations

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.smtp.phases import Phase
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import smtp_server

ONLY_CRAM_MD5 = {"auth_exclude_mechanism": ["LOGIN", "PLAIN"]}


def test_a_forced_method_the_server_does_not_offer_is_never_sent(ca, ca_file):
    with smtp_server(ca, "starttls", **ONLY_CRAM_MD5) as server:
        result, lines, _ = run(settings_for(server.server, ca_file, auth=AuthMethod.LOGIN))
    assert (result.phase, result.failure) == (Phase.AUTH, Failure.MECHANISM)
    assert result.auth_offered == ("CRAM-MD5",)
    sent = [line.text for line in lines if line.direction is Direction.CLIENT]
    assert not any(text.upper().startswith("AUTH") for text in sent), sent
    assert "offers only CRAM-MD5" in result.detail and "LOGIN" in result.detail


def test_the_method_named_in_the_diagnosis_works(ca, ca_file):
    with smtp_server(ca, "starttls", **ONLY_CRAM_MD5) as server:
        result, _, _ = run(settings_for(server.server, ca_file, auth=AuthMethod.CRAM_MD5))
    assert result.ok and result.auth_mechanism == "CRAM-MD5", result


def test_oauth2_is_not_sent_to_a_server_without_a_bearer_mechanism(ca, ca_file):
    with smtp_server(ca, "starttls") as server:  # PLAIN, LOGIN, CRAM-MD5: no XOAUTH2
        settings = settings_for(server.server, ca_file, auth=AuthMethod.OAUTH2)
        result, lines, _ = run(settings)  # the probe gets the access token as its secret
    assert (result.phase, result.failure) == (Phase.AUTH, Failure.MECHANISM)
    sent = [line.text for line in lines if line.direction is Direction.CLIENT]
    assert not any(text.upper().startswith("AUTH") for text in sent), sent
    assert "You chose OAuth2" in result.detail

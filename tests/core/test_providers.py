"""The provider catalogue: the shipped file is valid and complete; a broken one is a clear error."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from smtpgui.core.providers.catalogue import (
    AuthKind,
    FromRule,
    Match,
    ProviderFileError,
    Server,
    UsernameRule,
    by_domain,
    by_host,
    by_mx,
    load_providers,
    parse_providers,
    provider,
    rule_text,
)
from smtpgui.core.smtp.endpoint import Security

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = resources.files("smtpgui.core.providers").joinpath("providers.json").read_text("utf-8")

REQUIRED = {
    "microsoft365",
    "outlook",
    "google",
    "yahoo",
    "icloud",
    "zoho",
    "fastmail",
    "ionos",
    "sendgrid",
    "mailgun",
    "amazon-ses",
    "brevo",
    "postmark",
    "smtp2go",
}


def test_the_shipped_catalogue_has_every_provider_the_issue_names():
    providers = load_providers()
    assert {p.id for p in providers} >= REQUIRED
    assert load_providers() is providers  # read once
    assert json.loads(SHIPPED)["version"] == 1


def test_every_entry_is_usable():
    for entry in load_providers():
        assert entry.name and entry.servers and entry.auth, entry.id
        for server in entry.servers_in():
            assert "{" not in server.host and "." in server.host, entry.id
            assert server.security in (Security.TLS, Security.STARTTLS), entry.id
        if AuthKind.OAUTH2 in entry.auth:
            assert entry.oauth2 is not None and entry.oauth2.scopes, entry.id
        if entry.username_rule is UsernameRule.FIXED:
            assert entry.username, entry.id
        for link in entry.help:
            assert link.url.startswith("https://"), entry.id


def test_oauth2_endpoints_and_scopes_of_microsoft_and_google():
    microsoft = provider("microsoft365").oauth2
    assert microsoft is not None
    assert microsoft.scopes == ("https://outlook.office.com/SMTP.Send", "offline_access")
    assert microsoft.url(microsoft.token_endpoint, "contoso.example") == (
        "https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token"
    )
    assert "{tenant}" not in microsoft.url(microsoft.device_endpoint)
    google = provider("google").oauth2
    assert google is not None and google.scopes == ("https://mail.google.com/",)


def test_lookups_by_domain_mx_and_id():
    assert by_domain("GMAIL.com.").provider.id == "google"
    assert by_domain("contoso.onmicrosoft.com").provider.id == "microsoft365"
    assert by_domain("example.test") is None
    assert by_mx("alt2.aspmx.l.google.com").provider.id == "google"
    assert by_mx("contoso-com.mail.protection.outlook.com").provider.id == "microsoft365"
    assert by_mx("notgoogle.com") is None  # a suffix matches at a label boundary only
    ses = by_mx("inbound-smtp.eu-west-1.amazonaws.com")
    assert ses is not None and ses.servers[0].host == "email-smtp.eu-west-1.amazonaws.com"
    ionos = by_mx("mx00.ionos.co.uk")
    assert ionos is not None and ionos.servers[0].host == "smtp.ionos.co.uk"
    with pytest.raises(KeyError):
        provider("nope")


def test_rules_have_words_for_the_admin():
    sendgrid = provider("sendgrid")
    assert sendgrid.username == "apikey"
    assert rule_text(sendgrid.username_rule, sendgrid.username) == "User name: literally apikey."
    assert "Send As" in rule_text(FromRule.SEND_AS)
    assert provider("google").from_rule is FromRule.OWN_OR_ALIAS


def _broken(change) -> str:
    data = json.loads(SHIPPED)
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "version must be 1"),
        (lambda d: d["providers"][0].update(servers=[]), "no servers"),
        (lambda d: d["providers"][0]["servers"][0].update(port=70000), "out of range"),
        (lambda d: d["providers"][0]["servers"][0].update(security="ssl"), "'security' cannot"),
        (lambda d: d["providers"][0].update(auth=["magic"]), "'auth' cannot be 'magic'"),
        (lambda d: d["providers"][1].update(id=d["providers"][0]["id"]), "duplicate id"),
        (lambda d: d["providers"][0].update(domains="gmail.com"), "'domains' must be a list"),
        (lambda d: d["providers"][0].pop("name"), "'name' must be a str"),
        (lambda d: d["providers"][0].update(regions=["eu"]), "needs 'regions'"),
    ],
)
def test_a_broken_file_is_a_clear_error(change, message):
    with pytest.raises(ProviderFileError, match=re.escape(message)):
        parse_providers(_broken(change))


def test_not_json_is_a_clear_error():
    with pytest.raises(ProviderFileError, match="not valid JSON"):
        parse_providers("{")


def test_the_wheel_ships_the_catalogue():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["smtpgui"]
    shipped = {path for pattern in patterns for path in (ROOT / "smtpgui").glob(pattern)}
    assert ROOT / "smtpgui" / "core" / "providers" / "providers.json" in shipped


def test_mailgun_eu_is_a_region_with_its_own_host():
    mailgun = provider("mailgun")
    assert mailgun.regions == ("US", "EU")
    assert mailgun.servers_in("EU")[0].host == "smtp.eu.mailgun.org"
    assert mailgun.servers_in("US")[0].host == "smtp.mailgun.org"
    assert by_host("smtp.eu.mailgun.org") == Match(mailgun, "EU")
    assert by_host("SMTP.Mailgun.org.") == Match(mailgun, "US")
    assert by_mx("mx.zohocloud.ca") == Match(provider("zoho"), "CA")
    assert by_host("smtp.example.test") is None


def test_a_region_may_name_its_fill_and_flags_are_checked():
    data = json.loads(SHIPPED)
    data["providers"][0]["password_retiring"] = "yes"
    with pytest.raises(ProviderFileError, match="'password_retiring' must be true or false"):
        parse_providers(json.dumps(data))
    data["providers"][0].update(password_retiring=False, regions=[{"name": "EU"}])
    with pytest.raises(ProviderFileError, match="'fill' must be a str"):
        parse_providers(json.dumps(data))


# -- the mailbox's IMAP server (the arrival check) ---------------------------------------------


def test_imap_servers_as_the_providers_publish_them():
    imap = {entry.id: entry.imap for entry in load_providers() if entry.imap is not None}
    assert imap == {
        "microsoft365": Server("outlook.office365.com", 993, Security.TLS),
        "outlook": Server("outlook.office365.com", 993, Security.TLS),
        "google": Server("imap.gmail.com", 993, Security.TLS),
        "fastmail": Server("imap.fastmail.com", 993, Security.TLS),
    }
    for entry in json.loads(SHIPPED)["providers"]:  # each with the provider's own page
        assert ("imap" in entry) == entry.get("imap_source", "").startswith("https://")
    # Sending services have no mailboxes to read.
    assert provider("sendgrid").imap is None and by_host("smtp.sendgrid.net").imap is None


def test_the_imap_server_of_a_region_has_its_region_filled_in():
    data = json.loads(SHIPPED)
    mailgun = next(p for p in data["providers"] if p["id"] == "mailgun")
    mailgun.update(
        imap={"host": "imap.{region}mailgun.org", "port": 993, "security": "tls"},
        imap_source="https://example.test/imap",
    )
    entry = next(p for p in parse_providers(json.dumps(data)) if p.id == "mailgun")
    assert Match(entry, "EU").imap == Server("imap.eu.mailgun.org", 993, Security.TLS)


def _with_imap(imap: object, source: str = "https://example.test/imap"):
    return lambda d: d["providers"][0].update(imap=imap, imap_source=source)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_with_imap({"host": "imap.x.test", "port": 0, "security": "tls"}), "out of range"),
        (_with_imap({"host": "imap.x.test", "port": 70000, "security": "tls"}), "out of range"),
        (_with_imap({"host": "imap.x.test", "port": 143, "security": "none"}), "encrypted"),
        (_with_imap({"host": "imap.x.test", "port": 993, "security": "ssl"}), "cannot be 'ssl'"),
        (_with_imap({"port": 993, "security": "tls"}), "'host' must be a str"),
        (_with_imap({"host": "imap.{region}.test", "port": 993, "security": "tls"}), "regions"),
        (_with_imap("imap.x.test"), "imap must be an object"),
        (_with_imap({"host": "imap.x.test", "port": 993, "security": "tls"}, ""), "imap_source"),
        (
            _with_imap({"host": "imap.x.test", "port": 993, "security": "tls"}, "http://x.test"),
            "imap_source",
        ),
    ],
)
def test_a_broken_imap_server_is_a_clear_error(change, message):
    with pytest.raises(ProviderFileError, match=re.escape(message)):
        parse_providers(_broken(change))


def test_the_host_index_is_built_once():
    # Every test looks its server up (login_notice); rebuilding the index cost ~0.7 ms a test.
    from smtpgui.core.providers import catalogue

    catalogue.by_host("smtp.gmail.com")
    before = catalogue._server_hosts.cache_info()
    assert catalogue.by_host("smtp.office365.com") is not None
    after = catalogue._server_hosts.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)

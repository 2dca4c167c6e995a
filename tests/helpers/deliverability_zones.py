"""DNS zones for the domain-check tests: one office domain per setup an admin may have."""

from __future__ import annotations

from tests.helpers.dns_server import Records

M365_SPF = "spf.protection.outlook.com"
M365 = "smtp.office365.com"
OWN_SERVER = "mail.own.test"


def _txt(text: str) -> list[str]:
    return [f'"{text}"']


ZONES: Records = {
    # The provider's own SPF record, which the offices include.
    (M365_SPF, "TXT"): _txt("v=spf1 ip4:40.92.0.0/15 ip6:2a01:111:f400::/48 -all"),
    # No SPF, no DMARC at all.
    ("nospf.test", "TXT"): _txt("google-site-verification=abc"),
    # SPF for another provider only, and DMARC reject: mail through Microsoft 365 is rejected.
    ("other.test", "TXT"): _txt("v=spf1 include:_spf.google.com -all"),
    ("_spf.google.com", "TXT"): _txt("v=spf1 ip4:35.190.247.0/24 ~all"),
    ("_dmarc.other.test", "TXT"): _txt("v=DMARC1; p=reject"),
    # Everything right for Microsoft 365: SPF include, DKIM CNAMEs, DMARC reject.
    ("good.test", "TXT"): _txt(f"v=spf1 include:{M365_SPF} -all"),
    ("selector1._domainkey.good.test", "CNAME"): [
        "selector1-good-test._domainkey.good.onmicrosoft.com."
    ],
    ("_dmarc.good.test", "TXT"): _txt("v=DMARC1; p=reject; adkim=r"),
    # SPF without the provider but DKIM published: DMARC still passes through DKIM.
    ("dkimonly.test", "TXT"): _txt("v=spf1 mx -all"),
    ("dkimonly.test", "MX"): ["10 mx.dkimonly.test."],
    ("mx.dkimonly.test", "A"): ["192.0.2.25"],
    ("selector2._domainkey.dkimonly.test", "TXT"): _txt("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB"),
    ("_dmarc.dkimonly.test", "TXT"): _txt("v=DMARC1; p=quarantine"),
    # SPF over the lookup limit (11 includes).
    ("toomany.test", "TXT"): _txt(
        "v=spf1 " + " ".join(f"include:i{n}.test" for n in range(11)) + " -all"
    ),
    **{(f"i{n}.test", "TXT"): _txt("v=spf1 ip4:198.51.100.1 -all") for n in range(11)},
    # The office's own server, allowed by address and by name.
    (OWN_SERVER, "A"): ["192.0.2.10"],
    ("own.test", "TXT"): _txt("v=spf1 ip4:192.0.2.0/24 -all"),
    ("_dmarc.own.test", "TXT"): _txt("v=DMARC1; p=none"),
    ("byname.test", "TXT"): _txt(f"v=spf1 a:{OWN_SERVER} -all"),
    ("notown.test", "TXT"): _txt("v=spf1 ip4:203.0.113.0/24 ~all"),
    ("_dmarc.notown.test", "TXT"): _txt("v=DMARC1; p=quarantine"),
    # A subdomain under an organisational domain whose DMARC says sp=reject.
    ("billing.org.test", "TXT"): _txt("v=spf1 -all"),
    ("org.test", "TXT"): _txt("v=spf1 -all"),
    ("_dmarc.org.test", "TXT"): _txt("v=DMARC1; p=none; sp=reject"),
}

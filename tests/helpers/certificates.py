"""A server certificate as the TLS tests hand it to a server: how to put it in an SSL context,
and the SHA-256 fingerprint a client should see."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass

import trustme

from smtpgui.core.smtp.certificate import fingerprint

Configure = Callable[[ssl.SSLContext], None]


@dataclass(frozen=True)
class Leaf:
    """A server certificate (and its key) and the SHA-256 fingerprint a client should see."""

    configure: Configure
    sha256: str


def leaf_from(cert: trustme.LeafCert) -> Leaf:
    der = ssl.PEM_cert_to_DER_cert(cert.cert_chain_pems[0].bytes().decode())
    return Leaf(cert.configure_cert, fingerprint(der))

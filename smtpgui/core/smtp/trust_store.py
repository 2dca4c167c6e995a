"""System trust: the operating system's own certificate verifier, for SMTP and HTTPS alike.

`ssl.create_default_context()` reads only the CA paths OpenSSL was compiled with. On macOS
those are empty for python.org's Python and point at the build machine in a frozen app, so the
Keychain (and the company roots MDM deploys there) is never read; on Windows OpenSSL knows
nothing of the certificate store's intermediates and policies. `truststore` hands the chain to
the platform's verifier instead: the Security framework on macOS, CryptoAPI on Windows, and
OpenSSL's own store (with SSL_CERT_FILE / SSL_CERT_DIR) on Linux.
"""

from __future__ import annotations

import ssl


def system_context() -> ssl.SSLContext:
    """A client context that verifies the certificate and host name as the OS does."""
    import truststore  # (lazy: only a TLS connection needs it)

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)

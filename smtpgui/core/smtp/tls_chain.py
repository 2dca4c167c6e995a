"""How many certificates a server sends, read from a TLS 1.2 handshake.

A server must send its certificate followed by the intermediate ones (RFC 5246 §7.4.2); one
that sends only its own looks, to OpenSSL, exactly like one from an unknown authority
("unable to get local issuer certificate"). Python shows the chain a server sent only from
3.13 on (SSLSocket.get_unverified_chain), so the handshake is driven through memory buffers
here and its Certificate message read directly: in TLS 1.2 it travels unencrypted (in TLS 1.3
it does not, hence the version cap). Nothing is verified and nothing else is sent.
"""

from __future__ import annotations

import contextlib
import socket
import ssl

_HANDSHAKE, _CHANGE_CIPHER_SPEC = 22, 20  # TLS record content types (RFC 5246 §6.2.1)
_CERTIFICATE = 11  # handshake message type (RFC 5246 §7.4)
_MAX_ROUNDS = 32  # a handshake needs two or three; a server that dribbles gets no more


def sent_certificates(sock: socket.socket, host: str) -> int | None:
    """How many certificates the server on `sock` sends; None if it would not say.

    `sock` is connected (after STARTTLS's 220, for a STARTTLS port) and keeps its time limit.
    ssl.SSLError when the server will not speak TLS 1.2.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = context.wrap_bio(incoming, outgoing, server_hostname=host)
    received = bytearray()
    for _ in range(_MAX_ROUNDS):
        with contextlib.suppress(ssl.SSLWantReadError):  # it waits for the server: expected
            tls.do_handshake()
        sock.sendall(outgoing.read())
        data = sock.recv(65536)
        if not data:
            return None
        received += data
        incoming.write(data)
        count = certificate_count(bytes(received))
        if count is not None:
            return count
    return None


def certificate_count(data: bytes) -> int | None:
    """The number of certificates in the Certificate message of `data` (the server's records)."""
    messages = _handshake_bytes(data)
    pos = 0
    while pos + 4 <= len(messages):
        kind, length = messages[pos], int.from_bytes(messages[pos + 1 : pos + 4], "big")
        if pos + 4 + length > len(messages):
            return None  # not all here yet
        if kind == _CERTIFICATE:
            return _count(messages[pos + 4 : pos + 4 + length])
        pos += 4 + length
    return None


def _handshake_bytes(data: bytes) -> bytes:
    """The handshake messages of the complete records in `data`, up to ChangeCipherSpec."""
    found, pos = bytearray(), 0
    while pos + 5 <= len(data):
        kind, length = data[pos], int.from_bytes(data[pos + 3 : pos + 5], "big")
        if kind == _CHANGE_CIPHER_SPEC or pos + 5 + length > len(data):
            break  # what follows is encrypted, or not all here yet
        if kind == _HANDSHAKE:
            found += data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    return bytes(found)


def _count(body: bytes) -> int:
    # certificate_list<0..2^24-1>, each ASN.1Cert<1..2^24-1>: a 3-byte length, then the DER.
    end = min(len(body), 3 + int.from_bytes(body[:3], "big"))
    pos, count = 3, 0
    while pos + 3 <= end:
        pos += 3 + int.from_bytes(body[pos : pos + 3], "big")
        count += 1
    return count

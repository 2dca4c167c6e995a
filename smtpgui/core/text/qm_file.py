"""Reading a compiled Qt catalogue (.qm) without Qt, for the command line.

The CLI must start without loading Qt: QtCore alone costs ~100 ms before the first line, the
whole CLI imports in ~25 ms. A .qm compiled by lrelease keeps every message's context, source
text and translation as tagged records (qtbase src/corelib/kernel/qtranslator.cpp), so the few
lines below read it (~6 ms for the Spanish catalogue) and the window and the CLI share one file.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
SECTION_MESSAGES = 0x69
NULL_LENGTH = 0xFFFFFFFF
TAG_END, TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT = 1, 3, 6, 7

Catalogue = dict[tuple[str, str], str]


def read_catalogue(path: Path) -> Catalogue:
    """{(context, source text): translation}; empty for a missing or foreign file."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC):
        return {}
    return _messages(_section(data, SECTION_MESSAGES))


def _records(data: bytes, start: int) -> list[tuple[int, bytes]]:
    """(tag, payload) pairs: a tag byte then a 32-bit big-endian length; TAG_END has none."""
    records, at = [], start
    while at < len(data):
        tag = data[at]
        if tag == TAG_END:
            records.append((tag, b""))
            at += 1
            continue
        (length,) = struct.unpack_from(">I", data, at + 1)
        length = 0 if length == NULL_LENGTH else length  # a null translation: no payload
        records.append((tag, data[at + 5 : at + 5 + length]))
        at += 5 + length
    return records


def _section(data: bytes, wanted: int) -> bytes:
    at = len(MAGIC)
    while at + 5 <= len(data):
        tag, (length,) = data[at], struct.unpack_from(">I", data, at + 1)
        if tag == wanted:
            return data[at + 5 : at + 5 + length]
        at += 5 + length
    return b""


def _messages(section: bytes) -> Catalogue:
    found: Catalogue = {}
    message: dict[int, bytes] = {}
    for tag, payload in _records(section, 0):
        if tag != TAG_END:
            message.setdefault(tag, payload)  # the first translation: the singular form
            continue
        if {TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT} <= message.keys():
            key = (message[TAG_CONTEXT].decode(), message[TAG_SOURCE].decode())
            found[key] = message[TAG_TRANSLATION].decode("utf-16-be")
        message = {}
    return found

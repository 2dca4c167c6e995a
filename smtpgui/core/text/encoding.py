"""Text from bytes of unknown origin: standard input and profile files written on Windows.

Windows hands a program its standard input in whatever the writer chose: UTF-8 from most
tools (with a BOM from Notepad), UTF-16 with a BOM from PowerShell 5.1's `>` and `Out-File`,
the ANSI code page from older programs. So: a BOM decides; else UTF-8 if the bytes are UTF-8
(ANSI text with accents almost never is); else the channel's or the locale's encoding.
"""

from __future__ import annotations

import codecs
import locale
from typing import BinaryIO

from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class TextDecodingError(ValueError):
    """The bytes are no text in any encoding tried; str() says which were tried."""


def decode_text(data: bytes, fallback: str | None = None) -> str:
    """`data` as text: by its BOM, else UTF-8, else `fallback` (default: the locale's)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    fallback = fallback or locale.getpreferredencoding(False)
    if codecs.lookup(fallback).name == "utf-8":
        raise TextDecodingError(_undecodable("UTF-8"))
    return _decode(data, fallback, tried="UTF-8, ")


def _decode(data: bytes, encoding: str, tried: str = "") -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise TextDecodingError(_undecodable(f"{tried}{encoding}")) from None


def _undecodable(encodings: str) -> Text:
    return Text(
        "Settings",
        QT_TRANSLATE_NOOP(
            "Settings", "The text is not in a known encoding (tried {encodings}); save it as UTF-8."
        ),
        encodings=encodings,
    )


def read_line(stream: BinaryIO) -> bytes:
    """One line of bytes, whole also in UTF-16 little-endian (where "\\n" is 0A 00)."""
    line = stream.readline()
    if line.startswith(codecs.BOM_UTF16_LE) and line.endswith(b"\n") and len(line) % 2:
        line += stream.read(1)
    return line

"""The CLI's standard streams on every platform.

Windows gives a redirected or piped stdout (Task Scheduler, `> log.txt`, `| findstr`) the ANSI
code page with strict errors, so one Cyrillic server greeting raised UnicodeEncodeError; it
gives stdin the ANSI code page too, so a UTF-8 password arrived garbled. Output keeps the
channel's encoding (what the reader decodes with) and escapes what it cannot carry; input is
read as bytes and decoded by text_encoding. The GUI launcher (`smtpgui.exe`, pythonw) has no
console at all: the commands borrow the one of the shell that started them, or say to use
smtpgui-cli.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any, TextIO

from smtpgui.core.text.encoding import decode_text, read_line

NO_CONSOLE = (
    "smtpgui has no console to print to here: run the commands with smtpgui-cli instead "
    "(for example: smtpgui-cli check --help)."
)


def make_output_safe() -> None:
    """stdout and stderr escape (\\u0416) what their encoding cannot carry, never fail."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def has_console() -> bool:
    """True when stdout and stderr exist, after borrowing the parent's console on Windows.

    Without one (started from the GUI launcher outside any shell), Windows shows NO_CONSOLE in
    a message box; elsewhere the exit code alone tells.
    """
    if sys.stdout is not None and sys.stderr is not None:
        return True
    if sys.platform != "win32":
        return False
    import ctypes

    # Windows only: typeshed has windll for win32, so this ignore is used off Windows only.
    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    if windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = sys.stdout or open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = sys.stderr or open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
        sys.stdin = sys.stdin or open("CONIN$", encoding="utf-8")  # noqa: SIM115
        return True
    windll.user32.MessageBoxW(None, NO_CONSOLE, "smtpgui", 0x10)  # MB_ICONERROR
    return False


def read_stdin_line() -> str:
    """The first line of standard input, without its line end, whatever its encoding."""
    line = read_line(sys.stdin.buffer)
    return _decoded(line).removesuffix("\n").removesuffix("\r")


def read_stdin() -> str:
    return _decoded(sys.stdin.buffer.read())


def _decoded(data: bytes) -> str:
    # The channel's declared encoding (the ANSI code page for a pipe on Windows) is the last
    # guess, after a BOM and UTF-8.
    return decode_text(data, getattr(sys.stdin, "encoding", None))


def print_json(data: dict[str, Any], out: TextIO | None = None) -> None:
    # ASCII-safe: whatever the channel's encoding (Windows: the ANSI code page), it carries it.
    json.dump(data, out or sys.stdout, indent=2, ensure_ascii=True)
    print(file=out or sys.stdout)

"""No POSIX-only call in smtpgui outside a platform guard (issue 13: os.fchmod broke every Save
on Windows with Python 3.11). The scan reads the source; `.ci/run` also runs the save and CLI
tests with these attributes removed (tests/windows_like/sitecustomize.py).

A use is guarded when it sits under an `if` (or conditional expression) that tests
`hasattr(...)`, `sys.platform`, `os.name` or `platform.system()`, in a `try` that catches
AttributeError or ImportError, or under `contextlib.suppress(AttributeError, ...)`; or when it
is looked up with `getattr(module, name, default)`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smtpgui"

# Module attributes that Windows' CPython does not have (3.11, 3.12), or has only as stubs.
POSIX_ATTRIBUTES = {
    "os": {
        "fchmod", "fchown", "chown", "lchown", "lchmod", "chroot", "getuid", "geteuid", "getgid",
        "getegid", "getgroups", "setuid", "setgid", "getpgid", "setsid", "setpgrp", "killpg",
        "fork", "forkpty", "openpty", "mkfifo", "mknod", "sync", "getloadavg", "uname",
        "statvfs", "fstatvfs", "pipe2", "posix_spawn", "sched_getaffinity", "ttyname",
        "O_NOFOLLOW", "O_DIRECTORY", "O_NONBLOCK", "WNOHANG", "getpwuid", "nice", "setpgid",
    },
    "signal": {
        "SIGKILL", "SIGHUP", "SIGQUIT", "SIGALRM", "SIGUSR1", "SIGUSR2", "SIGCHLD", "SIGPIPE",
        "alarm", "pause", "setitimer", "getitimer", "siginterrupt", "pthread_kill", "sigwait",
    },
    "socket": {"AF_UNIX", "SO_REUSEPORT", "MSG_NOSIGNAL", "sethostname", "if_nameindex"},
    "select": {"poll", "epoll", "kqueue", "devpoll"},
    "time": {"tzset", "clock_settime"},
}  # fmt: skip
POSIX_MODULES = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog"}
GUARD_NAMES = {"hasattr", "platform", "name", "system"}  # hasattr(), sys.platform, os.name...
GUARD_EXCEPTIONS = {"AttributeError", "ImportError", "ModuleNotFoundError"}


def unguarded_uses(source: str) -> list[str]:
    """`line: what` for each POSIX-only use in `source` outside a platform guard."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        what = _posix_use(node)
        if what and not _guarded(node, parents):
            found.append(f"{node.lineno}: {what}")
    return found


def _posix_use(node: ast.AST) -> str:
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.attr in POSIX_ATTRIBUTES.get(node.value.id, ())
    ):
        return f"{node.value.id}.{node.attr}"
    if isinstance(node, ast.Import):
        names = {alias.name.split(".")[0] for alias in node.names}
        return ", ".join(sorted(names & POSIX_MODULES))
    if isinstance(node, ast.ImportFrom) and node.module:
        root = node.module.split(".")[0]
        if root in POSIX_MODULES:
            return root
        posix = POSIX_ATTRIBUTES.get(node.module, set()) & {a.name for a in node.names}
        return ", ".join(f"{node.module}.{name}" for name in sorted(posix))
    return ""


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, ast.If | ast.IfExp | ast.While) and _is_guard(parent.test):
            return True
        if isinstance(parent, ast.Try) and child in parent.body and _catches(parent):
            return True
        if isinstance(parent, ast.With) and any(_suppresses(i.context_expr) for i in parent.items):
            return True
        child, parent = parent, parents.get(parent)
    return False


def _is_guard(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id in GUARD_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in GUARD_NAMES:
            return True
    return False


def _catches(node: ast.Try) -> bool:
    names = {
        n.id for h in node.handlers if h.type for n in ast.walk(h.type) if isinstance(n, ast.Name)
    }
    return bool(names & GUARD_EXCEPTIONS)


def _suppresses(expr: ast.expr) -> bool:
    if not (isinstance(expr, ast.Call) and getattr(expr.func, "attr", "") == "suppress"):
        return False
    return any(isinstance(a, ast.Name) and a.id in GUARD_EXCEPTIONS for a in expr.args)


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_posix_only_call_outside_a_platform_guard(path):
    assert unguarded_uses(path.read_text("utf-8")) == []


def test_the_scan_finds_the_call_that_broke_save_on_windows():
    old_save = "import os\ndef save(fd):\n    os.fchmod(fd, 0o600)\n"
    assert unguarded_uses(old_save) == ["3: os.fchmod"]


@pytest.mark.parametrize(
    "source",
    [
        "import os\nif hasattr(os, 'fchmod'):\n    os.fchmod(3, 0o600)\n",
        "import os, sys\nif sys.platform != 'win32':\n    os.fchmod(3, 0o600)\n",
        "import os\nif os.name == 'posix':\n    os.fchmod(3, 0o600)\n",
        "import os\ntry:\n    os.fchmod(3, 0o600)\nexcept AttributeError:\n    pass\n",
        "import contextlib, os\nwith contextlib.suppress(OSError, AttributeError):\n"
        "    os.fchmod(3, 0o600)\n",
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n",
    ],
)
def test_the_scan_accepts_the_usual_guards(source):
    assert unguarded_uses(source) == []


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import fcntl\n", ["1: fcntl"]),
        ("from os import fchmod\n", ["1: os.fchmod"]),
        ("import signal\nsignal.alarm(3)\n", ["2: signal.alarm"]),
        ("import os\ntry:\n    os.getuid()\nexcept OSError:\n    pass\n", ["3: os.getuid"]),
    ],
)
def test_the_scan_flags_unguarded_uses(source, found):
    assert unguarded_uses(source) == found

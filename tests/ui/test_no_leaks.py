"""The password never leaves the keyring: not in anything the program shows, writes or logs.

One run through everything: a Save that passes, tests against a server that repeats the
credentials back in its replies (PLAIN and LOGIN), a keyring whose error quotes the password,
then a search of the log pane, the exported transcript, the status, the support file, the
settings file, every Python log record, what reached stdout/stderr, the results and their
messages, and the argv of a running app, for the password and every base64 form of it.
"""

from __future__ import annotations

import base64
import binascii
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smtpgui.core.profile.memory_keyring import MemoryKeyring
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.phases import Phase
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_scenarios import server_context
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.servers import PASSWORD, USER
from tests.helpers.window import fill, run

pytestmark = pytest.mark.gui


def forms_of(secret: str, user: str) -> set[str]:
    """The secret and what it looks like on the wire: base64 alone, inside AUTH PLAIN, and the
    middle of its base64 at the two other byte offsets (as it appears inside a longer payload).
    """
    raw, name = secret.encode(), user.encode()
    forms = {
        secret,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + name + b"\0" + raw).decode(),
        base64.b64encode(name + b"\0" + name + b"\0" + raw).decode(),
    }
    for pad in (b"\0", b"\0\0"):
        forms.add(base64.b64encode(pad + raw).decode()[4:-4])
    return forms


def echo(line: str) -> str:
    """An AUTH answer that repeats what the client sent, decoded, as careless servers do."""
    payload = line.split()[-1]
    try:
        decoded = base64.b64decode(payload).decode("utf-8", "replace").replace("\0", "^@")
    except (binascii.Error, ValueError):
        decoded = "?"
    return f"535 5.7.8 Authentication failed for {line!r} ({decoded})"


class LeakyBackend(MemoryKeyring):
    def set_password(self, service, username, password):
        raise RuntimeError(f"cannot store {password!r} for {username}")


def test_the_password_appears_nowhere(qtbot, tmp_path, caplog, capfd, starttls_server, ca, ca_file):
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    window = SettingsWindow()
    qtbot.addWidget(window)
    window.show()

    # 1. A Save that passes: the password goes to the keyring, and only there.
    fill(window, starttls_server.server, ca_file)
    saved = run(qtbot, window, "save")
    assert saved.saved
    texts += [SettingsStore().path.read_text(encoding="utf-8"), repr(saved)]

    # 2. A server that repeats the credentials back, for PLAIN and for LOGIN.
    behaviour = smtp_script({"AUTH": echo, "AUTH+": echo}, context=server_context(ca))
    with HostileServer(behaviour) as server:
        for method in (AuthMethod.PLAIN, AuthMethod.LOGIN):
            fill(window, f"tls://127.0.0.1:{server.port}", ca_file)
            window.form.auth.setCurrentIndex(window.form.auth.findData(method))
            failed = run(qtbot, window)
            assert failed.result.phase is Phase.AUTH and failed.result.code == 535
            assert "Authentication failed for" in window.log.toPlainText()
            texts += [window.log.toPlainText(), window.status.text(), repr(failed)]
            texts += [str(failed.result.detail), failed.result.server_text]
    support, transcript = tmp_path / "support.txt", tmp_path / "transcript.txt"
    window.write_support_file(support)
    window.log.save_to(transcript)
    texts += [support.read_text(encoding="utf-8"), transcript.read_text(encoding="utf-8")]

    # 3. A keyring whose own error message quotes the password.
    leaky = SettingsWindow(secrets=SecretStore(LeakyBackend()))
    qtbot.addWidget(leaky)
    fill(leaky, starttls_server.server, ca_file)
    refused = run(qtbot, leaky, "save")
    assert refused.result.ok and not refused.saved and "RuntimeError" in refused.save_error
    texts += [str(refused.save_error), leaky.status.text(), leaky.log.toPlainText()]

    # 4. Python's log records (the test servers' own loggers aside) and stdout/stderr.
    records = [r for r in caplog.records if not r.name.startswith(("mail.", "asyncio"))]
    texts += [r.getMessage() for r in records] + [r.exc_text or "" for r in records]
    out, err = capfd.readouterr()
    texts += [out, err]

    # 5. The command line of a running app: nothing secret is ever passed as an argument.
    texts.append(running_app_argv(tmp_path))

    everything = "\n".join(texts)
    assert "[redacted]" in everything  # the search did look at the redacted lines
    for form in forms_of(PASSWORD, USER):
        assert form not in everything, f"found {form!r}"


def running_app_argv(tmp_path: Path) -> str:
    """/proc/<pid>/cmdline of `python -m smtpgui --demo` while it runs (Linux only)."""
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("no /proc on this system")
    from smtpgui.demo import DEMO_PASSWORD

    app = subprocess.Popen(
        [sys.executable, "-m", "smtpgui", "--demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        cmdline = Path(f"/proc/{app.pid}/cmdline")
        deadline = time.monotonic() + 10
        text = ""
        while "smtpgui" not in text and time.monotonic() < deadline:  # until exec() is done
            text = cmdline.read_bytes().replace(b"\0", b" ").decode()
        assert "smtpgui" in text and app.poll() is None
        assert DEMO_PASSWORD not in text
        return text
    finally:
        app.kill()
        app.wait(10)

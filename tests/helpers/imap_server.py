"""A private Dovecot (Debian's dovecot-imapd) on 127.0.0.1 for the arrival tests.

Its configuration, mail, state and sockets live in a temporary folder; it listens on a free
port, accepts one user with a password (PLAIN/LOGIN, no TLS: loopback only), and has an Inbox
and a Junk folder (special-use \\Junk). `deliver()` puts a message in a folder with IMAP
APPEND, as the receiving server's delivery would; `Delivering`, an SMTP handler, does that
with every message it accepts. Given a `userinfo_url`, it also accepts OAuth2 access tokens
(AUTHENTICATE XOAUTH2 and OAUTHBEARER): Dovecot's oauth2 passdb asks that URL whose a token is,
as it asks Google's or Microsoft's in production.
"""

from __future__ import annotations

import contextlib
import getpass
import imaplib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.helpers.servers import PASSWORD, USER, Recorder, free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
# The SMTP test servers' account: the arrival check logs in to IMAP with the SMTP login.
__all__ = ["PASSWORD", "USER", "Dovecot", "available", "dovecot"]


def available() -> bool:
    return os.path.exists(DOVECOT)


class Dovecot:
    def __init__(self, root: Path, userinfo_url: str = "", oauth_mechanisms: str = "") -> None:
        self.root = root
        self.port = free_port()
        self.userinfo_url = userinfo_url
        self.oauth_mechanisms = oauth_mechanisms or "xoauth2 oauthbearer"

    def config(self) -> str:
        me = getpass.getuser()
        # As root, Dovecot's own users log in and the mail belongs to nobody; as anyone else,
        # everything runs as that user (Dovecot's "rootless" mode).
        users = (
            "uid=nobody gid=nogroup"
            if os.geteuid() == 0
            else f"uid={os.getuid()} gid={os.getgid()}"
        )
        rootless = (
            ""
            if os.geteuid() == 0
            else f"default_internal_user = {me}\ndefault_login_user = {me}\n"
            f"default_internal_group = {os.getgid()}\n"
        )
        r = self.root
        return f"""{rootless}base_dir = {r}/run
state_dir = {r}/state
log_path = {r}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login {self.oauth_mechanisms if self.userinfo_url else ""}
mail_location = maildir:{r}/mail/%u
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {r}/passwd
}}
{self._oauth2_passdb()}userdb {{
  driver = static
  args = {users} home={r}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
namespace inbox {{
  inbox = yes
  mailbox Junk {{
    special_use = \\Junk
    auto = subscribe
  }}
}}
"""

    def _oauth2_passdb(self) -> str:
        """Tokens checked by asking the authorization server's UserInfo endpoint, as Dovecot's
        oauth2 documentation configures it for Microsoft (introspection_mode = auth: a GET
        with the token as a Bearer header); its `email` must be the user who logs in."""
        if not self.userinfo_url:
            return ""
        (self.root / "oauth2.conf").write_text(
            f"introspection_mode = auth\nintrospection_url = {self.userinfo_url}\n"
            "username_attribute = email\n",
            "utf-8",
        )
        return (
            f"passdb {{\n  driver = oauth2\n  mechanisms = {self.oauth_mechanisms}\n"
            f"  args = {self.root}/oauth2.conf\n}}\n"
        )

    def start(self) -> None:
        for folder in ("run", "state", "mail"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root / "mail", "nobody", "nogroup")
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n", "utf-8")
        (self.root / "dovecot.conf").write_text(self.config(), "utf-8")
        subprocess.run([DOVECOT, "-c", str(self.root / "dovecot.conf")], check=True)
        self._wait_listening()

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + 10
        while True:
            try:
                imaplib.IMAP4("127.0.0.1", self.port, timeout=1).logout()
                return
            except OSError:
                if time.monotonic() > deadline:
                    log = (self.root / "dovecot.log").read_text("utf-8", "replace")
                    raise RuntimeError(f"Dovecot did not start:\n{log}") from None
                time.sleep(0.05)  # polling a port that is about to open, not a blind wait

    def stop(self) -> None:
        pid_file = self.root / "run" / "master.pid"
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)

    def deliver(self, folder: str, message: bytes) -> None:
        conn = imaplib.IMAP4("127.0.0.1", self.port, timeout=5)
        try:
            plain = f"\0{USER}\0{PASSWORD}".encode()  # UTF-8: imaplib's LOGIN is ASCII only
            conn.authenticate("PLAIN", lambda _challenge: plain)
            typ, data = conn.append(folder, None, None, message)
            assert typ == "OK", data
        finally:
            conn.logout()


@contextlib.contextmanager
def dovecot(userinfo_url: str = "", oauth_mechanisms: str = "") -> Iterator[Dovecot]:
    if not Path(DOVECOT).exists():
        # A newcomer's machine may not have it; .ci/run installs it, and there a skip would
        # hide the arrival tests, so CI (CI=true) fails instead.
        missing = "Dovecot is not installed (apt install dovecot-imapd; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    # A folder of its own, not pytest's tmp_path: as root, Dovecot's auth and mail processes
    # run as other users, who cannot pass through pytest's private (0700) base folder.
    with tempfile.TemporaryDirectory(prefix="smtpgui-dovecot-") as root:
        server = Dovecot(Path(root), userinfo_url, oauth_mechanisms)
        server.start()
        try:
            yield server
        finally:
            server.stop()


VERDICTS = (
    "Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=office.test; dmarc=fail\r\n"
)


@dataclass
class Delivering(Recorder):
    """Accepts the message and delivers it to `folder` of the Dovecot ("" = it gets lost)."""

    imap: Dovecot | None = None
    folder: str = "INBOX"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.imap is not None and self.folder:
            content = envelope.original_content or b""
            self.imap.deliver(self.folder, VERDICTS.encode() + content)
        return await super().handle_DATA(server, session, envelope)

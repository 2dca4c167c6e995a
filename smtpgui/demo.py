"""--demo: a real SMTP server on 127.0.0.1 (STARTTLS, one user) and a throw-away profile.

Nothing here touches the admin's real settings: the config folder is a temporary one and the
keyring is an in-memory backend, both gone when the demo ends. The demo certificate is trusted
only through the form's CA file field, that is for this server alone.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import ssl
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from smtpgui.core.profile.store import CONFIG_DIR_ENV
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from smtpgui.ui.form import SettingsForm

DEMO_USER = "demo@smtpgui.test"
DEMO_PASSWORD = "demo-password"
DEMO_RECIPIENT = "you@smtpgui.test"


class _Handler:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received += 1
        return "250 2.0.0 Accepted by the smtpgui demo server (not delivered anywhere)"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult

    login = getattr(auth_data, "login", b"").decode("utf-8", "replace")
    password = getattr(auth_data, "password", b"").decode("utf-8", "replace")
    ok = (login, password) == (DEMO_USER, DEMO_PASSWORD)
    return AuthResult(success=ok, handled=False)


class _AiosmtpdNoise(logging.Filter):
    """Keeps aiosmtpd's log (logger "mail.log") off the admin's terminal where it is noise.

    aiosmtpd 1.4 sets its own deprecated Session.login_data after every successful AUTH
    (smtp.py, smtp_AUTH) and warns about itself; and it logs a full traceback when a client
    refuses the demo's certificate, which is the demo working as meant (the window explains the
    failure). Both go to smtpgui's log at debug level instead.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        failed_tls = record.exc_info is not None and _is_tls_failure(record.exc_info[1])
        if not failed_tls and "login_data is deprecated" not in record.getMessage():
            return True
        _log.debug(
            "demo server: %s %s", record.getMessage(), record.exc_info and record.exc_info[1]
        )
        return False


def _is_tls_failure(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, ssl.SSLError) or type(error).__name__ == "TLSSetupException":
            return True
        error = error.__cause__
    return False


_QUIET = _AiosmtpdNoise()
_log = logging.getLogger(__name__)


class DemoServer:
    """Context manager: starts the server, points the process at a temporary profile."""

    def __init__(self) -> None:
        self._tmp = Path(tempfile.mkdtemp(prefix="smtpgui-demo-"))
        self.ca_file = str(self._tmp / "demo-ca.pem")
        self.port = 0
        self._controller: Any = None
        self._old_env: str | None = None

    def __enter__(self) -> DemoServer:
        try:
            import keyring
            import trustme
            from aiosmtpd.controller import Controller
        except ImportError as exc:
            raise SystemExit(
                f"The demo needs the demo extra: pip install 'smtpgui[demo]' "
                f"({exc.name} is missing)."
            ) from None
        from smtpgui.core.profile.memory_keyring import MemoryKeyring

        self._old_env = os.environ.get(CONFIG_DIR_ENV)
        os.environ[CONFIG_DIR_ENV] = str(self._tmp / "config")
        keyring.set_keyring(MemoryKeyring())
        ca = trustme.CA(organization_name="smtpgui demo CA")
        ca.cert_pem.write_to_path(self.ca_file)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self.port = _free_port()
        self._controller = Controller(
            _Handler(),
            hostname="127.0.0.1",
            port=self.port,
            tls_context=context,
            require_starttls=True,
            authenticator=_authenticate,
            auth_require_tls=True,
            server_hostname="demo.smtpgui.test",
        )
        logging.getLogger("mail.log").addFilter(_QUIET)
        self._controller.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._controller is not None:
            self._controller.stop()
        logging.getLogger("mail.log").removeFilter(_QUIET)
        if self._old_env is None:
            os.environ.pop(CONFIG_DIR_ENV, None)
        else:
            os.environ[CONFIG_DIR_ENV] = self._old_env
        shutil.rmtree(self._tmp, ignore_errors=True)

    @property
    def server(self) -> str:
        return f"tls://127.0.0.1:{self.port}"

    def note(self) -> str:
        """What the window says in demo mode; a Text, shown in the UI language."""
        return Text(
            "Demo",
            QT_TRANSLATE_NOOP(
                "Demo",
                "Demo: a local mail server runs on {address}. The password is “{password}”: "
                "press Test to see it pass, then change the password to see a failure "
                "explained. Nothing here touches your real settings.",
            ),
            address=f"127.0.0.1:{self.port}",
            password=DEMO_PASSWORD,
        )

    def fill(self, form: SettingsForm) -> None:
        from smtpgui.core.smtp.endpoint import Security

        form.server.setText(f"127.0.0.1:{self.port}")
        form.setCurrentSecurity(Security.STARTTLS)
        form.port.setValue(self.port)
        form.username.setText(DEMO_USER)
        form.password.setText(DEMO_PASSWORD)
        form.recipient.setText(DEMO_RECIPIENT)
        form.ca_file.setText(self.ca_file)
        form.show_all_errors()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

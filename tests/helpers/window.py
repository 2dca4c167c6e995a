"""The window as the tests drive it: fill the form for a test server (a password or an OAuth2
login), press Test or Save."""

from __future__ import annotations

from smtpgui.core.profile.settings import AuthMethod
from smtpgui.ui.main_window import SettingsWindow
from tests.helpers.oauth_server import CLIENT_ID, SCOPE, AuthorizationServer
from tests.helpers.profiles import OWN
from tests.helpers.servers import PASSWORD, USER
from tests.helpers.sign_in import follow


def fill(
    win: SettingsWindow, server: str, ca_file: str, password: str = PASSWORD, timeout: int = 5
) -> None:
    form = win.form
    form.server.clear()
    form.server.textEdited.emit("")  # as if typed: keeps the dropdown in sync
    form.server.setText(server)
    form.server.textEdited.emit(server)
    form.username.setText(USER)
    form.password.setText(password)
    form.recipient.setText(OWN)
    form.ca_file.setText(ca_file)
    form.timeout.setValue(timeout)
    form.show_all_errors()


def run(qtbot, win: SettingsWindow, action: str = "test", timeout: int = 10_000):
    with qtbot.waitSignal(win.outcome_ready, timeout=timeout) as blocker:
        getattr(win, action)()
    return blocker.args[0]


def fill_oauth(win: SettingsWindow, server: str, ca_file: str, auth: AuthorizationServer) -> None:
    form = win.form
    form.server.setText(server)
    form.server.textEdited.emit(server)
    form.username.setText(USER)
    form.recipient.setText(OWN)
    form.ca_file.setText(ca_file)
    form.auth.setCurrentIndex(form.auth.findData(AuthMethod.OAUTH2))
    oauth = form.oauth
    oauth.client_id.setText(CLIENT_ID)
    oauth.tenant.setText("contoso.example")
    oauth.authorize_url.setText(f"{auth.base}/{{tenant}}/authorize")
    oauth.token_url.setText(f"{auth.base}/{{tenant}}/token")
    oauth.device_url.setText(f"{auth.base}/{{tenant}}/device")
    oauth.scopes.setText(SCOPE)
    win.signing.open_browser = follow  # the admin signs in

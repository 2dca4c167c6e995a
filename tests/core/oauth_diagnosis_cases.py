"""The OAuth2 causes of tests/core/test_diagnosis.py, produced for real on 127.0.0.1.

Imported by test_diagnosis.py before its table, so these @produces cases run there.
"""

from __future__ import annotations

from smtpgui.core.jobs import Job, JobRunner
from smtpgui.core.oauth import session as oauth_session
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.oauth.tokens import Tokens
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.smtp.result import ProbeResult
from tests.helpers.diagnosis_lab import Lab, produces
from tests.helpers.oauth_server import CLIENT_ID, SCOPE, AuthorizationServer, authorization_server
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import OAuthRecorder, smtp_server


def _settings(server: str, lab: Lab, auth: AuthorizationServer) -> Settings:
    oauth = OAuthSettings(
        client_id=CLIENT_ID,
        authorize_url=f"{auth.base}/{{tenant}}/authorize",
        token_url=f"{auth.base}/{{tenant}}/token",
        scopes=SCOPE,
    )
    return settings_for(server, lab.ca_file, auth=AuthMethod.OAUTH2, oauth=oauth)


def _run(settings: Settings, tokens: Tokens | None) -> ProbeResult:
    job = Job(settings, None, save=False, subject="t", body="t", tokens=tokens)
    return JobRunner(job, lambda event: None).run().result


@produces("oauth-sign-in", "Sign in again", "Sign in with OAuth2 again")
def refresh_token_revoked(lab: Lab) -> ProbeResult:
    with authorization_server() as auth, smtp_server(lab.ca, "starttls", OAuthRecorder()) as smtp:
        settings = _settings(smtp.server, lab, auth)
        oauth_session.forget(settings)
        return _run(settings, Tokens("", refresh_token="rt-revoked-long-ago"))


def _refused(lab: Lab, error: dict[str, str]) -> ProbeResult:
    handler = OAuthRecorder(error=error)
    with authorization_server() as auth, smtp_server(lab.ca, "starttls", handler) as smtp:
        return _run(_settings(smtp.server, lab, auth), Tokens("at-stale", expires_at=9e12))


@produces("oauth-token", "status 401", "Sign in with OAuth2 again", "user name")
def token_expired(lab: Lab) -> ProbeResult:
    return _refused(
        lab, {"status": "401", "schemes": "bearer", "scope": "https://mail.google.com/"}
    )


@produces("oauth-scope", "scope needed https://mail.google.com/", "SMTP.Send")
def token_for_other_scopes(lab: Lab) -> ProbeResult:
    return _refused(
        lab, {"status": "400", "schemes": "Bearer", "scope": "https://mail.google.com/"}
    )


@produces("oauth-scope", "insufficient_scope")
def oauthbearer_insufficient_scope(lab: Lab) -> ProbeResult:
    return _refused(lab, {"status": "insufficient_scope", "scope": "SMTP.Send"})

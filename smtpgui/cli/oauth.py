"""OAuth2 for `smtpgui check`: the options that fill OAuthSettings, --provider and --sign-in.

The client secret, like the password, never comes from argv: --client-secret-stdin reads it
from standard input. The sign-in runs on a worker thread, so that Ctrl-C cancels it at once.
"""

from __future__ import annotations

import argparse
import sys
import threading
import webbrowser
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NoReturn

from smtpgui.cli.errors import CliError, option_error
from smtpgui.cli.language import cli, say
from smtpgui.cli.output import outcome_json
from smtpgui.cli.stdio import print_json
from smtpgui.cli.worker import run_in_worker
from smtpgui.core import exit_codes as codes
from smtpgui.core.jobs import failed_before_connecting
from smtpgui.core.oauth.settings import OAuthSettings
from smtpgui.core.profile.secrets import (
    SecretKind,
    SecretStore,
    SecretStoreError,
    Stored,
    stored_for,
)
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.providers.catalogue import Provider, load_providers, provider
from smtpgui.core.smtp.result import Failure
from smtpgui.core.smtp.transcript import Direction, TranscriptLine
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smtpgui.core.oauth.device import DeviceCode
    from smtpgui.core.oauth.tokens import Tokens

# The options that set one OAuthSettings field each (each option's dest is the field's name).
FIELDS = ("client_id", "tenant", "authorize_url", "token_url", "device_url", "scopes")


@dataclass(frozen=True)
class SignIn:
    """For the Job: the tokens of a sign-in (None: the keyring's refresh token) and the client
    secret given on standard input (None: the stored one, if any)."""

    tokens: Tokens | None = None
    client_secret: str | None = None


@dataclass(frozen=True)
class StoredSecret:
    """What `show` says about one secret of an OAuth2 profile."""

    key: str  # the --json key is f"{key}_stored"
    label: str
    stored: bool | None  # None: the keyring could not be asked
    note: str


# -- options into settings -------------------------------------------------------------------


def prepared(args: argparse.Namespace, saved: Settings | None) -> argparse.Namespace:
    """The options checked, with the provider's first server when none is given or saved."""
    if args.client_secret_stdin and args.password_stdin:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP(
                    "Cli",
                    "--client-secret-stdin and --password-stdin cannot both read standard input",
                )
            ),
            codes.INVALID_INPUT,
        )
    if not args.provider or args.server or saved is not None:
        return args
    servers = catalogue_entry(args.provider).servers_in()
    if not servers:
        return args
    first = servers[0]
    changes = {"server": first.host, "security": args.security or str(first.security)}
    if args.security is None and args.port is None:
        changes["port"] = first.port
    return argparse.Namespace(**{**vars(args), **changes})


def catalogue_entry(provider_id: str) -> Provider:
    """The catalogue's provider with OAuth2; CliError listing the ids that have it."""
    try:
        entry: Provider | None = provider(provider_id)
    except KeyError:
        entry = None
    if entry is not None and entry.oauth2 is not None:
        return entry
    ids = ", ".join(p.id for p in load_providers() if p.oauth2 is not None)
    problem = "is not in the catalogue" if entry is None else "offers no OAuth2 sign-in"
    raise CliError(
        cli(
            QT_TRANSLATE_NOOP(
                "Cli", "--provider {id}: {problem}; the providers with OAuth2 are: {ids}"
            ),
            id=provider_id,
            problem=say(problem),
            ids=ids,
        ),
        codes.INVALID_INPUT,
    )


def oauth_changes(base: Settings, args: argparse.Namespace) -> dict[str, object]:
    """The Settings fields the OAuth2 options change; any of them selects OAuth2 unless
    --auth says otherwise."""
    oauth = base.oauth
    if args.provider:
        oauth = _from_catalogue(oauth, catalogue_entry(args.provider))
    given = {name: getattr(args, name) for name in FIELDS if getattr(args, name) is not None}
    oauth = replace(oauth, **given)
    changes: dict[str, object] = {"oauth": oauth} if oauth != base.oauth else {}
    if args.auth is None and (given or args.provider or args.sign_in or args.client_secret_stdin):
        changes["auth"] = AuthMethod.OAUTH2
    return changes


def _from_catalogue(oauth: OAuthSettings, entry: Provider) -> OAuthSettings:
    """The entry's addresses and scopes; its tenant too, unless one is set for that provider."""
    data = entry.oauth2
    assert data is not None  # catalogue_entry made sure
    keep_tenant = oauth.provider == entry.id and bool(oauth.tenant.strip())
    return replace(
        oauth,
        provider=entry.id,
        tenant=oauth.tenant if keep_tenant else data.tenant,
        authorize_url=data.authorization_endpoint,
        token_url=data.token_endpoint,
        device_url=data.device_endpoint,
        scopes=" ".join(data.scopes),
    )


# -- the sign-in -----------------------------------------------------------------------------


def sign_in_first(settings: Settings, args: argparse.Namespace, saved: Settings | None) -> SignIn:
    """Read the client secret and, with --sign-in, sign in; exits with AUTH when that fails."""
    from smtpgui.core.oauth.tokens import OAuthError

    if settings.auth is not AuthMethod.OAUTH2:
        if args.sign_in or args.client_secret_stdin:
            raise CliError(
                cli(
                    QT_TRANSLATE_NOOP(
                        "Cli", "--sign-in and --client-secret-stdin need --auth oauth2"
                    )
                ),
                codes.INVALID_INPUT,
            )
        return SignIn()
    client_secret = _read_client_secret() if args.client_secret_stdin else None
    if not args.sign_in:
        return SignIn(client_secret=client_secret)
    from smtpgui.core.oauth.session import client_secret_of  # urllib: only for a sign-in

    try:
        secret = client_secret_of(SecretStore(), settings, client_secret)
        cancel = threading.Event()
        tokens = run_in_worker(
            lambda: _sign_in(settings, args.sign_in, cancel, secret), cancel.set, "smtpgui-sign-in"
        )
    except (OAuthError, SecretStoreError) as exc:  # both say what to do
        sign_in_failed(settings, str(exc), as_json=args.json)
    return SignIn(tokens, client_secret)


def _read_client_secret() -> str:
    from smtpgui.cli.stdio import read_stdin_line
    from smtpgui.core.text.encoding import TextDecodingError

    try:
        secret = read_stdin_line().strip()
    except TextDecodingError as exc:
        raise CliError(option_error("--client-secret-stdin", exc), codes.INVALID_INPUT) from None
    if not secret:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP(
                    "Cli", "--client-secret-stdin: the first line of standard input is empty"
                )
            ),
            codes.INVALID_INPUT,
        )
    return secret


def _sign_in(settings: Settings, how: str, cancel: threading.Event, secret: str) -> Tokens:
    from smtpgui.core.oauth import session as oauth_session

    if how == "device":
        return oauth_session.sign_in_with_code(settings, _show_code, cancel, client_secret=secret)
    return oauth_session.sign_in(
        settings, _open_browser, cancel, client_secret=secret, notice=_print_notice
    )


def _open_browser(url: str) -> bool:
    print(
        cli(QT_TRANSLATE_NOOP("Cli", "Opening the browser to sign in: {url}"), url=url),
        file=sys.stderr,
        flush=True,
    )
    return webbrowser.open(url)


def _print_notice(text: str) -> None:
    print(say(text), file=sys.stderr, flush=True)


def _show_code(code: DeviceCode) -> None:
    print(
        cli(
            QT_TRANSLATE_NOOP("Cli", "To sign in, open {url} and enter the code {code}"),
            url=code.verification_uri,
            code=code.user_code,
        ),
        file=sys.stderr,
        flush=True,
    )


def sign_in_failed(settings: Settings, message: str, *, as_json: bool) -> NoReturn:
    """With --json, the outcome object of a failed sign-in first; then the message, AUTH."""
    if as_json:
        outcome = failed_before_connecting(settings, Failure.SIGN_IN, message)
        line = TranscriptLine(Direction.ERROR, message, 0)
        print_json(outcome_json(outcome, [line], codes.AUTH))
    raise CliError(
        cli(QT_TRANSLATE_NOOP("Cli", "the sign-in failed: {error}"), error=say(message)), codes.AUTH
    )


# -- show ------------------------------------------------------------------------------------


def stored_secrets(saved: Settings | None) -> list[StoredSecret]:
    """For an OAuth2 profile: whether the keyring holds its sign-in and its client secret."""
    if saved is None or saved.auth is not AuthMethod.OAUTH2:
        return []
    try:
        secrets = SecretStore()
        found = stored_for(secrets, saved)
        backend = secrets.backend_name()
    except SecretStoreError as exc:
        return [StoredSecret(k, label, None, f"unknown ({exc})") for k, label, _, _ in _SHOWN]
    return [
        _shown(key, label, found[kind], missing, saved, kind, backend)
        for key, label, kind, missing in _SHOWN
    ]


_SHOWN = (
    (
        "sign_in",
        "sign-in",
        SecretKind.REFRESH_TOKEN,
        "NOT stored: sign in with smtpgui check --sign-in browser (or device) --save",
    ),
    (
        "client_secret",
        "client secret",
        SecretKind.CLIENT_SECRET,
        "none stored (needed only when the provider gave one)",
    ),
)


def _shown(
    key: str,
    label: str,
    state: Stored,
    missing: str,
    saved: Settings,
    kind: SecretKind,
    backend: str,
) -> StoredSecret:
    if state is Stored.NONE:
        return StoredSecret(key, label, False, missing)
    if state is Stored.ELSEWHERE:
        return StoredSecret(key, label, False, f"{missing} (the stored one is for other settings)")
    where = f"service {kind.service()}, user {saved.account}, backend {backend}"
    return StoredSecret(key, label, True, f"stored in the keyring ({where})")

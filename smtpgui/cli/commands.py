"""The CLI's commands; each returns an exit code (see core/exit_codes.py)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from smtpgui.cli.errors import CliError, message_of, option_error
from smtpgui.cli.language import cli, say, translate
from smtpgui.cli.output import (
    PASSWORD,
    SIGN_IN,
    TranscriptPrinter,
    format_diagnosis,
    outcome_json,
    print_outcome,
)
from smtpgui.cli.stdio import print_json, read_stdin, read_stdin_line
from smtpgui.cli.worker import run_in_worker
from smtpgui.core import exit_codes as codes
from smtpgui.core.jobs import Job, JobRunner, delete_profile, no_password_for
from smtpgui.core.profile.addresses import address_error, text_error
from smtpgui.core.profile.file import ProfileError, export_profile, read_profile_bytes
from smtpgui.core.profile.insecure import weakened
from smtpgui.core.profile.secrets import (
    SecretKind,
    SecretStore,
    SecretStoreError,
    Stored,
    binding_of,
    stored_for,
)
from smtpgui.core.profile.settings import AuthMethod, Settings, TrustMode, field_errors, to_json
from smtpgui.core.profile.store import SettingsFileError, SettingsStore
from smtpgui.core.smtp.endpoint import (
    DEFAULT_PORTS,
    Endpoint,
    EndpointError,
    Security,
    parse_entries,
    resolve,
)
from smtpgui.core.text.encoding import TextDecodingError
from smtpgui.core.text.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from smtpgui.core.deliverability.model import ArrivalCheck

SUBJECT = "smtpgui test message"
BODY = "This is a test message from smtpgui. If you can read it, the outgoing mail server works."


# -- check and import ------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    dns_server = _resolver(args.resolver)
    saved = _saved_or_none()
    oauth = _oauth_in_play(args, saved)
    if oauth:
        # Deferred: the OAuth2 options, the sign-in and their urllib client are loaded only
        # when OAuth2 is asked for; a check with a password starts without them (issue 20).
        from smtpgui.cli import oauth as cli_oauth

        args = cli_oauth.prepared(args, saved)
    settings = _validated(_merge(saved, args, oauth))
    if args.save and args.no_send:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "--save needs a real test message: drop --no-send")),
            codes.INVALID_INPUT,
        )
    tokens, client_secret = None, None
    if oauth:
        sign_in = cli_oauth.sign_in_first(settings, args, saved)
        tokens, client_secret = sign_in.tokens, sign_in.client_secret
    password = _password(settings, args)
    job = Job(
        settings,
        password,
        args.save,
        SUBJECT,
        BODY,
        send=not args.no_send,
        tokens=tokens,
        client_secret=client_secret,
        domain_check=not args.no_domain_check,
        dns_server=dns_server,
        arrival=_arrival(args),
    )
    return _run_job(job, as_json=args.json)


def _arrival(args: argparse.Namespace) -> ArrivalCheck | None:
    if args.arrival is None:  # "--arrival" alone is "" (the catalogue's server)
        return None
    for option, value in (("--arrival", args.arrival), ("--arrival-user", args.arrival_user)):
        error = text_error(value or "")  # a line break would start another IMAP command
        if error:
            raise CliError(option_error(option, ValueError(error)), codes.INVALID_INPUT)
    # Deferred: the deliverability model, only for --arrival (issue 20: a check starts fast).
    from smtpgui.core.deliverability.model import ArrivalCheck

    security = Security(args.arrival_security) if args.arrival_security else None
    return ArrivalCheck(
        server=args.arrival,
        security=security,
        username=args.arrival_user or "",
        limit=args.arrival_limit,
        delete=args.delete_test_message,
    )


def _resolver(server: str | None) -> str:
    """--resolver, checked before the test starts (exit 2 for one that cannot be used)."""
    if not server:
        return ""
    # Deferred: dnspython, only when a DNS server is named (a check otherwise needs none).
    from smtpgui.core.discovery.dns_records import ResolverError, parse_resolver

    try:
        parse_resolver(server)
    except ResolverError as exc:
        raise CliError(option_error("--resolver", exc), codes.INVALID_INPUT) from None
    return server


def _oauth_in_play(args: argparse.Namespace, saved: Settings | None) -> bool:
    """An OAuth2 option was given, or --auth (else the saved settings) says OAuth2."""
    if any(getattr(args, dest) for dest in args.oauth_options):
        return True
    auth = args.auth or (saved.auth.value if saved else "")
    return bool(auth == AuthMethod.OAUTH2.value)


def run_import(args: argparse.Namespace) -> int:
    try:
        if args.file == "-":
            settings = read_profile_bytes(sys.stdin.buffer, sys.stdin.encoding)
        else:
            with Path(args.file).open("rb") as stream:
                settings = read_profile_bytes(stream)
        settings = _validated(settings)
    except OSError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "cannot import {file}: {error}"),
                file=args.file,
                error=str(exc.strerror),
            ),
            codes.INVALID_INPUT,
        ) from None
    except ProfileError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "cannot import {file}: {error}"),
                file=args.file,
                error=message_of(exc),
            ),
            codes.INVALID_INPUT,
        ) from None
    if args.password_stdin and args.file == "-":
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP(
                    "Cli", "the profile and the password cannot both come from standard input"
                )
            ),
            codes.INVALID_INPUT,
        )
    password = _password(settings, args)
    job = Job(settings, password, True, SUBJECT, BODY)
    return _run_job(job, as_json=args.json)


def _run_job(job: Job, *, as_json: bool) -> int:
    printer = TranscriptPrinter(quiet=as_json)
    runner = JobRunner(job, printer)
    outcome = run_in_worker(runner.run, runner.cancel, "smtpgui-check")
    code = codes.exit_code(outcome.result)
    if code == codes.OK and job.save and not outcome.saved:
        code = codes.NOT_SAVED
    if as_json:
        print_json(outcome_json(outcome, printer.lines, code))
    else:
        oauth = job.settings.auth is AuthMethod.OAUTH2
        print_outcome(outcome, secret=SIGN_IN if oauth else PASSWORD)
    return code


# -- building settings from options ------------------------------------------------------------


def _merge(saved: Settings | None, args: argparse.Namespace, oauth: bool) -> Settings:
    if saved is None and not args.server:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "no settings are saved: give at least --server and --to")),
            codes.INVALID_INPUT,
        )
    endpoints = _endpoints(saved, args)
    base = saved or Settings(endpoints=endpoints)
    changes: dict[str, object] = {"endpoints": endpoints}
    for option, field in (
        ("auth", "auth"),
        ("user", "username"),
        ("timeout", "timeout"),
        ("from_address", "from_address"),
        ("recipient", "recipient"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[field] = AuthMethod(value) if field == "auth" else value
    if args.allow_insecure_auth:
        changes["allow_insecure_auth"] = True
    changes.update(_trust_changes(base, args))
    if oauth:  # cli_oauth was loaded by run_check
        from smtpgui.cli import oauth as cli_oauth

        changes.update(cli_oauth.oauth_changes(base, args))
    return replace(base, **changes)  # type: ignore[arg-type]


def _endpoints(saved: Settings | None, args: argparse.Namespace) -> tuple[Endpoint, ...]:
    default = saved.endpoints[0].security if saved else Security.STARTTLS
    security = Security(args.security) if args.security else default
    try:
        if args.server:
            port = args.port or DEFAULT_PORTS[security]
            return resolve(parse_entries(args.server), security, port)
        assert saved is not None
        first, *backups = saved.endpoints
        port = args.port or (first.port if not args.security else DEFAULT_PORTS[security])
        return (Endpoint(security, first.host, port), *backups)
    except EndpointError as exc:
        raise CliError(f"--server: {message_of(exc)}", codes.INVALID_INPUT) from None


def _trust_changes(base: Settings, args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {}
    if args.ca_file:
        changes.update(ca_file=args.ca_file, trust=TrustMode.CA_FILE)
    if args.pin:
        changes.update(pinned_sha256=args.pin, trust=TrustMode.PINNED)
    if args.trust:
        changes["trust"] = TrustMode(args.trust)
    return changes


def _validated(settings: Settings) -> Settings:
    errors = field_errors(settings)
    if errors:
        text = "; ".join(f"{field}: {message}" for field, message in errors.items())
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "invalid settings: {errors}"), errors=text),
            codes.INVALID_INPUT,
        )
    return settings


def _saved_or_none() -> Settings | None:
    try:
        return SettingsStore().load()
    except SettingsFileError as exc:
        print(f"smtpgui: {message_of(exc)}", file=sys.stderr)
        return None


# -- the password --------------------------------------------------------------------------


def _password(settings: Settings, args: argparse.Namespace) -> str:
    if settings.auth in (AuthMethod.NONE, AuthMethod.OAUTH2):
        return ""  # OAuth2: the job signs in with the refresh token in the keyring
    if args.password_stdin:
        try:
            return read_stdin_line()
        except TextDecodingError as exc:
            raise CliError(option_error("--password-stdin", exc), codes.INVALID_INPUT) from None
    try:
        stored = SecretStore().get(binding_of(settings, SecretKind.PASSWORD))
    except SecretStoreError as exc:
        why = str(exc)
    else:
        if stored is not None:
            return stored
        why = str(no_password_for(settings))
    if sys.stdin.isatty():
        return getpass.getpass(
            cli(QT_TRANSLATE_NOOP("Cli", "Password for {user}: "), user=settings.username)
        )
    raise CliError(
        cli(
            QT_TRANSLATE_NOOP(
                "Cli", "no password for this server: {why} Pipe it in with --password-stdin."
            ),
            why=say(why),
        ),
        codes.NO_PASSWORD,
    )


# -- show, forget, export ----------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    store = SettingsStore()
    try:
        saved = store.load()
    except SettingsFileError as exc:
        raise CliError(message_of(exc), codes.INVALID_INPUT) from None
    stored, note = _password_state(saved)
    # Deferred as in run_check: only `show` and OAuth2 need it
    from smtpgui.cli import oauth as cli_oauth

    oauth = cli_oauth.stored_secrets(saved)  # OAuth2: the sign-in and the client secret
    if args.json:
        data = to_json(saved) if saved else None
        more = {f"{s.key}_stored": s.stored for s in oauth}
        insecure = [str(text) for text in weakened(saved)] if saved else []
        print_json(
            {"path": str(store.path), "settings": data, "password_stored": stored, **more}
            | {"insecure": insecure}
        )
        return codes.OK
    if saved is None:
        print(
            cli(
                QT_TRANSLATE_NOOP("Cli", "No outgoing mail server is saved ({path})."),
                path=str(store.path),
            )
        )
        return codes.OK
    print(cli(QT_TRANSLATE_NOOP("Cli", "Settings file: {path}"), path=str(store.path)))
    for key, value in to_json(saved).items():
        print(f"  {key}: {value}")
    for label, text in [(s.label, s.note) for s in oauth] or [("password", note)]:
        print(f"  {say(label)}: {say(text)}")
    for text in weakened(saved):
        print("  " + cli(QT_TRANSLATE_NOOP("Cli", "INSECURE: {what}"), what=say(text)))
    return codes.OK


def _password_state(saved: Settings | None) -> tuple[bool | None, str]:
    if saved is None or saved.auth is AuthMethod.NONE:
        return None, "not needed"
    if saved.auth is AuthMethod.OAUTH2:
        return None, "not used (OAuth2)"
    try:
        secrets = SecretStore()
        state = stored_for(secrets, saved)[SecretKind.PASSWORD]
        backend = secrets.backend_name()
    except SecretStoreError as exc:
        return None, f"unknown ({exc})"
    if state is Stored.ELSEWHERE:
        return False, "NOT stored for these settings (the stored one is for another server)"
    where = f"service {SecretKind.PASSWORD.service()}, user {saved.account}, backend {backend}"
    return (
        (True, f"stored in the keyring ({where})")
        if state is Stored.HERE
        else (False, "NOT stored")
    )


def run_forget(_args: argparse.Namespace) -> int:
    store = SettingsStore()
    try:
        saved = store.load()
    except SettingsFileError:
        saved = None
    try:
        delete_profile(store, SecretStore(), saved.account if saved else None)
    except SecretStoreError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "the settings file is deleted, but {error}"),
                error=message_of(exc),
            ),
            codes.NO_PASSWORD,
        ) from None
    except OSError as exc:  # the file first: when it stays, so does every secret
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "{path} cannot be deleted ({error}); nothing was changed"),
                path=str(store.path),
                error=str(exc.strerror),
            ),
            codes.NOT_SAVED,
        ) from None
    print(cli(QT_TRANSLATE_NOOP("Cli", "The saved settings and the stored password are deleted.")))
    return codes.OK


def run_export(args: argparse.Namespace) -> int:
    try:
        saved = SettingsStore().load()
    except SettingsFileError as exc:
        raise CliError(message_of(exc), codes.INVALID_INPUT) from None
    if saved is None:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "no settings are saved: nothing to export")),
            codes.INVALID_INPUT,
        )
    try:
        if args.file == "-":  # in ASCII: the channel may be the ANSI code page
            sys.stdout.write(export_profile(saved, ascii_only=True))
            sys.stdout.flush()
        else:
            Path(args.file).write_text(export_profile(saved), encoding="utf-8")
    except OSError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "cannot write {file}: {error}"),
                file=args.file,
                error=str(exc.strerror),
            ),
            codes.INVALID_INPUT,
        ) from None
    if args.file != "-":
        print(
            cli(
                QT_TRANSLATE_NOOP("Cli", "Exported to {file} (without the password)."),
                file=args.file,
            )
        )
    return codes.OK


# -- send ----------------------------------------------------------------------------------------


def run_send(args: argparse.Namespace) -> int:
    if args.batch is not None:
        if args.to or args.cc or args.subject is not None:
            raise CliError(
                cli(
                    QT_TRANSLATE_NOOP(
                        "Cli",
                        "--batch sends the messages as they are: drop --to, --cc and --subject",
                    )
                ),
                codes.INVALID_INPUT,
            )
        from smtpgui.cli import batch as cli_batch  # its own module: reading folders and mboxes

        return cli_batch.run(args)
    if args.per_minute is not None:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "--per-minute goes with --batch")), codes.INVALID_INPUT
        )
    import smtpgui.api as api

    _check_send_fields(args)
    message = EmailMessage()
    message["To"] = ", ".join(args.to)
    if args.cc:
        message["Cc"] = ", ".join(args.cc)
    message["Subject"] = args.subject
    try:
        message.set_content(read_stdin())
    except TextDecodingError as exc:
        raise CliError(
            cli(
                QT_TRANSLATE_NOOP("Cli", "the message on standard input: {error}"),
                error=say(exc.args[0] if exc.args else str(exc)),
            ),
            codes.INVALID_INPUT,
        ) from None
    printer = TranscriptPrinter(out=sys.stderr, quiet=not args.verbose)
    try:
        api.send_message(message, callback=printer)
    except api.NotConfiguredError as exc:
        raise CliError(message_of(exc), codes.INVALID_INPUT) from None
    except api.PasswordUnavailableError as exc:
        raise CliError(message_of(exc), codes.NO_PASSWORD) from None
    except api.SendError as exc:
        diagnosis = exc.diagnosis.translated(translate)  # in the CLI's language
        print(format_diagnosis(diagnosis, exc.result), file=sys.stderr)
        return exc.exit_code
    except api.SmtpguiError as exc:
        raise CliError(message_of(exc), codes.INVALID_INPUT) from None
    print(
        cli(
            QT_TRANSLATE_NOOP("Cli", "Sent to {recipients}."),
            recipients=", ".join(args.to + args.cc),
        )
    )
    return codes.OK


def _check_send_fields(args: argparse.Namespace) -> None:
    """Each --to and --cc is one address, the subject one line: exit 2 naming the option."""
    if not args.to or args.subject is None:
        raise CliError(
            cli(QT_TRANSLATE_NOOP("Cli", "send needs --to and --subject (or --batch PATH)")),
            codes.INVALID_INPUT,
        )
    for option, values in (("--to", args.to), ("--cc", args.cc or [])):
        for value in values:
            error = address_error(value, required=True)
            if error:
                raise CliError(f"{option} {value!a}: {say(error)}", codes.INVALID_INPUT)
    error = text_error(args.subject)
    if error:
        raise CliError(f"--subject: {say(error)}", codes.INVALID_INPUT)


# -- discover ------------------------------------------------------------------------------------


def run_domain_check(args: argparse.Namespace) -> int:
    from smtpgui.cli import deliverability as cli_deliverability

    return cli_deliverability.run(args, _saved_or_none() if args.server is None else None)


def run_discover(args: argparse.Namespace) -> int:
    from smtpgui.cli import discover as cli_discover  # its own module: this one is long enough

    return cli_discover.run(args)


Command = Callable[[argparse.Namespace], int]

RUN: dict[str, Command] = {
    "check": run_check,
    "show": run_show,
    "forget": run_forget,
    "export": run_export,
    "import": run_import,
    "send": run_send,
    "discover": run_discover,
    "domain-check": run_domain_check,
}
"""Every command by the name typed on the command line (smtpgui.cli.COMMANDS)."""

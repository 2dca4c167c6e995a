"""The CLI with Windows' standard streams, simulated on Linux.

The platform facts: with stdout redirected or piped (Task Scheduler, `> log.txt`,
`| findstr`), Python on Windows writes the ANSI code page with strict errors, and reads stdin
in it too; PowerShell 5.1's `>` writes UTF-16 with a BOM, Notepad UTF-8 with a BOM. The child
process gets the same with PYTHONIOENCODING=cp1252:strict; what goes to its stdin is bytes.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys

import pytest

from smtpgui.core import exit_codes as codes
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from tests.helpers.cli import cli_env
from tests.helpers.cli_terminal import OWN, check_args
from tests.helpers.hostile import HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.servers import PASSWORD, USER, smtp_server

GREETING = "220 почта.example Почтовый сервер готов"  # "mail server ready", in Russian
HOST = "почта.рф"  # no character of it exists in cp1252


@pytest.fixture
def env(tmp_path):
    return cli_env(tmp_path, PYTHONIOENCODING="cp1252:strict")


@pytest.fixture(scope="session")
def latin1_locale(tmp_path_factory) -> dict[str, str]:
    """A Latin-1 locale (Windows' ANSI code page, cp1252, for the letters used here), made in a
    private folder with localedef; the machine's own locales are left alone."""
    folder = tmp_path_factory.mktemp("locale")
    name = "en_US.ISO-8859-1"
    made = subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(folder / name)], capture_output=True
    )
    if made.returncode not in (0, 1) or not (folder / name).exists():  # 1: warnings only
        pytest.skip(f"localedef cannot make {name}: {made.stderr.decode(errors='replace')}")
    return {"LOCPATH": str(folder), "LC_ALL": name, "LANG": name}


def cli(env, *args, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "smtpgui", *args], input=stdin, env=env, capture_output=True
    )


def text(stream: bytes) -> str:
    return stream.decode("cp1252")  # what the child wrote, in the channel's encoding


def plain_check(port: int) -> list[str]:
    return [
        *("check", "--server", f"127.0.0.1:{port}", "--security", "none", "--auth", "none"),
        *("--to", OWN, "--timeout", "5"),
    ]


# -- output ------------------------------------------------------------------------------------


def test_a_cyrillic_greeting_is_printed_escaped_and_the_test_passes(env):
    with HostileServer(smtp_script({"greeting": GREETING})) as server:
        done = cli(env, *plain_check(server.port))
    out = text(done.stdout)
    assert done.returncode == codes.OK, out + text(done.stderr)
    assert "\\u043f\\u043e\\u0447\\u0442\\u0430.example" in out
    assert "OK:" in out and not done.stderr


def test_json_is_ascii_and_carries_the_greeting(env):
    with HostileServer(smtp_script({"greeting": GREETING})) as server:
        done = cli(env, *plain_check(server.port), "--json")
    assert done.returncode == codes.OK, done.stderr
    assert done.stdout.isascii()
    data = json.loads(done.stdout)
    assert GREETING in [line["text"] for line in data["transcript"]]


def test_show_and_export_print_a_host_the_code_page_lacks(env, tmp_path):
    settings = Settings(
        endpoints=parse_server(f"tls://{HOST}"),
        auth=AuthMethod.LOGIN,
        username=USER,
        recipient=OWN,
    )
    SettingsStore(tmp_path / "config").save(settings)
    shown = cli(env, "show")
    assert shown.returncode == codes.OK, shown.stderr
    assert "\\u043f\\u043e\\u0447\\u0442\\u0430" in text(shown.stdout)
    as_json = cli(env, "show", "--json")
    assert as_json.returncode == codes.OK and as_json.stdout.isascii()
    assert HOST in json.loads(as_json.stdout)["settings"]["server"]
    exported = cli(env, "export", "-")
    assert exported.returncode == codes.OK and exported.stdout.isascii()
    assert HOST in json.loads(exported.stdout)["settings"]["server"]


# -- input -------------------------------------------------------------------------------------

PASSWORD_BYTES = {
    "utf-8": PASSWORD.encode("utf-8") + b"\r\n",
    "utf-8 with BOM (Notepad)": codecs.BOM_UTF8 + PASSWORD.encode("utf-8") + b"\r\n",
    "utf-16 (PowerShell 5.1)": codecs.BOM_UTF16_LE + (PASSWORD + "\r\n").encode("utf-16-le"),
    "the ANSI code page": PASSWORD.encode("cp1252") + b"\r\n",
}


@pytest.mark.parametrize("encoding", PASSWORD_BYTES, ids=str)
def test_a_piped_password_arrives_whole_in_any_encoding(env, starttls_server, ca_file, encoding):
    done = cli(env, *check_args(starttls_server.server, ca_file), stdin=PASSWORD_BYTES[encoding])
    assert done.returncode == codes.OK, text(done.stdout)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: t.encode("cp1252"),
    ],
    ids=["utf-8 with BOM", "utf-16 (PowerShell 5.1 >)", "ANSI"],
)
def test_a_profile_written_on_windows_is_imported(
    env, ca, ca_file, tmp_path, encode, latin1_locale
):
    env = {**env, **latin1_locale}  # the ANSI fallback is the locale's encoding
    with smtp_server(ca, "tls") as server:
        profile_text = json.dumps(
            {
                "kind": "smtpgui-profile",
                "version": 1,
                "settings": {
                    "version": 1,
                    "server": server.server,
                    "auth": "auto",
                    "username": USER,
                    "recipient": OWN,
                    "ca_file": ca_file,
                    "timeout": 5.0,
                    "from": "Facturación <facturas@example.test>",
                },
            },
            ensure_ascii=False,
        )
        profile = tmp_path / "office.json"
        profile.write_bytes(encode(profile_text))
        done = cli(env, "import", str(profile), "--password-stdin", stdin=PASSWORD.encode())
    assert done.returncode == codes.OK, text(done.stdout) + text(done.stderr)
    saved = SettingsStore(tmp_path / "config").load()
    assert saved is not None and saved.from_address == "Facturación <facturas@example.test>"


def test_a_profile_in_no_known_encoding_is_a_clear_error(env, tmp_path):
    profile = tmp_path / "office.json"
    profile.write_bytes(b"\xff\xfe\x00")  # a UTF-16 BOM, then half a character
    done = cli(env, "import", str(profile), "--password-stdin", stdin=b"x\n")
    assert done.returncode == codes.INVALID_INPUT
    assert "not in a known encoding" in text(done.stderr) and "Traceback" not in text(done.stderr)


# -- the probe's callback ----------------------------------------------------------------------


def test_a_failing_callback_is_never_the_servers_failure(starttls_server, ca_file, caplog):
    """The old CLI printer raised UnicodeEncodeError on a Cyrillic line: not the server's fault."""
    from smtpgui.core.smtp.probe import SmtpProbe
    from smtpgui.core.smtp.transcript import TranscriptLine
    from tests.helpers.profiles import settings_at as settings_for

    def printer(event: object) -> None:
        if isinstance(event, TranscriptLine):
            event.format().encode("ascii")  # raises on "…" and on any Cyrillic text
            raise UnicodeEncodeError("cp1252", "Почта", 0, 1, "character maps to <undefined>")

    settings = settings_for(starttls_server.server, ca_file)
    result = SmtpProbe(settings, PASSWORD, None, printer).run()
    assert result.ok, result
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "smtpgui could not show a step of the test (UnicodeEncodeError)"
    ]

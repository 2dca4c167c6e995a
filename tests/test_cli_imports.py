"""Issue 20: the command line loads what a run needs when it needs it. A check with a password
must not load the OAuth2 sign-in (urllib, the token client) nor Find settings (DNS, autoconfig):
swaks starts in about 50 ms, and those imports alone cost more."""

from __future__ import annotations

import json
import subprocess
import sys

from smtpgui.core import exit_codes as codes
from tests.helpers.cli_terminal import check_args
from tests.helpers.servers import PASSWORD

# Runs the CLI in-process, then writes the names of every module it loaded.
RUN_AND_LIST = """
import json, sys
from smtpgui import cli
code = cli.main(sys.argv[1:])
with open(sys.argv[0] + ".modules", "w") as out:
    json.dump(sorted(sys.modules), out)
sys.exit(code)
"""
OAUTH2 = {
    "smtpgui.cli.oauth",
    "smtpgui.core.oauth.tokens",
    "smtpgui.core.oauth.session",
    "smtpgui.core.oauth.browser",
    "smtpgui.core.oauth.device",
    "smtpgui.core.diagnosis.oauth",
    "urllib.request",
}


def test_a_check_with_a_password_loads_neither_oauth2_nor_discovery(
    env,
    starttls_server,
    ca_file,
    tmp_path,
):
    script = tmp_path / "run.py"
    script.write_text(RUN_AND_LIST)
    done = subprocess.run(
        # The domain check (issue 19) is the one part that may load a web client (checkdmarc):
        # it runs beside the test, and is measured on its own.
        [
            *(sys.executable, str(script)),
            *check_args(starttls_server.server, ca_file, "--no-domain-check"),
        ],
        input=PASSWORD + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == codes.OK, done.stdout + done.stderr
    modules = set(json.loads((tmp_path / "run.py.modules").read_text()))
    assert "smtpgui.core.smtp.probe" in modules  # the list is real
    assert not modules & OAUTH2, sorted(modules & OAUTH2)
    assert not {m for m in modules if "discover" in m}
    assert "smtpgui.core.diagnosis.diagnose" not in modules  # the rule catalogue: only on failure
    # A verified certificate is read from what ssl decoded; IMAP only for --arrival.
    assert not {m for m in modules if m.startswith(("cryptography", "imaplib"))}

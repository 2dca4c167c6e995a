"""The installed entry points, run as a newcomer would run them."""

from __future__ import annotations

import subprocess
import sys

from smtpgui import __version__


def test_version_from_python_dash_m():
    out = subprocess.run(
        [sys.executable, "-m", "smtpgui", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == f"smtpgui {__version__}"


def test_version_does_not_load_qt():
    code = (
        "import sys; from smtpgui.app import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, capture_output=True)


def test_no_arguments_are_what_the_parser_gives_for_none():
    # `smtpgui` alone skips building the parser (start-up): its answer must be the parser's.
    from smtpgui.app import NO_ARGUMENTS, parse_args

    assert parse_args([]) == NO_ARGUMENTS

"""Entry script of smtpgui-cli.exe, the console twin build.spec adds on Windows.

A windowed .exe has no console, so its output goes nowhere. This twin runs the same main() with
one: `smtpgui-cli check ...` and the other commands (main() hands them to smtpgui.cli.main()), and
`smtpgui-cli --self-test` or `--version` with their output visible.
"""

# Absolute import: PyInstaller runs this file as a top-level script, not as part of the package.
from smtpgui.app import main

raise SystemExit(main())

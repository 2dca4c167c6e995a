"""Entry point for `python -m smtpgui` and the PyInstaller build."""

# Absolute import: PyInstaller runs this file as a top-level script, not as part of the package.
from smtpgui.app import main

raise SystemExit(main())

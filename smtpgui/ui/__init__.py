"""The window (PySide6): SettingsWindow, its form and panels, dialogs, and the workers that run the
core off the GUI thread. Nothing here speaks SMTP; it shows what the core decided.

Importing the package loads QtCore, which installs PySide6's import hook, and takes the hook's
source scan out again before any window module loads (smtpgui.ui.feature_scan).
"""

import PySide6.QtCore  # noqa: F401 (installs the hook that the next line takes out)

from smtpgui.ui.feature_scan import skip_source_scan

skip_source_scan()

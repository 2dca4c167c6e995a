"""PySide6's import hook reads no smtpgui module's source (smtpgui.ui.feature_scan, issue 20)."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys

from smtpgui.ui.feature_scan import skip_source_scan

_IMPORT_WINDOW = """
import json, linecache, sys
from PySide6.QtWidgets import QApplication  # PySide6 installs its hook here

app = QApplication([])
from smtpgui.ui.main_window import SettingsWindow

SettingsWindow()
import smtpgui.core.jobs  # a module the first Test imports, after the window
read = sorted(name.rsplit("/", 1)[-1] for name in linecache.cache if "smtpgui" in name)
print(json.dumps([read, "smtpgui.core.jobs" in sys.modules]))
"""


def test_the_window_s_modules_are_imported_without_reading_their_source():
    # With the hook's scan, every module an import statement names after PySide6 loaded is read
    # whole through linecache (inspect.getsource): about 14 ms of the first paint. Two are still
    # read, being named while the hook was on: the module whose import loaded smtpgui.ui, and
    # feature_scan itself, which smtpgui.ui imports to take the hook out.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_WINDOW], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == [["feature_scan.py", "main_window.py"], True]


def test_an_import_hook_installed_after_pyside6_s_is_left_alone():
    hooked = builtins.__import__

    def another_tool(*args, **kwargs):  # e.g. a profiler's or a debugger's import hook
        return hooked(*args, **kwargs)

    builtins.__import__ = another_tool
    try:
        assert skip_source_scan() is False
        assert builtins.__import__ is another_tool
        import json as again  # imports still go through it

        assert again is json
    finally:
        builtins.__import__ = hooked

"""Loaded by every Python process started with this folder on PYTHONPATH (`.ci/run` does):
remove what Windows' Python 3.11 lacks, so a POSIX-only call in smtpgui fails the tests here.

Only attributes the test tools do not need themselves are removed: os.getuid, for one, is
what pytest's tmp_path checks on Linux.
"""

import os

POSIX_ONLY = (
    "fchmod",
    "fchown",
    "lchown",
    "chown",
    "sync",
    "killpg",
    "setsid",
    "getpgid",
    "mkfifo",
    "getloadavg",
    "statvfs",
    "fstatvfs",
)
for _name in POSIX_ONLY:
    if hasattr(os, _name):
        delattr(os, _name)

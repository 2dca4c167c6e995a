"""SMTPGUI_BENCH_FIRST_PAINT: the start-up report the frozen app gives the benchmark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def test_first_paint_is_reported_and_ends_the_process(tmp_path):
    env = {
        **os.environ,
        "SMTPGUI_BENCH_FIRST_PAINT": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "SMTPGUI_CONFIG_DIR": str(tmp_path),
    }
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "smtpgui"], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.splitlines()[0])
    assert started < report["painted"] < time.monotonic()
    assert report["maxrss_kib"] > 10_000  # a Qt window takes tens of MiB

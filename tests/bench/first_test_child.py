"""Child process: open the window, wait for it to paint, press Test once, report the worst stall.

    python -m tests.bench.first_test_child SERVER CA_FILE

The modules the window loads only when Test is first pressed (smtplib, ssl, email, the probe)
are loaded here on the GUI thread, inside the measurement, as they are for an admin. Prints
one JSON line: {"worst": seconds, "elapsed": seconds, "ok": bool, "loaded": modules}.
"""

from __future__ import annotations

import json
import sys
import tempfile

from PySide6.QtWidgets import QApplication

from tests.bench.gui import Heartbeat, fill, open_window, run_test, spin


def main() -> None:
    server, ca_file = sys.argv[1:3]
    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as config:
        window = open_window(config)
        fill(window, server, ca_file)
        spin(0.3)
        before = set(sys.modules)
        beat = Heartbeat()
        beat.start()
        outcome, elapsed = run_test(window)
        worst = beat.stop()
        report = {
            "worst": worst,
            "elapsed": elapsed,
            "ok": outcome.result.ok,
            "loaded": len(set(sys.modules) - before),
        }
        print(json.dumps(report), flush=True)
        window.close()
    app.processEvents()


if __name__ == "__main__":
    main()

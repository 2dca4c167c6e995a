"""Save survives SIGKILL at any moment, and the file is never ahead of the keyring.

A child process saves numbered profiles in a tight loop (tests/helpers/crash_saver.py) and is killed
with SIGKILL 250 times at random moments. After every kill the settings file is complete (the
old one or the new one), and the keyring holds that profile's password or the next one (the
keyring is written first, the file last), never an older one.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time

from smtpgui.core.profile.store import SettingsStore
from tests.helpers import crash_saver

KILLS = 250


def test_every_kill_leaves_the_old_or_the_new_complete_file(tmp_path):
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.helpers.crash_saver"])
    chance = random.Random(5)
    seen: set[int] = set()
    previous = -1
    for _ in range(KILLS):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=crash_saver.save_forever, args=(str(tmp_path), sender))
        child.start()
        sender.close()
        for _ in range(chance.randint(1, 3)):  # some saves have completed ...
            receiver.recv_bytes()
        # ... and the kill lands somewhere inside the next one: a random moment is the point
        # of this test, so this spin is not a wait for anything.
        spin_until = time.perf_counter() + chance.uniform(0, 0.002)
        while time.perf_counter() < spin_until:
            pass
        child.kill()
        child.join(5)
        receiver.close()
        assert child.exitcode == -9
        file, password = crash_saver.state(tmp_path)  # raises if the file is not complete
        assert file > previous, "a save was lost"
        assert password in (file, file + 1), (file, password)
        seen.add(password - file)
        previous = file
    # Both moments happened: killed between the keyring and the file, and after both.
    assert seen == {0, 1}
    kept = ("settings.json", "settings.json.lock")
    leftovers = [p.name for p in (tmp_path / "cfg").iterdir() if p.name not in kept]
    assert all(name.startswith(".settings-") for name in leftovers)
    assert SettingsStore(tmp_path / "cfg").load() is not None


def test_a_save_removes_temp_files_of_killed_saves_but_not_of_running_ones(tmp_path):
    from smtpgui.core.profile.store import STALE_TEMP_SECONDS
    from tests.helpers.profiles import SETTINGS

    store = SettingsStore(tmp_path)
    killed, running = tmp_path / ".settings-killed.tmp", tmp_path / ".settings-running.tmp"
    for temp in (killed, running):
        temp.write_text('{"version": 1, "server": "half')
    past = time.time() - STALE_TEMP_SECONDS - 5
    os.utime(killed, (past, past))
    store.save(SETTINGS)
    assert not killed.exists() and running.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".settings-running.tmp", "settings.json"]
    assert store.load() == SETTINGS

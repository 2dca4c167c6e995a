"""Start the bench's servers in a separate process (tests/bench/serve.py) and talk to them."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.bench.serve import ServerSpec

__all__ = ["ServerSpec", "Servers", "server_process"]

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Servers:
    """What the server process reports: the CA its certificates chain to, and the ports."""

    ca_file: str
    ports: tuple[int, ...]


@contextlib.contextmanager
def server_process(*specs: ServerSpec) -> Iterator[Servers]:
    """The servers of `specs`, in one child process that ends when the block does."""
    command = [sys.executable, "-m", "tests.bench.serve", json.dumps([s.to_json() for s in specs])]
    process = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"the server process ended: {process.wait()}")
        info = json.loads(line)
        yield Servers(ca_file=info["ca_file"], ports=tuple(info["ports"]))
    finally:
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

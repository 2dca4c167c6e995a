"""Every hostile server of issue 5 as data, and one way to run a Save against it and measure.

Used by tests/core/test_hostile_servers.py and by tests/bench/hostile_table.py (which prints
the scenario -> outcome -> time -> memory table); the server slow at every step is checked
the same way on Linux and in the Windows simulation (tests/core/test_windows_cancel.py).
"""

from __future__ import annotations

import importlib
import socket
import ssl
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import trustme

from smtpgui.core.diagnosis.diagnose import diagnose
from smtpgui.core.jobs import Job, JobRunner, Outcome
from smtpgui.core.profile.memory_keyring import MemoryKeyring
from smtpgui.core.profile.secrets import SecretStore
from smtpgui.core.profile.settings import AuthMethod, Settings
from smtpgui.core.profile.store import SettingsStore
from smtpgui.core.smtp.endpoint import parse_server
from smtpgui.core.smtp.phases import Phase, PhaseChange, PhaseState
from smtpgui.core.smtp.probe import STEP_LIMITS_PER_SERVER, Event
from smtpgui.core.smtp.result import Failure
from tests.helpers import hostile, hostile_smtp
from tests.helpers.hostile import Behaviour, HostileServer
from tests.helpers.hostile_smtp import smtp_script
from tests.helpers.probe import run
from tests.helpers.profiles import settings_at as settings_for
from tests.helpers.servers import PASSWORD, USER

OWN = "admin@example.test"
MIB = 1024 * 1024


@dataclass
class Kit:
    """What a behaviour may need: the server's certificate, and a flag to say it now stalls."""

    context: ssl.SSLContext
    stalling: threading.Event = field(default_factory=threading.Event)


@dataclass(frozen=True)
class Scenario:
    """One hostile server and how the probe must end against it.

    `blocks`: the failing step waits on a server that never answers, so only the time limit
    or Cancel ends it (and `stalling` is set once it does).
    """

    name: str
    behaviour: Callable[[Kit], Behaviour]
    prefix: str  # "" (plain), "tls://" (STARTTLS) or "ssl://" (implicit TLS)
    phase: Phase
    failure: Failure
    code: int | None = None
    timeout: float = 1.0
    blocks: bool = False

    def __str__(self) -> str:
        return self.name


def _script(step: str) -> Callable[[Kit], Behaviour]:
    return lambda kit: hostile_smtp.smtp_script({step: hostile_smtp.SHUTDOWN}, context=kit.context)


_STEP_PHASES = {
    "greeting": Phase.GREETING,
    "EHLO": Phase.EHLO,
    "STARTTLS": Phase.STARTTLS,
    "EHLO-TLS": Phase.EHLO_TLS,
    "AUTH": Phase.AUTH,
    "MAIL": Phase.MAIL,
    "RCPT": Phase.RCPT,
    "DATA": Phase.DATA,
    ".": Phase.DATA,
}

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "silent after connect",
        lambda kit: hostile_smtp.silent(kit.stalling),
        "",
        Phase.GREETING,
        Failure.TIMEOUT,
        blocks=True,
    ),
    Scenario(
        "greeting then close",
        lambda kit: hostile.greet_then_hang_up,
        "",
        Phase.EHLO,
        Failure.CLOSED,
    ),
    Scenario(
        "close inside a multi-line greeting",
        lambda kit: hostile_smtp.close_mid_reply("220-smtp.test\r\n220-welcome\r\n", "greeting"),
        "",
        Phase.GREETING,
        Failure.CLOSED,
    ),
    Scenario(
        "close inside a multi-line EHLO reply",
        lambda kit: hostile_smtp.close_mid_reply("250-smtp.test\r\n250-PIPELINING\r\n"),
        "",
        Phase.EHLO,
        Failure.CLOSED,
    ),
    Scenario(
        "close in the middle of a reply line",
        lambda kit: hostile_smtp.close_mid_reply("250-smtp.test\r\n250-PIPEL"),
        "",
        Phase.EHLO,
        Failure.CLOSED,
    ),
    Scenario(
        "garbage bytes", lambda kit: hostile_smtp.garbage, "", Phase.GREETING, Failure.PROTOCOL
    ),
    Scenario(
        "endless line without CRLF",
        lambda kit: hostile_smtp.endless_line(kit.stalling),
        "",
        Phase.GREETING,
        Failure.PROTOCOL,
    ),
    Scenario(
        "8 MiB greeting",
        lambda kit: hostile_smtp.huge_reply(8 * MIB, "greeting"),
        "",
        Phase.GREETING,
        Failure.PROTOCOL,
    ),
    Scenario(
        "8 MiB EHLO reply",
        lambda kit: hostile_smtp.huge_reply(8 * MIB),
        "",
        Phase.EHLO,
        Failure.PROTOCOL,
    ),
    Scenario(
        "one byte per second",
        lambda kit: hostile_smtp.drip(f"{hostile.GREETING}\r\n", 1.0, kit.stalling),
        "",
        Phase.GREETING,
        Failure.TIMEOUT,
        timeout=2.0,
        blocks=True,
    ),
    Scenario(
        "TLS handshake stalls (SSL/TLS)",
        lambda kit: hostile_smtp.silent(kit.stalling),
        "ssl://",
        Phase.TLS,
        Failure.TIMEOUT,
        blocks=True,
    ),
    Scenario(
        "TLS handshake stalls (STARTTLS)",
        lambda kit: hostile_smtp.stall_after_starttls(kit.stalling),
        "tls://",
        Phase.STARTTLS,
        Failure.TIMEOUT,
        blocks=True,
    ),
    Scenario(
        "STARTTLS offered, then refused",
        lambda kit: hostile_smtp.smtp_script(
            {"STARTTLS": "454 4.7.0 TLS not available due to temporary reason"},
            extensions=(*hostile_smtp.EXTENSIONS, "STARTTLS"),
        ),
        "tls://",
        Phase.STARTTLS,
        Failure.REPLY,
        code=454,
    ),
    Scenario(
        "STARTTLS 220, then plain text",
        lambda kit: hostile_smtp.plain_after_starttls,
        "tls://",
        Phase.STARTTLS,
        Failure.TLS,
    ),
    *(
        Scenario(f"421 at {step}", _script(step), "tls://", phase, Failure.REPLY, code=421)
        for step, phase in _STEP_PHASES.items()
    ),
)

_SKIPPED = {
    "": {Phase.TLS, Phase.STARTTLS, Phase.EHLO_TLS},
    "tls://": {Phase.TLS},
    "ssl://": {Phase.STARTTLS, Phase.EHLO_TLS},
}


def phases_until(scenario: Scenario) -> list[Phase]:
    """The phases a probe goes through against `scenario`, the failing one last."""
    order = list(Phase)
    return [
        p for p in order[: order.index(scenario.phase) + 1] if p not in _SKIPPED[scenario.prefix]
    ]


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@dataclass
class Run:
    """One Save against a hostile server, measured."""

    outcome: Outcome
    seconds: float  # from start to the end of the run (or from Cancel to the end)
    peak: int  # tracemalloc peak in bytes while it ran (0 when not measured)
    events: list[Event]
    store: SettingsStore
    keyring: MemoryKeyring

    @property
    def saved_anything(self) -> bool:
        return self.store.path.exists() or bool(self.keyring._store)


def run_save(
    scenario: Scenario,
    ca: trustme.CA,
    ca_file: str,
    directory: Path,
    *,
    cancel_at: Phase | None = None,
    cancel_when_stalled: bool = False,
    measure_memory: bool = False,
) -> Run:
    """Run Save (test, then save on success) against the scenario's server.

    `cancel_at`: Cancel from this thread as the probe enters that phase (the worker waits
    until Cancel was pressed, so it lands in that phase whatever the timing). With
    `cancel_when_stalled`, Cancel comes once the server stalls in the failing phase.
    `seconds` is then the time from Cancel to the end of the run.
    """
    kit = Kit(server_context(ca))
    # No TLS on the listening side: for ssl:// the hostile part is not answering the handshake.
    with HostileServer(scenario.behaviour(kit)) as server:
        settings = Settings(
            endpoints=parse_server(f"{scenario.prefix}127.0.0.1:{server.port}"),
            auth=AuthMethod.AUTO,
            username=USER,
            recipient=OWN,
            ca_file=ca_file,
            timeout=scenario.timeout,
        )
        job = Job(settings, PASSWORD, save=True, subject="hostile", body="Hostile test.")
        store, keyring = SettingsStore(directory), MemoryKeyring()
        reached, pressed = threading.Event(), threading.Event()
        target = cancel_at or (scenario.phase if cancel_when_stalled else None)
        events: list[Event] = []

        def callback(event: Event) -> None:
            events.append(event)
            if (
                isinstance(event, PhaseChange)
                and event.phase is target
                and event.state is PhaseState.RUNNING
            ):
                reached.set()
                if cancel_at is not None:
                    pressed.wait(10)  # hold the worker in this phase until Cancel is pressed

        runner = JobRunner(job, callback, store, SecretStore(keyring))
        outcomes: list[Outcome] = []

        def work() -> None:
            try:
                outcomes.append(runner.run())
            finally:
                reached.set()  # never leave the caller waiting for a phase that did not come

        if measure_memory:
            _load_what_a_run_loads(settings, directory)
            tracemalloc.start()
        thread = threading.Thread(target=work, name="hostile-probe")
        started = time.monotonic()
        thread.start()
        if target is not None:
            reached.wait(scenario.timeout + 10)
            if cancel_when_stalled:
                kit.stalling.wait(scenario.timeout + 10)
            assert not outcomes, f"the run ended before {target} began: {outcomes}"
            started = time.monotonic()
            runner.cancel()
            pressed.set()
        thread.join(scenario.timeout + 10)
        seconds = time.monotonic() - started
        peak = 0
        if measure_memory:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        assert not thread.is_alive(), f"{scenario}: the probe is still running"
    return Run(outcomes[0], seconds, peak, events, store, keyring)


def _load_what_a_run_loads(settings: Settings, directory: Path) -> None:
    """What a first run imports is not what one run holds: the probe's modules (loaded here by
    a run against a closed port) and the domain check's checkdmarc, dnspython and httpx (several
    MiB), which its thread imports beside the probe and may still be importing when the run
    fails and returns."""
    for name in (
        "smtpgui.core.deliverability.beside_test",
        "smtpgui.core.deliverability.domain_check",
        "smtpgui.core.discovery.dns_records",
        "checkdmarc.utils",
        "checkdmarc.spf",
        "checkdmarc.dmarc",
    ):
        importlib.import_module(name)
    with socket.socket() as unused:  # bound, never listening: a connect is refused at once
        unused.bind(("127.0.0.1", 0))
        closed = replace(settings, endpoints=parse_server(f"127.0.0.1:{unused.getsockname()[1]}"))
        job = Job(closed, PASSWORD, save=True, subject="warm", body="Warm-up.", domain_check=False)
        warm = SettingsStore(directory / "warm")
        JobRunner(job, lambda _event: None, warm, SecretStore(MemoryKeyring())).run()


def assert_a_slow_server_ends_within_its_total_budget(ca_file: str) -> None:
    """Each reply comes just inside the step limit; the whole test still ends at 3 limits."""
    with HostileServer(smtp_script(delay=0.7)) as server:
        settings = settings_for(
            f"127.0.0.1:{server.port}",
            ca_file,
            timeout=1.0,
            auth=AuthMethod.PLAIN,
            allow_insecure_auth=True,
        )
        started = time.monotonic()
        result, lines, _ = run(settings)
        took = time.monotonic() - started
    assert result.failure is Failure.TIMEOUT, result
    assert STEP_LIMITS_PER_SERVER * 1.0 <= took < STEP_LIMITS_PER_SERVER * 1.0 + 0.5
    assert "more than 3 seconds in all" in result.detail
    assert "3 s in all" in lines[0].text
    diagnosis = diagnose(result)
    assert diagnosis is not None and "3 seconds in all" in " ".join(
        (diagnosis.explanation, *diagnosis.steps, result.detail)
    )

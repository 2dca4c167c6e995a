"""The diagnosis table's lab: what a cause may use (the test CA, a folder), and @produces, which
registers a real way to make a rule the diagnosis in CASES (tests/core/test_diagnosis.py runs
them all; tests/core/oauth_diagnosis_cases.py adds the OAuth2 ones)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme

from smtpgui.core.smtp.result import ProbeResult


@dataclass
class Lab:
    ca: trustme.CA
    ca_file: str
    tmp_path: Path


Produce = Callable[[Lab], ProbeResult]
CASES: list[object] = []


def produces(rule_id: str, *says: str) -> Callable[[Produce], Produce]:
    """Register a real way to make rule `rule_id` the diagnosis, and words it must show."""

    def register(how: Produce) -> Produce:
        CASES.append(pytest.param(rule_id, says, how, id=f"{rule_id}:{how.__name__}"))
        return how

    return register

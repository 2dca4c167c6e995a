"""No test imports another test module: what tests share lives in tests/helpers/ or a conftest.

A test module that others import becomes a library nobody can edit freely, and pytest may
import it twice under two names. Every Python file under tests/ is read with `ast`; an import
of a `test_*` module or of a conftest (absolute, relative, or by name through importlib) fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def is_test_module(name: str) -> bool:
    """`tests.core.test_probe` or `tests.ui.conftest`: a module pytest runs or loads itself."""
    parts = name.split(".")
    return parts[0] == "tests" and (parts[-1].startswith("test_") or parts[-1] == "conftest")


def package_of(path: Path) -> list[str]:
    """The dotted package a file under the checkout belongs to, as a list of names."""
    return list(path.relative_to(ROOT).parent.parts)


def imported_names(tree: ast.AST, package: list[str]) -> Iterator[tuple[int, str]]:
    """(line, dotted module name) of every module an import statement may load."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *filter(None, [node.module])])
            yield node.lineno, module
            # `from tests.core import test_probe` loads a module by an imported name
            yield from ((node.lineno, f"{module}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and _imports_by_name(node):
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield node.lineno, argument.value


def _imports_by_name(call: ast.Call) -> bool:
    name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
    return name in {"import_module", "__import__"} and bool(call.args)


def offending_imports(source: str, path: Path) -> list[str]:
    """`file:line: module` for each test module or conftest that `source` (at `path`) imports."""
    tree = ast.parse(source, filename=str(path))
    where = path.relative_to(ROOT)
    return [
        f"{where}:{line}: {name}"
        for line, name in imported_names(tree, package_of(path))
        if is_test_module(name)
    ]


def test_no_test_module_imports_another_test_module() -> None:
    found = [
        line
        for path in sorted(TESTS.rglob("*.py"))
        for line in offending_imports(path.read_text(encoding="utf-8"), path)
    ]
    advice = "move what they share to tests/helpers/ or a conftest.py:"
    assert found == [], "\n".join([advice, *found])


def test_the_check_sees_every_way_of_importing_a_test_module() -> None:
    core = TESTS / "core" / "example.py"
    caught = [
        "from tests.core.test_probe import run",
        "import tests.ui.test_window",
        "from tests.core import test_detect",
        "from tests.ui.conftest import wheel",
        "from .test_probe import run",
        "from . import conftest",
        "from ..ui.test_window import fill",
        "def f():\n    from tests.test_cli import cli",
        "importlib.import_module('tests.core.test_settings')",
    ]
    allowed = [
        "from tests.helpers.probe import run",
        "from tests.helpers import hostile, hostile_smtp",
        "import tests.core.oauth_diagnosis_cases",
        "from .oauth_diagnosis_cases import CASES",
        "from smtpgui.core.smtp import test_message",  # not under tests/
    ]
    for source in caught:
        assert offending_imports(source, core), source
    for source in allowed:
        assert offending_imports(source, core) == [], source

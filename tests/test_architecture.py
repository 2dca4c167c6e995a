"""The architecture stays as ARCHITECTURE.md draws it: packages with a face, no import cycles, no
single-use mixins, a core that is not flat, and a map whose every path exists and imports."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smtpgui"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(tree: ast.Module) -> Iterator[str]:
    """Every smtpgui module a module imports, deferred imports too, not TYPE_CHECKING ones."""
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield full if full in MODULES else node.module


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        yield node
        for field in ("body", "orelse", "finalbody"):
            yield from _statements(getattr(node, field, []))
        for handler in getattr(node, "handlers", []):
            yield from _statements(handler.body)


GRAPH = {
    name: {m for m in imports(ast.parse(path.read_text("utf-8"))) if m in MODULES and m != name}
    for name, path in MODULES.items()
}


def test_no_module_imports_another_in_a_circle():
    cycles = [c for c in _strongly_connected(GRAPH) if len(c) > 1]
    assert cycles == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = stack[stack.index(v) :]
            del stack[stack.index(v) :]
            found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert ["a", "b"] in _strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}})


FAMILIES = [name for name, path in MODULES.items() if path.name == "__init__.py" and "." in name]


def test_every_package_says_what_it_is():
    for family in FAMILIES:
        doc = ast.get_docstring(ast.parse(MODULES[family].read_text("utf-8")))
        assert doc and len(doc) > 40, f"{family}/__init__.py has no docstring"


def _face(family: str) -> set[str] | None:
    tree = ast.parse(MODULES[family].read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            return {ast.literal_eval(e) for e in node.value.elts}
    return None


def test_outside_code_imports_a_package_only_through_its_face():
    wrong = []
    for family in FAMILIES:
        face = _face(family)
        if face is None:
            continue
        for importer, imported in _edges():
            inside = importer == family or importer.startswith(family + ".")
            if imported.startswith(family + ".") and not inside:
                member = imported[len(family) + 1 :].split(".")[0]
                if member not in face:
                    wrong.append(f"{importer} imports {imported}, not in {family}.__all__")
    assert wrong == []


def _edges() -> Iterator[tuple[str, str]]:
    for importer, imported in GRAPH.items():
        for target in imported:
            yield importer, target


def test_every_face_member_exists():
    for family in FAMILIES:
        for member in _face(family) or ():
            assert f"{family}.{member}" in MODULES, f"{family}.__all__ names {member}"


def test_the_core_is_packages_not_a_flat_folder():
    flat = {p.stem for p in (PACKAGE / "core").glob("*.py")} - {"__init__"}
    assert flat <= {"jobs", "report", "exit_codes"}, flat


def test_no_class_is_a_mixin_of_a_single_qt_class():
    classes: dict[str, list[str]] = {}
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = [ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases]
    users: dict[str, list[str]] = defaultdict(list)
    for name, bases in classes.items():
        for base in bases:
            users[base].append(name)
    mixins = [
        name
        for name, bases in classes.items()
        if len(users[name]) == 1
        and not any(b.startswith("Q") for b in bases)
        and len(classes[users[name][0]]) > 1
        and any(b.startswith("Q") for b in classes[users[name][0]])
    ]
    assert mixins == []


MAP = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
NAMED = sorted(set(re.findall(r"`(smtpgui/[\w/]+(?:\.py|/))`", MAP)))


def test_every_path_on_the_map_exists():
    assert len(NAMED) > 30
    missing = [p for p in NAMED if not (ROOT / p).exists()]
    assert missing == []


def test_every_module_on_the_map_imports():
    names = [
        module_name(ROOT / p) if p.endswith(".py") else p.strip("/").replace("/", ".")
        for p in NAMED
    ]
    code = "import importlib\n" + "".join(f"importlib.import_module({n!r})\n" for n in names)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def test_the_command_table_has_every_command():
    from smtpgui.cli import COMMANDS

    commands = importlib.import_module("smtpgui.cli.commands")
    assert list(commands.RUN) == list(COMMANDS)

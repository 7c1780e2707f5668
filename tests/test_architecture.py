"""The package layout is the architecture: each stage imports only from itself, earlier stages and the shared vocabulary."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "generator"
# Stage order (ARCHITECTURE.md): a module may import from its own stage and any earlier one.
STAGES = ["shared", "load", "render", "export", "build", "tools", "cli"]
SHARED = {"models", "problems", "urls", "labels", "runner", "__init__"}
# packages of the shared vocabulary (the model is split by concept: generator/models/)
SHARED_PACKAGES = {"models"}


def _module_name(path: Path) -> str:
    """Dotted name; a package's __init__.py is the package itself."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:  # generator itself
        return "shared"
    if parts[1] in SHARED_PACKAGES:
        return "shared"
    if len(parts) == 2 and (ROOT / "generator" / parts[1]).is_dir():  # a stage's package
        return parts[1]
    if len(parts) == 2:  # generator.<module>
        return "shared" if parts[1] in SHARED else "cli"
    return parts[1]


def _imports(path: Path) -> set[str]:
    """The generator modules one file imports (relative imports resolved)."""
    module = _module_name(path)
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "generator"}


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def test_no_module_imports_from_a_later_stage():
    wrong = []
    for module, imported in _graph().items():
        for target in imported:
            if STAGES.index(_stage(target)) > STAGES.index(_stage(module)):
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_the_shared_vocabulary_imports_nothing_but_itself():
    for module, imported in _graph().items():
        if _stage(module) == "shared":
            assert {_stage(t) for t in imported} <= {"shared"}, (module, imported)


def test_no_import_cycles():
    graph = _graph()
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        for target in graph.get(module, ()):
            visit(target, [*path, module])
        done.add(module)

    for module in graph:
        visit(module, [])


def test_the_checks_see_the_stages():
    """The graph is not empty and reaches into every stage (a broken walk would pass the tests above vacuously)."""
    graph = _graph()
    assert {_stage(m) for m in graph} == set(STAGES)
    assert "generator.build.jobs" in graph["generator.cli"]
    assert "generator.render.pages" in graph["generator.build.jobs"]

"""The architecture as tests: imports point downwards, Qt lives only in console/ui, the stub
platform shares nothing with the app but the wire contract."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSOLE = ROOT / "console"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text("utf-8"))
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def _files(under: Path) -> list[Path]:
    return sorted(p for p in under.rglob("*.py") if "__pycache__" not in p.parts)


def _offenders(files: list[Path], allowed: tuple[str, ...], forbidden_prefix: str = "console") -> list[str]:
    bad = []
    for path in files:
        for name in _imports(path):
            if name.startswith(forbidden_prefix) and not name.startswith(allowed):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_qt_is_imported_only_in_console_ui() -> None:
    bad = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in _files(CONSOLE)
        if "ui" not in p.relative_to(CONSOLE).parts[:1]
        for name in _imports(p)
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt6", "PyQt5")
    ]
    assert not bad, bad


def test_core_imports_nothing_of_ours_but_core() -> None:
    assert not _offenders(_files(CONSOLE / "core"), ("console.core",))


def test_lower_layers_never_import_the_ui_or_the_cli() -> None:
    layers = ("core", "storage", "sync", "platform")
    lower = [p for p in _files(CONSOLE) if p.relative_to(CONSOLE).parts[0] in layers]
    lower.append(CONSOLE / "service.py")
    bad = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in lower
        for name in _imports(p)
        if name.startswith(("console.ui", "console.cli"))
    ]
    assert not bad, bad


ENTRY_POINTS = ("console.platform.stub.embedded", "console.platform.stub.__main__")


def test_the_stub_platform_shares_nothing_with_the_app() -> None:
    stub = _files(CONSOLE / "platform" / "stub")
    assert stub
    assert not _offenders(stub, ("console.platform.stub",))
    app_side = [p for p in _files(CONSOLE) if "stub" not in p.relative_to(CONSOLE).parts]
    users = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in app_side
        for name in _imports(p)
        if name.startswith("console.platform.stub") and name not in ENTRY_POINTS
    ]
    # the app only starts the stub: as a child process (embedded.py) or as the `stub-server`
    # command (its __main__); it never calls into the stub's state or rules
    assert not users, users


def test_importing_every_non_ui_module_loads_no_qt() -> None:
    modules = [
        _module(p)
        for p in _files(CONSOLE)
        if p.relative_to(CONSOLE).parts[0] != "ui" and p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_no_import_cycles_between_modules() -> None:
    """No module reaches itself through its imports, function-local ones included (grimp sees
    those too): a cycle kept from breaking only by a late import is still a knot to untie."""
    import grimp

    graph = grimp.build_graph("console")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            # a package importing its own submodule (or the reverse) is how packages work
            if imported.startswith(module + ".") or module.startswith(imported + "."):
                continue
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                cycles.append(" -> ".join((module, *chain)))
    assert not cycles, "\n".join(cycles)

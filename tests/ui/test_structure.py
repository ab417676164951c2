"""The window's parts point one way: views use models and widgets, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "console" / "ui"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_models_and_widgets_never_import_a_view() -> None:
    parts = [p for folder in ("models", "widgets") for p in (UI / folder).glob("*.py")]
    assert len(parts) >= 10
    bad = [(p.name, m) for p in parts for m in _imports(p) if m.startswith("console.ui.views")]
    assert not bad, bad


def test_views_do_not_reach_into_storage() -> None:
    """Use cases are service methods run on the db lane, not repository calls in a view."""
    bad = [
        (p.name, m)
        for p in (UI / "views").glob("*.py")
        for m in _imports(p)
        if m.startswith("console.storage")
    ]
    text = [p.name for p in (UI / "views").glob("*.py") if ".repo." in p.read_text(encoding="utf-8")]
    assert not bad and not text, (bad, text)

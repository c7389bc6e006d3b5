"""Import rules from DESIGN.md: heavy libraries stay behind one module boundary each."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
ALLOWED = {
    "spacy": {"nlp.py", "extract"},
    "pyvis": {"render.py"},
    "typer": {"cli.py"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("library", sorted(ALLOWED))
def test_library_is_imported_only_where_allowed(library):
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        place = relative.parts[0]
        if library in _imports(path) and place not in ALLOWED[library]:
            offenders.append(str(relative))
    assert offenders == []

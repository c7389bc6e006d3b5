"""The house reads top-down as the flow: a layer imports only the layers before it, heavy libraries
stay behind one boundary each, and what reads a built graph never loads spaCy or the extractors."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
# The flow, first to last; a module may import its own layer and the layers before it, never after.
LAYERS = (
    {"errors", "files", "processes", "http", "model", "lexicon"},
    {"corpus"},
    {"extract"},
    {"resolve"},
    {"confidence", "graph"},
    {"page", "read"},
    {"cache", "build"},
    {"remote"},
    {"cli", "__main__"},
)
ALLOWED = {
    "spacy": {"extract"},
    "pyvis": {"page"},
    "typer": {"cli"},
}
MAX_LINES = 420


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _place(path: Path) -> str:
    """'graph' for kg/graph/rdf.py, 'cli' for kg/cli.py."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _layer(place: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if place in layer)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_every_module_has_a_layer():
    assert {_place(path) for path in _modules()} - {"__init__"} <= set().union(*LAYERS)


def test_no_module_imports_a_later_layer():
    arrows_up = []
    for path in _modules():
        if _place(path) == "__init__":
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "kg" and len(parts) > 1 and _layer(parts[1]) > _layer(_place(path)):
                arrows_up.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert arrows_up == []


@pytest.mark.parametrize("library", sorted(ALLOWED))
def test_library_is_imported_only_where_allowed(library):
    offenders = [str(path.relative_to(PACKAGE)) for path in _modules()
                 if library in {name.split(".")[0] for name in _imports(path)} and _place(path) not in ALLOWED[library]]
    assert offenders == []


# Every module of the layers that read names or a built graph, and the command line's start.
READING_MODULES = ("kg.lexicon.geo, kg.lexicon.names, kg.lexicon.dates, kg.lexicon.non_prose, kg.resolve, "
                   "kg.graph.rdf, kg.graph.store, kg.graph.ntriples, kg.graph.infer, "
                   "kg.page.view, kg.page.excerpt, kg.page.render, "
                   "kg.read.query, kg.read.endpoint, kg.read.serve, kg.read.profile, kg.read.analyze, kg.read.export, "
                   "kg.read.validate, kg.build, kg.remote.load")


def test_reading_layers_never_load_spacy_or_the_extractors():
    """Checked in a fresh interpreter, so every import on the way counts, not only direct ones."""
    code = (f"import sys, {READING_MODULES}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc') or m.startswith('kg.extract.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_no_module_is_too_long_to_read():
    long = [f"{path.relative_to(PACKAGE)}: {n}" for path in _modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []

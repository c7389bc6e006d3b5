"""The graph: vocabulary, the records as RDF, inference, N-Triples and Turtle, the query store.

What the command line and the build's up-to-date check read lives here, so that they load no rdflib."""

from __future__ import annotations

import re
from importlib import resources

from kg.errors import UsageError

# IRIs of a build's resources start with this unless `kg build --base` says otherwise. Here, not in
# vocab.py, so that the command line reads it without loading rdflib.
DEFAULT_BASE = "https://kg.example.org/id/"
# The query store's folder under a build folder.
STORE_DIR = "store"
# Characters no IRI may hold (RFC 3987), so no minted IRI can break out of its <...>.
BASE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|^`\\]*[/#]$")


def ontology_text() -> str:
    return resources.files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8")


def check_base(base: str) -> None:
    if not BASE_IRI.fullmatch(base):  # not match: its "$" also matches before a final newline
        raise UsageError(f"--base must be an absolute IRI ending in '/' or '#', got {base!r}")

"""An entity found by name in the build's store: the one rule of every command that takes a NAME
(`kg entity NAME`, `kg viz --focus NAME`).

A name picks the entities it names in the first of these ways that picks any: as written (the
entity's IRI or its label), its label in any case, another of its names (skos:altLabel) in any case,
a part of its label in any case. So an entity's own label always finds it before another's alias
or a longer label does. One entity picked is the answer; none, or several, is a usage error, and
several are listed, the most mentioned first, with their IRIs where labels alone do not tell them
apart, so that the full name or the IRI picks one.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph

from kg.errors import UsageError
from kg.read.query import run_query

# The ways, in order: conditions on ?e (the entity) and ?label (its label); ?wanted is the name.
MATCHES = (
    "FILTER(STR(?e) = ?wanted || STR(?label) = ?wanted)",
    "FILTER(LCASE(STR(?label)) = LCASE(?wanted))",
    "?e skos:altLabel ?name FILTER(LCASE(STR(?name)) = LCASE(?wanted))",
    "FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?wanted)))",
)
MAX_LISTED = 10


def find_entity(store: pyoxigraph.Store, name: str) -> str:
    """The IRI of the one entity `name` picks (the module's docstring says how)."""
    wanted = name.strip()
    found = _first_picked(store, wanted) if wanted else []
    if not found:
        raise UsageError(f"no entity named {name!r} in the graph; try `kg query people` or `kg query organizations`")
    if len(found) > 1:
        raise UsageError(f"{name!r} matches several entities ({len(found)}): {_listed(found)}; "
                         f"give the full name or the IRI")
    return found[0][0]


def _first_picked(store: pyoxigraph.Store, wanted: str) -> list[tuple[str, str]]:
    for match in MATCHES:
        if picked := _picked(store, match, wanted):
            return picked
    return []


def _picked(store: pyoxigraph.Store, match: str, wanted: str) -> list[tuple[str, str]]:
    """(IRI, label) of the entities `match` picks, the most mentioned first."""
    rows = run_query(store, f"""
        SELECT DISTINCT ?e ?label ?count WHERE {{
          ?e a kg:Entity ; rdfs:label ?label .
          OPTIONAL {{ ?e kg:mentionCount ?count }}
          {match}
        }} ORDER BY DESC(?count) ?label ?e""", {"wanted": wanted}).rows
    return [(iri.value, label.value) for iri, label, _ in rows]


def _listed(found: list[tuple[str, str]]) -> str:
    """The first candidates by label, with the IRI where the label alone does not tell them apart."""
    shown = found[:MAX_LISTED]
    labels = Counter(label for _, label in found)
    text = ", ".join(label if labels[label] == 1 else f"{label} <{iri}>" for iri, label in shown)
    return text + (f" and {len(found) - len(shown)} more" if len(found) > len(shown) else "")

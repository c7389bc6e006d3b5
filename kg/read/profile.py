"""`kg entity NAME`: everything the graph says about one entity, with where it comes from.

Read from the build's store with SPARQL, so the profile shows exactly what the graph holds: class,
names, why names were merged, relations, claims and roles, each with its articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from kg.graph.store import open_store
from kg.read.lookup import find_entity
from kg.read.query import run_query


@dataclass(frozen=True)
class Profile:
    iri: str
    label: str
    classes: tuple[str, ...]
    aliases: tuple[str, ...]
    articles: tuple[str, ...]  # headlines
    merges: tuple[tuple[str, str, str, str], ...]  # rule, name, merged with, reason
    relations: tuple[tuple[str, str, str, str], ...]  # subject, relation, object, articles
    claims: tuple[tuple[str, str, str], ...]  # cue, content, article
    roles: tuple[tuple[str, str, str, str], ...]  # person, relation, organisation, position


def profile_of_build(out_dir: Path, name: str) -> Profile:
    """`kg entity NAME`: the profile of the entity `name` picks in the build in `out_dir`."""
    return entity_profile(open_store(out_dir), name)


def entity_profile(store: pyoxigraph.Store, name: str) -> Profile:
    """The profile of the entity `name` picks (kg/read/lookup.py)."""
    iri = find_entity(store, name)
    node = f"<{iri}>"
    return Profile(
        iri=iri,
        label=_label(store, iri),
        classes=tuple(_column(store, f"""SELECT ?c WHERE {{ {node} a ?cls . ?cls rdfs:label ?c .
            FILTER(STRSTARTS(STR(?cls), STR(kg:)))
            FILTER NOT EXISTS {{ {node} a ?narrower . ?narrower rdfs:subClassOf ?cls . FILTER(?narrower != ?cls) }}
            }} ORDER BY ?c""")),
        aliases=tuple(_column(store, f"SELECT ?a WHERE {{ {node} skos:altLabel ?a }} ORDER BY ?a")),
        articles=tuple(_column(store, f"""SELECT DISTINCT ?h WHERE {{ {node} kg:mentionedIn ?art .
            ?art schema:headline ?h }} ORDER BY ?h""")),
        merges=_rows(store, f"""SELECT ?rule ?name ?other ?reason WHERE {{ {node} kg:merge ?m .
            ?m kg:mergeRule ?rule ; kg:mergedName ?name ; kg:mergedWith ?other ; kg:reason ?reason }}
            ORDER BY ?rule ?name ?other"""),
        relations=_rows(store, f"""SELECT ?s ?p ?o (GROUP_CONCAT(DISTINCT ?h; separator="; ") AS ?articles)
            WHERE {{ ?r a kg:Assertion ; rdf:subject ?sn ; rdf:predicate ?pn ; rdf:object ?on ; prov:wasDerivedFrom ?art .
            FILTER(?sn = {node} || ?on = {node})
            FILTER(?pn NOT IN (kg:claims, kg:reports))
            ?sn rdfs:label ?s . ?on rdfs:label ?o . ?art schema:headline ?h .
            OPTIONAL {{ ?pn rdfs:label ?pl }} BIND(COALESCE(?pl, STR(?pn)) AS ?p) }}
            GROUP BY ?s ?p ?o ORDER BY ?p ?s ?o"""),
        claims=_rows(store, f"""SELECT ?cue ?content ?h WHERE {{ ?c a kg:Claim ; kg:speaker {node} ;
            kg:cue ?cue ; kg:content ?content ; prov:wasDerivedFrom ?art . ?art schema:headline ?h }}
            ORDER BY ?h ?content"""),
        roles=_rows(store, f"""SELECT DISTINCT ?person ?rel ?org ?position WHERE {{
            ?r a kg:Assertion ; kg:role ?position ; rdf:subject ?p ; rdf:predicate ?pred ; rdf:object ?o .
            FILTER(?p = {node} || ?o = {node})
            ?p rdfs:label ?person . ?o rdfs:label ?org . ?pred rdfs:label ?rel }} ORDER BY ?person ?org"""),
    )


def _label(store: pyoxigraph.Store, iri: str) -> str:
    labels = _column(store, f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }}")
    return labels[0] if labels else iri


def _rows(store: pyoxigraph.Store, sparql: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.value if t is not None else "" for t in row) for row in run_query(store, sparql).rows)


def _column(store: pyoxigraph.Store, sparql: str) -> list[str]:
    return [row[0] for row in _rows(store, sparql)]

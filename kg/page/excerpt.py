"""The part of a build the page draws, read from the store: its most connected nodes, and only what
describing them needs, as a small rdflib graph for kg/page/view.py.

A large build's graph does not fit in memory as an rdflib graph (it takes ~1 KB a triple), and the
page shows at most a thousand nodes anyway. So the nodes are ranked here from the store's indexes,
with the ranking `view.limit_nodes` uses, and only the kept nodes' triples are copied out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph.store import DATA
from kg.graph.vocab import KG, KG_IRI, SCHEMA
from kg.page.view import CLASS_COLOURS, ROLE_PROPERTIES, View, most_connected, view_of

LINK_PROPERTIES = (KG.claims, KG.reports, KG.about)  # besides the relations
LABELLED_OBJECTS = frozenset({*ROLE_PROPERTIES, KG.speaker})  # their objects are named on the page
RECORD_PROPERTIES = (RDF.type, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, KG.evidence)


def page_view(store: pyoxigraph.Store, max_nodes: int) -> View:
    """The view of the `max_nodes` most connected nodes of the store's data (all of them for 0)."""
    kinds = _typed_nodes(store)
    relations = _relation_properties(store)
    neighbours: dict[str, set[str]] = defaultdict(set)
    edges = 0
    for prop in [*relations, *(_node(p) for p in LINK_PROPERTIES)]:
        for quad in store.quads_for_pattern(None, prop, None, DATA):
            subject, obj = quad.subject.value, quad.object.value
            if subject in kinds and isinstance(quad.object, pyoxigraph.NamedNode) and obj in kinds:
                edges += 1
                if subject != obj:
                    neighbours[subject].add(obj)
                    neighbours[obj].add(subject)
    kept = set(most_connected({node: len(neighbours[node]) for node in kinds}, max_nodes))
    view = view_of(_describe(store, kept, relations))
    if len(kept) == len(kinds):
        return view
    note = (f"{len(kinds) - len(kept)} less connected node(s) and {edges - len(view.edges)} edge(s), "
            f"to keep the page to {max_nodes} nodes")
    return View(nodes=view.nodes, edges=view.edges, articles=view.articles, left_out=note)


def _typed_nodes(store: pyoxigraph.Store) -> dict[str, str]:
    """IRI -> class, for every node the page draws: entities, concepts, claims and figures."""
    found = {}
    for cls in CLASS_COLOURS:
        for quad in store.quads_for_pattern(None, _node(RDF.type), pyoxigraph.NamedNode(KG_IRI + cls), DATA):
            if isinstance(quad.subject, pyoxigraph.NamedNode):
                found.setdefault(quad.subject.value, cls)
    return found


def _relation_properties(store: pyoxigraph.Store) -> list[pyoxigraph.NamedNode]:
    """The ontology's relations and the graph's open ones (the store holds the closed hierarchy)."""
    below = store.quads_for_pattern(None, _node(RDFS.subPropertyOf), _node(KG.relation), pyoxigraph.DefaultGraph())
    return sorted({quad.subject for quad in below if quad.subject != _node(KG.relation)}, key=str)


def _describe(store: pyoxigraph.Store, kept: set[str], relations: list[pyoxigraph.NamedNode]) -> Graph:
    graph = Graph()
    add = graph.add
    labelled = set()
    for node in map(pyoxigraph.NamedNode, sorted(kept)):
        for triple in _triples(store, node, None, None):
            add(triple)
            if triple[1] in LABELLED_OBJECTS:
                labelled.add(triple[2])
        for prop in ROLE_PROPERTIES:  # 'X works for it'
            for triple in _triples(store, None, _node(prop), node):
                add(triple)
                labelled.add(triple[0])
        for quad in store.quads_for_pattern(None, _node(RDF.subject), node, DATA):  # evidence of its edges
            obj = next(store.quads_for_pattern(quad.subject, _node(RDF.object), None, DATA)).object
            if obj.value in kept:
                for prop in RECORD_PROPERTIES:
                    for triple in _triples(store, quad.subject, _node(prop), None):
                        add(triple)
    for prop in (SCHEMA.headline, SCHEMA.publisher):  # every article, for the page's article menu
        for triple in _triples(store, None, _node(prop), None):
            add(triple)
            if prop == SCHEMA.publisher:
                labelled.add(triple[2])
    for node in labelled:
        for triple in _triples(store, _node(node), _node(RDFS.label), None):
            add(triple)
    for prop in relations:  # the open relations' declarations (the ontology declares the others)
        for triple in _triples(store, prop, None, None):
            add(triple)
    return graph


def _triples(store: pyoxigraph.Store, subject, predicate, obj) -> Iterator[tuple]:
    for quad in store.quads_for_pattern(subject, predicate, obj, DATA):
        yield _term(quad.subject), _term(quad.predicate), _term(quad.object)


def _term(term) -> URIRef | Literal:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def _node(term: URIRef) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(str(term))

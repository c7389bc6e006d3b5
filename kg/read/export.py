"""The built graph in other formats: RDF for triple stores, GraphML/GEXF for Gephi and friends.

RDF exports hold the extracted data only (the store's default graph): the ontology and the inferred
triples are the store's own and are one `kg build` away for anyone who loads these files.
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph
from rdflib import RDF
from rdflib.namespace import PROV

from kg.errors import UsageError
from kg.files import write_output
from kg.graph.store import DATA, open_store
from kg.graph.vocab import KG, PREFIXES, SCHEMA
from kg.read.analyze import entity_network

RDF_FORMATS = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG,
}
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS)
EXPORT_DIR = "export"
TYPE = pyoxigraph.NamedNode(str(RDF.type))
DERIVED_FROM = pyoxigraph.NamedNode(str(PROV.wasDerivedFrom))
REIFICATION = tuple(pyoxigraph.NamedNode(str(term)) for term in (RDF.subject, RDF.predicate, RDF.object))
# Nodes that belong to the one article they were read from.
PER_ARTICLE_CLASSES = frozenset(pyoxigraph.NamedNode(str(term)) for term in (KG.Assertion, KG.Claim, KG.Measurement))
NEWS_ARTICLE = pyoxigraph.NamedNode(str(SCHEMA.NewsArticle))


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export(out_dir: Path, fmt: str, target: Path | None = None) -> Path:
    """Write the build in `fmt` to `target` (default: OUT/export/kg.FORMAT, beside, never over, the
    build's own outputs), as kg.files.write_output writes a file a user names: atomically, unless
    it is a device, a FIFO or /dev/stdout."""
    check_format(fmt)
    store = open_store(out_dir)
    default = target is None
    if target is None:
        target = out_dir / EXPORT_DIR / f"kg.{fmt}"
    if fmt in NETWORK_FORMATS:
        data = _network_bytes(entity_network(store), fmt)
    elif fmt == "trig":
        data = pyoxigraph.serialize(article_quads(store), format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    else:
        data = store.dump(format=RDF_FORMATS[fmt], from_graph=DATA,
                          **({"prefixes": PREFIXES} if fmt != "nt" else {}))
    write_output(target, data, make_folder=default)
    return target


def article_quads(store: pyoxigraph.Store) -> list[pyoxigraph.Quad]:
    """The data as one named graph per article (named by the article's IRI) plus the default graph
    for what the whole corpus says (entities, names, merges). An article's graph holds the article,
    its claims, figures and provenance records, and each plain triple its records assert; a triple
    several articles assert is in each of their graphs."""
    triples = list(store.quads_for_pattern(None, None, None, DATA))
    owner = _owning_articles(triples)
    asserted_by: dict[tuple, set] = defaultdict(set)
    statement: dict[object, dict] = defaultdict(dict)
    for quad in triples:
        if quad.predicate in REIFICATION and quad.subject in owner:
            statement[quad.subject][quad.predicate] = quad.object
    for record, parts in statement.items():
        if len(parts) == 3:
            asserted_by[tuple(parts[p] for p in REIFICATION)].add(owner[record])
    quads = []
    for quad in triples:
        if quad.subject in owner:
            graphs = {owner[quad.subject]}
        else:
            graphs = asserted_by.get((quad.subject, quad.predicate, quad.object)) or {pyoxigraph.DefaultGraph()}
        quads.extend(pyoxigraph.Quad(quad.subject, quad.predicate, quad.object, graph) for graph in sorted(graphs, key=str))
    return quads


def _owning_articles(triples: list[pyoxigraph.Quad]) -> dict:
    """Article nodes own themselves; a claim, figure or record is owned by its one article."""
    per_article = {q.subject for q in triples if q.predicate == TYPE and q.object in PER_ARTICLE_CLASSES}
    owner = {q.subject: q.subject for q in triples if q.predicate == TYPE and q.object == NEWS_ARTICLE}
    sources: dict = defaultdict(set)
    for quad in triples:
        if quad.predicate == DERIVED_FROM and quad.subject in per_article:
            sources[quad.subject].add(quad.object)
    owner.update({node: next(iter(found)) for node, found in sources.items() if len(found) == 1})
    return owner


def _network_bytes(network: nx.MultiDiGraph, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(network, buffer)
    else:
        nx.write_gexf(network, buffer)
    return buffer.getvalue()

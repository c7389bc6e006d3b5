from __future__ import annotations

import networkx as nx
import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.graph.store import open_store
from kg.graph.vocab import KG, SCHEMA
from kg.read.analyze import entity_network
from kg.read.export import export


def same_triples(a: Graph, b: Graph) -> bool:
    """Equal as data: the store writes a decimal canonically ('70' for '70.0'), so literals compare by
    value. kg graphs have no blank nodes, so no isomorphism is needed."""
    def values(graph):
        return {(s, p, (o.toPython(), o.datatype) if isinstance(o, Literal) else o) for s, p, o in graph}
    return len(a) == len(b) and values(a) == values(b)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_exports_reimport_as_the_built_graph(corpus_build, tmp_path, fmt, rdflib_format):
    out, _ = corpus_build
    path = export(out, fmt, tmp_path / f"kg.{fmt}")
    assert same_triples(Graph().parse(path, format=rdflib_format), Graph().parse(out / "kg.ttl"))


def test_trig_has_one_named_graph_per_article_and_loses_nothing(corpus_build, tmp_path):
    out, _ = corpus_build
    built = Graph().parse(out / "kg.ttl")
    dataset = Dataset()
    dataset.parse(export(out, "trig", tmp_path / "kg.trig"), format="trig")
    articles = set(built.subjects(RDF.type, SCHEMA.NewsArticle))
    named = {g.identifier for g in dataset.graphs() if g.identifier != URIRef("urn:x-rdflib:default")}
    assert named == articles
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    assert same_triples(union, built)
    for article in articles:  # each article's claims live in its own graph
        claims = {c for c in built.subjects(RDF.type, KG.Claim) if (c, None, article) in built}
        assert claims == set(dataset.graph(article).subjects(RDF.type, KG.Claim))


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_reimport_in_networkx(corpus_build, tmp_path, fmt, read):
    out, _ = corpus_build
    network = entity_network(open_store(out))
    again = read(export(out, fmt, tmp_path / f"kg.{fmt}"))
    assert (again.number_of_nodes(), again.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    assert network.number_of_edges() > 0
    labels = {data["label"] for _, data in again.nodes(data=True)}
    assert labels == {data["label"] for _, data in network.nodes(data=True)}


def test_export_defaults_beside_the_build_and_rejects_unknown_formats(corpus_build, tmp_path):
    out, _ = corpus_build
    before = (out / "kg.ttl").read_bytes()
    result = CliRunner().invoke(app, ["export", "--format", "nt", "--out", str(out)])
    assert result.exit_code == 0 and (out / "export" / "kg.nt").exists()
    assert (out / "kg.ttl").read_bytes() == before  # the build's own Turtle is never overwritten
    with pytest.raises(UsageError, match="unknown export format 'xml'"):
        export(out, "xml")

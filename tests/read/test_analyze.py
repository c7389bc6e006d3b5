from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, RDFS, Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.store import open_store
from kg.graph.vocab import KG, relation_properties
from kg.read.analyze import entity_network, graph_stats


def _neighbours_from_turtle(out) -> dict[str, set]:
    """Each entity's distinct neighbours over extracted relations, read from kg.ttl with rdflib."""
    graph = Graph().parse(out / "kg.ttl")
    relations = set(relation_properties(graph))
    neighbours = defaultdict(set)
    for record in graph.subjects(RDF.type, KG.Assertion):
        s, p, o = (graph.value(record, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if p in relations and not graph.value(record, KG.negated).toPython() and (o, RDFS.label, None) in graph:
            neighbours[str(graph.value(s, RDFS.label))].add(o)
            neighbours[str(graph.value(o, RDFS.label))].add(s)
    return neighbours


def test_degree_ranking_matches_the_graph(corpus_build):
    out, _ = corpus_build
    stats = graph_stats(open_store(out), top=5)
    neighbours = _neighbours_from_turtle(out)
    assert [(name, degree) for name, degree in stats.by_degree] == [(n, len(neighbours[n])) for n, _ in stats.by_degree]
    assert stats.by_degree[0][1] == max(len(neighbours[n]) for n, _ in stats.by_degree)
    assert [score for _, score in stats.by_pagerank] == sorted((s for _, s in stats.by_pagerank), reverse=True)


def test_class_counts_and_communities(corpus_build):
    out, _ = corpus_build
    store = open_store(out)
    stats = graph_stats(store)
    graph = Graph().parse(out / "kg.ttl")
    counts = dict(stats.classes)
    assert counts["kg:Claim"] == len(set(graph.subjects(RDF.type, KG.Claim)))
    assert counts["kg:Person"] == len(set(graph.subjects(RDF.type, KG.Person)))
    members = [name for community in stats.communities for name in community]
    assert len(members) == len(set(members)) > 0  # disjoint
    assert graph_stats(store).communities == stats.communities  # deterministic
    network = entity_network(store)
    assert all(network.has_node(n) for n in network)  # nodes are IRIs with labels
    assert all("label" in data and "cls" in data for _, data in network.nodes(data=True))


def test_stats_command_prints_sections(corpus_build):
    out, _ = corpus_build
    result = CliRunner().invoke(app, ["stats", "--out", str(out), "--top", "3"])
    assert result.exit_code == 0
    assert "By class" in result.output and "PageRank" in result.output and "Communities" in result.output

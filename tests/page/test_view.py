"""What the page draws, checked against the build's Turtle (no browser needed)."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import RDF, RDFS, SKOS, Graph
from rdflib.namespace import PROV

from kg.errors import UsageError
from kg.graph.vocab import KG, KG_IRI, SCHEMA, relation_properties
from kg.page.view import focus_on, limit_nodes, most_connected, view_of


@pytest.fixture(scope="module")
def graph(corpus_build):
    out, _ = corpus_build
    return Graph().parse(out / "kg.ttl")


@pytest.fixture(scope="module")
def view(graph):
    return view_of(graph)


# Provenance and merge records are not drawn, nor what the graph does not assert (candidates).
# A described source ('officials') is drawn as the words on its claims, not as a node of its own.
HIDDEN_CLASSES = (KG.Assertion, KG.Merge, KG.Candidate, KG.CandidateClaim, KG.CandidateMeasurement,
                  KG.DescribedSource)


def expected_counts(graph: Graph) -> tuple[int, int]:
    """Nodes: every entity, concept, claim and figure (provenance and merge records are not drawn);
    edges: relations (verbs and roles), speaker -> claim, source -> figure and figure -> what it is about."""
    nodes = {s for s, cls in graph.subject_objects(RDF.type)
             if str(cls).startswith(KG_IRI) and cls not in HIDDEN_CLASSES}
    linking = set(relation_properties(graph)) | {KG.claims, KG.reports, KG.about}
    return len(nodes), sum(1 for s, p, o in graph if p in linking and s in nodes)


def _degrees(view) -> dict[str, int]:
    network = nx.Graph()
    network.add_nodes_from(n["id"] for n in view.nodes)
    network.add_edges_from((e["from"], e["to"]) for e in view.edges)
    return dict(network.degree)


def test_every_entity_claim_figure_and_link_is_drawn(graph, view):
    assert (len(view.nodes), len(view.edges)) == expected_counts(graph)
    assert len({e["id"] for e in view.edges}) == len(view.edges)


def test_a_fact_several_articles_assert_is_drawn_stronger(graph, view):
    relations = [e for e in view.edges if e["kind"] == "relation"]
    corroborated = [e for e in relations if len(e["articles"]) >= 2]
    single = [e for e in relations if len(e["articles"]) == 1]
    assert corroborated and single
    assert min(e["width"] for e in corroborated) > max(e["width"] for e in single)
    assert {e["color"] for e in corroborated}.isdisjoint({e["color"] for e in single})


def test_an_edge_shows_the_sentences_and_articles_behind_it(graph, view):
    edge = max((e for e in view.edges if e["kind"] == "relation"), key=lambda e: len(e["articles"]))
    records = [r for r in graph.subjects(RDF.type, KG.Assertion)
               if str(graph.value(r, RDF.subject)) == edge["from"] and str(graph.value(r, RDF.object)) == edge["to"]]
    evidence = "\n".join(text for term, text in edge["info"] if term == "Evidence")
    for record in records:
        assert str(graph.value(record, KG.evidence)) in evidence
        assert str(graph.value(graph.value(record, PROV.wasDerivedFrom), SCHEMA.headline)) in evidence
    assert f"in {len(edge['articles'])} article(s)" in edge["title"]


def test_an_entity_shows_its_other_names_roles_and_article_count(graph, view):
    nodes = {n["id"]: n for n in view.nodes}
    spokesperson, organisation = next(iter(graph.subject_objects(KG.spokespersonFor)))
    person = nodes[str(spokesperson)]
    info = dict(person["info"])
    assert f"spokesperson for {graph.value(organisation, RDFS.label)}" in info["Roles"]
    articles = len(set(graph.objects(spokesperson, KG.mentionedIn)))
    assert f"in {articles} article(s)" in info["Mentioned"]
    named = max((n for n in view.nodes if n["kind"] not in ("Claim", "Measurement")),
                key=lambda n: len(n["names"]))
    for alias in graph.objects(next(s for s in graph.subjects(RDFS.label) if str(s) == named["id"]), SKOS.altLabel):
        assert str(alias) in dict(named["info"])["Also named"]


def test_a_claim_shows_speaker_cue_full_content_and_article(graph, view):
    nodes = {n["id"]: n for n in view.nodes}
    for claim in graph.subjects(RDF.type, KG.Claim):
        info = dict(nodes[str(claim)]["info"])
        assert info["Claim"] == str(graph.value(claim, KG.content))
        assert str(graph.value(claim, KG.cue)) in info["Cue"]
        assert str(graph.value(graph.value(claim, PROV.wasDerivedFrom), SCHEMA.headline)) in info["Article"]
        speaker = graph.value(claim, KG.speaker)
        if speaker is not None:
            assert info["Speaker"] == str(graph.value(speaker, RDFS.label))


def test_focus_keeps_the_neighbourhood_within_the_depth(view):
    hub = max(_degrees(view).items(), key=lambda pair: pair[1])[0]
    label = next(n["label"] for n in view.nodes if n["id"] == hub)
    near = focus_on(view, hub, depth=1)
    neighbours = {e["to"] for e in view.edges if e["from"] == hub} | {e["from"] for e in view.edges if e["to"] == hub}
    assert {n["id"] for n in near.nodes} == neighbours | {hub}
    assert near.focus == hub
    assert near.left_out == f"{len(view.nodes) - len(near.nodes)} node(s) more than 1 link(s) from {label}"
    wider = focus_on(view, hub, depth=2)
    assert len(wider.nodes) > len(near.nodes)


def test_max_nodes_keeps_the_most_connected_and_says_what_it_left_out(view):
    degree = _degrees(view)
    kept = limit_nodes(view, 20)
    assert len(kept.nodes) == 20
    ids = {n["id"] for n in kept.nodes}
    assert min(degree[i] for i in ids) >= max(degree[n["id"]] for n in view.nodes if n["id"] not in ids)
    assert all(e["from"] in ids and e["to"] in ids for e in kept.edges)
    assert f"{len(view.nodes) - 20} less connected node(s)" in kept.left_out
    assert limit_nodes(view, 0) == view and limit_nodes(view, len(view.nodes)) == view


def test_a_node_limit_keeps_the_focus_first(view):
    degree = _degrees(view)
    neighbours = {(e["from"], e["to"]) for e in view.edges} | {(e["to"], e["from"]) for e in view.edges}
    # a node whose one neighbour would come first (as connected in the focused view, first by IRI)
    leaf = next(node for node, other in sorted(neighbours) if degree[node] == 1 and other < node)
    kept = limit_nodes(focus_on(view, leaf, depth=1), 1)
    assert [n["id"] for n in kept.nodes] == [leaf]


def test_ranking_puts_the_first_node_then_the_most_connected_then_orders_by_iri():
    degrees = {"urn:c": 1, "urn:a": 1, "urn:b": 5, "urn:d": 0}
    assert most_connected(degrees, 0) == ["urn:b", "urn:a", "urn:c", "urn:d"]
    assert most_connected(degrees, 2) == ["urn:b", "urn:a"]
    assert most_connected(degrees, 2, first="urn:d") == ["urn:d", "urn:b"]


def test_a_name_of_unsure_kind_is_drawn_and_entailed_classes_do_not_hide_a_nodes_own(graph):
    unsure = sorted(graph.subjects(RDF.type, KG.Person))[0]
    country = sorted(graph.subjects(RDF.type, KG.Country))[0]
    retyped = Graph()
    for triple in graph:
        retyped.add(triple)
    retyped.set((unsure, RDF.type, KG.Entity))  # 'Grand Slam': a plain kg:Entity
    # what RDFS entailment adds to a country
    retyped.add((country, RDF.type, KG.Entity))
    retyped.add((country, RDF.type, KG.GeopoliticalEntity))
    kinds = {node["id"]: node["kind"] for node in view_of(retyped).nodes}
    assert (kinds[str(unsure)], kinds[str(country)]) == ("Entity", "Country")


def test_focus_on_a_node_the_graph_lacks_is_a_usage_error(view):
    """The store and the Turtle of two builds: a clear message, not a traceback."""
    with pytest.raises(UsageError, match="not in this graph"):
        focus_on(view, "https://kg.example.org/id/entity/nobody", 1)

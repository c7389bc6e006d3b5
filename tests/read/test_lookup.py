"""One rule finds an entity by name, and `kg entity NAME` and `kg viz --focus NAME` both follow it:
the same entity for a name, or the same error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.errors import UsageError
from kg.graph.store import open_store, write_store
from kg.graph.vocab import KG
from kg.page.render import write_page
from kg.read.lookup import MAX_LISTED, find_entity
from kg.read.profile import entity_profile

BASE = "https://kg.example.org/id/entity/"
# slug, class, label, other names, mentions: names that collide in each of the ways the rule orders
ENTITIES = [
    ("jordan", "Country", "Jordan", [], 5),
    ("jordan-2", "Person", "Jordan", [], 3),
    ("chile", "Country", "Chile", ["PRC"], 9),
    ("chile-national-team", "SportsTeam", "Chile national team", ["Chile"], 2),
    ("donald-trump", "Person", "Donald Trump", ["Trump"], 7),
    ("tony-blair", "Person", "Tony Blair", [], 4),
    ("cherie-blair", "Person", "Cherie Blair", [], 1),
    ("apple", "Company", "Apple", [], 2),
    ("apple-2", "Company", "APPLE", [], 1),
]


@pytest.fixture(scope="module")
def names_build(tmp_path_factory) -> Path:
    """A build folder (Turtle and store) of entities whose names collide."""
    out = tmp_path_factory.mktemp("names-build")
    data, inferred = Graph(), Graph()
    for slug, cls, label, others, mentions in ENTITIES:
        entity = URIRef(BASE + slug)
        data.add((entity, RDF.type, KG[cls]))
        data.add((entity, RDFS.label, Literal(label)))
        data.add((entity, KG.mentionCount, Literal(mentions, datatype=XSD.integer)))
        for other in others:
            data.add((entity, SKOS.altLabel, Literal(other)))
        inferred.add((entity, RDF.type, KG.Entity))  # what RDFS entailment adds to every entity class
    data.serialize(out / "kg.ttl", format="turtle")
    data.serialize(out / "data.nt", format="nt", encoding="utf-8")
    inferred.serialize(out / "inferred.nt", format="nt", encoding="utf-8")
    write_store([out / "data.nt"], [out / "inferred.nt"], out)
    return out


def both_commands(out: Path, name: str, tmp_path: Path) -> tuple[str, str]:
    """What `kg entity NAME` and `kg viz --focus NAME` settle on: the entity's IRI, or the error."""
    answers = []
    for command in (lambda: entity_profile(open_store(out), name).iri,
                    lambda: write_page(out / "kg.ttl", tmp_path / "page.html", focus=name).focus):
        try:
            answers.append(command())
        except UsageError as error:
            answers.append(f"error: {error}")
    return answers[0], answers[1]


@pytest.mark.parametrize(("name", "found"), [
    ("Chile", "chile"),  # its own label, before another's other name
    ("PRC", "chile"),
    ("trump", "donald-trump"),  # another name, in any case
    ("  TONY blair ", "tony-blair"),
    ("cherie", "cherie-blair"),  # the one label that contains it
    ("Apple", "apple"),  # as written, before the label in any case
    ("APPLE", "apple-2"),
    (BASE + "jordan-2", "jordan-2"),  # the IRI picks one of two with the same label
])
def test_both_commands_pick_the_same_entity(names_build, tmp_path, name, found):
    assert both_commands(names_build, name, tmp_path) == (BASE + found, BASE + found)


@pytest.mark.parametrize(("name", "message"), [
    ("jordan", f"'jordan' matches several entities (2): Jordan <{BASE}jordan>, Jordan <{BASE}jordan-2>; "
               "give the full name or the IRI"),
    ("apple", "'apple' matches several entities (2): Apple, APPLE; give the full name or the IRI"),
    ("Blair", "'Blair' matches several entities (2): Tony Blair, Cherie Blair; give the full name or the IRI"),
    ("Nobody", "no entity named 'Nobody' in the graph; try `kg query people` or `kg query organizations`"),
    (" ", "no entity named ' ' in the graph; try `kg query people` or `kg query organizations`"),
])
def test_both_commands_refuse_an_ambiguous_or_unknown_name_alike(names_build, tmp_path, name, message):
    assert both_commands(names_build, name, tmp_path) == (f"error: {message}", f"error: {message}")


def test_on_a_real_build_both_commands_agree(corpus_build, tmp_path):
    out, _ = corpus_build
    graph = Graph().parse(out / "kg.ttl")
    entity, alias = max(graph.subject_objects(SKOS.altLabel), key=lambda pair: (len(str(pair[1])), pair))
    assert both_commands(out, str(alias).upper(), tmp_path) == (str(entity), str(entity))
    profile, page = both_commands(out, "a", tmp_path)
    assert profile == page and profile.startswith("error: 'a' matches several entities")


def test_a_long_list_of_candidates_is_cut_and_says_how_many_more(corpus_build):
    out, _ = corpus_build
    with pytest.raises(UsageError) as raised:
        find_entity(open_store(out), "a")
    count = int(re.search(r"several entities \((\d+)\)", str(raised.value)).group(1))
    assert count > MAX_LISTED and f" and {count - MAX_LISTED} more; " in str(raised.value)

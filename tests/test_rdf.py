from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph
from rdflib.compare import isomorphic

from kg.errors import UsageError
from kg.extract import extract
from kg.model import Article
from kg.rdf import Minter, build_graph, mint_slug
from kg.resolve import resolve
from kg.validate import validate_graph
from kg.vocab import KG, ontology_text, relation_properties

DATA = Path(__file__).parent / "data"
SMALL_ARTICLE = (
    "New supply deal\n\n"
    "General Motors signed a supply contract with the Ministry of Defence on Monday.\n"
    '"This is a great day for our workers," said Jane Smith, the chief executive of General Motors.\n'
    "She said sales rose 12 percent to $4.5 billion last year.\n"
    "Officials did not say when the first deliveries would arrive.\n"
)


@given(st.text(max_size=40))
def test_mint_slug_is_stable_and_iri_safe(name):
    slug = mint_slug(name)
    assert slug == mint_slug(name)
    assert slug and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in slug)


@given(st.text(max_size=30), st.text(max_size=30))
def test_mint_slug_is_injective(a, b):
    if a != b:
        assert mint_slug(a) != mint_slug(b)


@pytest.mark.parametrize(("name", "slug"), [("donald trump", "donald-trump"), ("china", "china")])
def test_plain_names_keep_readable_slugs(name, slug):
    assert mint_slug(name) == slug


def test_base_must_be_an_absolute_iri():
    with pytest.raises(UsageError, match="--base"):
        Minter("not an iri")


def _small_graph(nlp) -> Graph:
    article = Article(id="new-supply-deal", path="deal.txt", title="New supply deal",
                      text=SMALL_ARTICLE, sha256="0" * 64)
    extraction = extract(nlp(SMALL_ARTICLE), article)
    return build_graph([extraction], resolve([extraction]))


def test_small_article_gives_the_expected_graph(nlp):
    """The whole RDF contract on one article; compared as graphs, not text."""
    expected = Graph().parse(DATA / "small_article.ttl")
    graph = _small_graph(nlp)
    assert isomorphic(graph, expected)
    assert validate_graph(graph) == []


def test_every_extracted_triple_has_a_provenance_record(nlp):
    graph = _small_graph(nlp)
    records = {(graph.value(r, RDF.subject), graph.value(r, RDF.predicate), graph.value(r, RDF.object))
               for r in graph.subjects(RDF.type, KG.Assertion)}
    extracted = {t for t in graph if t[1] in {*relation_properties(graph), KG.claims, KG.reports}}
    assert extracted and extracted <= records


def test_every_entity_has_one_label_and_a_class(nlp):
    graph = _small_graph(nlp)
    for entity in set(graph.subjects(KG.mentionedIn, None)):
        assert len(list(graph.objects(entity, RDFS.label))) == 1
        assert len(list(graph.objects(entity, RDF.type))) == 1


def test_ontology_declares_every_term_the_graph_uses(nlp):
    graph = _small_graph(nlp)
    ontology = Graph().parse(data=ontology_text(), format="turtle")
    declared = set(ontology.subjects()) | set(graph.subjects(RDFS.subPropertyOf, KG.relation))
    used = {p for _, p, _ in graph} | set(graph.objects(None, RDF.type))
    own = {term for term in used if str(term).startswith(str(KG.Entity)[:-len("Entity")])}
    assert own <= declared


def test_negated_relation_is_recorded_but_not_asserted(nlp):
    text = "Apple did not buy the company.\n"
    article = Article(id="n", path="n.txt", title="n", text=text, sha256="0")
    extraction = extract(nlp(text), article)
    graph = build_graph([extraction], resolve([extraction]))
    [record] = graph.subjects(RDF.type, KG.Assertion)
    assert graph.value(record, KG.negated).toPython() is True
    triple = (graph.value(record, RDF.subject), graph.value(record, RDF.predicate), graph.value(record, RDF.object))
    assert triple not in graph


def test_a_capital_speaking_is_linked_to_its_country_not_merged_into_it(nlp):
    text = "China and Japan met on Monday.\nBeijing said the talks in Tokyo went well.\n"
    article = Article(id="talks", path="talks.txt", title="Talks", text=text, sha256="0" * 64)
    extraction = extract(nlp(text), article)
    graph = build_graph([extraction], resolve([extraction]))
    labels = {str(o): s for s, o in graph.subject_objects(RDFS.label)}
    beijing, china = labels["Beijing"], labels["China"]
    assert beijing != china
    assert (beijing, KG.capitalOf, china) in graph
    assert (labels["Tokyo"], KG.capitalOf, labels["Japan"]) in graph
    [claim] = graph.subjects(RDF.type, KG.Claim)
    assert (claim, KG.speaker, beijing) in graph
    assert (claim, KG.metonymFor, china) in graph

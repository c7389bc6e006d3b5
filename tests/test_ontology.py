"""ontology/kg.ttl is the documented contract users query against."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from kg.graph.vocab import KG_IRI, ontology_graph

ALIGNED_NAMESPACES = ("https://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#",
                      "http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/")


def own_terms(kind):
    graph = ontology_graph()
    return sorted(str(t) for t in graph.subjects(RDF.type, kind) if str(t).startswith(KG_IRI))


@pytest.mark.parametrize("term", own_terms(OWL.Class) + own_terms(OWL.ObjectProperty) + own_terms(OWL.DatatypeProperty))
def test_every_term_has_a_label_and_a_comment(term):
    graph = ontology_graph()
    labels = list(graph.objects(URIRef(term), RDFS.label))
    comments = list(graph.objects(URIRef(term), RDFS.comment))
    assert len(labels) == 1 and len(comments) == 1 and len(str(comments[0])) > 15


@pytest.mark.parametrize("term", own_terms(OWL.Class))
def test_every_class_reaches_a_standard_vocabulary(term):
    graph = ontology_graph()
    ancestors = set(graph.transitive_objects(URIRef(term), RDFS.subClassOf))
    assert any(str(a).startswith(ALIGNED_NAMESPACES) for a in ancestors), term


def test_every_kg_term_used_in_the_ontology_is_declared():
    graph = ontology_graph()
    declared = {str(s) for s in graph.subjects(RDF.type, None)}
    used = {str(t) for triple in graph for t in triple if str(t).startswith(KG_IRI)}
    assert used <= declared

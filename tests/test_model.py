"""The records' closed vocabulary is the ontology's."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, URIRef

from kg.graph.vocab import KG_IRI, ontology_graph
from kg.model import EntityClass, RelationKind


def test_every_entity_class_is_declared_by_the_ontology():
    classes = set(ontology_graph().subjects(RDF.type, OWL.Class))
    assert [c for c in EntityClass if URIRef(KG_IRI + c) not in classes] == []


def test_every_relation_kind_is_a_relation_of_the_ontology():
    relations = set(ontology_graph().transitive_subjects(RDFS.subPropertyOf, URIRef(KG_IRI + "relation")))
    assert [kind for kind in RelationKind if URIRef(KG_IRI + kind) not in relations] == []

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Namespace

from kg.graph.infer import rdfs_entailments
from kg.graph.vocab import FOAF, KG, ORG, SCHEMA, ontology_graph

ID = Namespace("https://kg.example.org/id/entity/")
REL = Namespace("https://kg.example.org/rel/")


def entailed(*triples) -> Graph:
    data = Graph()
    for triple in triples:
        data.add(triple)
    return rdfs_entailments(data, ontology_graph())


def test_a_person_is_found_as_schema_and_foaf_person():
    inferred = entailed((ID.jane_doe, RDF.type, KG.Person))
    assert {c for c in inferred.objects(ID.jane_doe, RDF.type)} >= {SCHEMA.Person, FOAF.Person, KG.Entity}


def test_a_spokesperson_also_works_for_the_body():
    inferred = entailed((ID.jane_doe, KG.spokespersonFor, ID.mindef))
    for prop in (KG.worksFor, SCHEMA.worksFor, KG.relation):
        assert (ID.jane_doe, prop, ID.mindef) in inferred


def test_an_open_relation_declared_in_the_data_is_a_kg_relation():
    inferred = entailed((REL.approve, RDFS.subPropertyOf, KG.relation), (ID.mindef, REL.approve, ID.licences))
    assert (ID.mindef, KG.relation, ID.licences) in inferred


def test_class_hierarchy_is_closed_transitively():
    inferred = entailed((ID.mindef, RDF.type, KG.GovernmentBody))
    assert (KG.GovernmentBody, RDFS.subClassOf, ORG.Organization) in inferred
    assert (ID.mindef, RDF.type, ORG.Organization) in inferred


def test_nothing_asserted_is_repeated_and_no_domain_is_applied():
    asserted = (ID.jane_doe, RDF.type, KG.Person)
    # kg:livesIn has domain kg:Person: a domain rule would type the subject, which the inference must not
    inferred = entailed(asserted, (ID.brennatek, KG.livesIn, ID.oslo))
    assert asserted not in inferred
    assert (ID.brennatek, RDF.type, KG.Person) not in inferred
    assert (ID.oslo, RDF.type, KG.Place) not in inferred

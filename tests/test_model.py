"""The records' closed vocabulary is the ontology's."""

from __future__ import annotations

import ast
from pathlib import Path

from rdflib import OWL, RDF, RDFS, URIRef

import kg
from kg.graph.vocab import KG_IRI, ontology_graph
from kg.model import EntityClass, RelationKind


def test_every_entity_class_is_declared_by_the_ontology():
    classes = set(ontology_graph().subjects(RDF.type, OWL.Class))
    assert [c for c in EntityClass if URIRef(KG_IRI + c) not in classes] == []


def test_every_relation_kind_is_a_relation_of_the_ontology():
    relations = set(ontology_graph().transitive_subjects(RDFS.subPropertyOf, URIRef(KG_IRI + "relation")))
    assert [kind for kind in RelationKind if URIRef(KG_IRI + kind) not in relations] == []


# Strings that spell a class or a relation but mean something else there.
NOT_VOCABULARY = {
    ("lexicon/geo.py", "Country"),  # pycountry's type of subdivision
    ("page/view.py", "Entity"),  # a heading in a node's tooltip
    ("extract/rule_confidence.py", "nationality"),  # the name of a rule
    ("extract/typed_relations.py", "nationality"),  # ... the same rule
    ("read/endpoint.py", "Location"),  # the HTTP header of a redirect
    ("remote/http.py", "Location"),  # an HTTP header
}


def test_no_module_spells_a_class_or_a_relation_kind_as_a_bare_string():
    """Every class and relation kind is written through the vocabulary, so a rename shows everywhere."""
    words = {*EntityClass, *RelationKind}
    package = Path(kg.__file__).parent
    bare = []
    for path in package.rglob("*.py"):
        where = str(path.relative_to(package))
        if where == "model.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in words and (where, node.value) not in NOT_VOCABULARY:
                bare.append(f"{where}:{node.lineno} {node.value!r}")
    assert bare == []

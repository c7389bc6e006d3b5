"""Namespaces, rdflib's closed ones where they exist. Terms of the project's own ontology come from
`ontology/kg.ttl`, so a misspelt term fails loudly (AttributeError) instead of minting an undeclared IRI."""

from __future__ import annotations

import functools

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import FOAF, ORG, PROV, SDO, ClosedNamespace

from kg.graph import ontology_text

KG_IRI = "https://kg.example.org/ontology#"
REL_IRI = "https://kg.example.org/rel/"  # open relations named after verbs, declared per graph
# The query store's named graph of the extracted data alone (kg/graph/store.py).
DATA_GRAPH = "https://kg.example.org/graph/data"
# On a SPARQL server (kg load): the rest of the store's default graph, the ontology and what
# inference adds; with the data graph, it makes up the default graph of the embedded store.
ONTOLOGY_AND_INFERRED_GRAPH = "https://kg.example.org/graph/ontology-and-inferred"
SCHEMA = SDO  # https://schema.org/
REL = Namespace(REL_IRI)


@functools.lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(data=ontology_text(), format="turtle")


def _declared_terms() -> list[str]:
    return sorted(
        str(subject)[len(KG_IRI):]
        for subject in set(ontology_graph().subjects())
        if isinstance(subject, URIRef) and str(subject).startswith(KG_IRI)
    )


KG = ClosedNamespace(KG_IRI, _declared_terms())


def relation_properties(graph: Graph) -> dict[URIRef, str]:
    """Every property that relates two entities, with its label: the open verb relations the graph
    declares and the ontology's own (worksFor, spokespersonFor, ...)."""
    found = {}
    for source in (ontology_graph(), graph):
        for prop in source.transitive_subjects(RDFS.subPropertyOf, KG.relation):
            if prop != KG.relation:
                found[prop] = str(source.value(prop, RDFS.label) or prop)
    return found

# Prefixes bound in every output and pre-declared for every query.
PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "org": str(ORG),
    "foaf": str(FOAF),
    "kg": KG_IRI,
    "rel": REL_IRI,
}

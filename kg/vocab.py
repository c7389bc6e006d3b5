"""Namespaces. Terms of the project's own ontology come from `ontology/kg.ttl`, so a misspelt term
fails loudly (AttributeError) instead of minting an undeclared IRI."""

from __future__ import annotations

from importlib import resources

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import PROV, SDO, ClosedNamespace

KG_IRI = "https://kg.example.org/ontology#"
REL_IRI = "https://kg.example.org/rel/"  # open relations named after verbs, declared per graph
DEFAULT_BASE = "https://kg.example.org/id/"
SCHEMA = SDO  # https://schema.org/
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
REL = Namespace(REL_IRI)


def ontology_text() -> str:
    return resources.files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8")


def _declared_terms() -> list[str]:
    graph = Graph().parse(data=ontology_text(), format="turtle")
    return sorted(
        str(subject)[len(KG_IRI):]
        for subject in set(graph.subjects())
        if isinstance(subject, URIRef) and str(subject).startswith(KG_IRI)
    )


KG = ClosedNamespace(KG_IRI, _declared_terms())

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

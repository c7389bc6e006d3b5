"""SHACL validation of a built graph against ontology/shapes.ttl, reported in plain words."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph
import pyshacl
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.graph.store import DATA, open_store
from kg.graph.vocab import PREFIXES, ontology_graph


@dataclass(frozen=True)
class Violation:
    node: str  # the node's label, or its IRI when it has none
    kind: str  # its class, shortened ('kg:Claim')
    rule: str  # the broken constraint in plain words
    shape: str  # the shape that holds the rule ('kgsh:Claim')

    def __str__(self) -> str:
        return f"{self.kind} {self.node}: {self.rule}  [{self.shape}]"


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    text = resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def validate_build(out_dir: Path) -> list[Violation]:
    """Validate the data a build stored (without the ontology and the inferred triples)."""
    store = open_store(out_dir)
    data = Graph().parse(data=store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                         from_graph=DATA), format="nt")
    return validate_graph(data)


def validate_graph(data: Graph) -> list[Violation]:
    """Every violation of the shapes; the ontology is read alongside so class targets see subclasses."""
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                     inference="none", advanced=True)
    violations = {
        Violation(
            node=_describe(data, results.value(result, SH.focusNode)),
            kind=_short(data.value(results.value(result, SH.focusNode), RDF.type)) or "node",
            rule=str(results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent)),
            shape=_shape_name(results, result),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    }
    return sorted(violations, key=lambda v: (v.shape, v.kind, v.node, v.rule))


def _shape_name(results: Graph, result: URIRef) -> str:
    """The named shape a result comes from, through the property shape it may be nested in."""
    shape = results.value(result, SH.sourceShape)
    if not isinstance(shape, URIRef):
        shapes = shapes_graph()
        parent = shapes.value(None, SH.property, shape)
        shape = parent if parent is not None else shape
    return _short(shape)


def _describe(data: Graph, node) -> str:
    label = data.value(node, RDFS.label)
    return f"'{label}' ({node})" if label is not None else str(node)


def _short(term) -> str:
    if term is None:
        return ""
    text = str(term)
    for prefix, iri in {**PREFIXES, "kgsh": "https://kg.example.org/shapes#"}.items():
        if text.startswith(iri):
            return f"{prefix}:{text[len(iri):]}"
    return text

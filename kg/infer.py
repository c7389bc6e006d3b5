"""Light RDFS inference, materialised at build time into the store.

Only the subclass and subproperty rules (RDFS entailment rules rdfs5, rdfs7, rdfs9 and rdfs11): an
entity typed kg:Person is also a schema:Person and a foaf:Person, a kg:spokespersonFor triple is also
a kg:worksFor and a schema:worksFor triple. Domain and range rules (rdfs2, rdfs3) are left out on
purpose: they would turn an extraction slip into a wrong type instead of leaving it visible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, URIRef


def rdfs_entailments(data: Graph, ontology: Graph) -> Graph:
    """The triples the subclass/subproperty hierarchies of `ontology` and `data` entail that neither holds."""
    schema = (ontology, data)
    super_classes = _ancestors(schema, RDFS.subClassOf)
    super_properties = _ancestors(schema, RDFS.subPropertyOf)
    entailed = set()
    for hierarchy, link in ((super_classes, RDFS.subClassOf), (super_properties, RDFS.subPropertyOf)):
        entailed.update((term, link, ancestor) for term, ancestors in hierarchy.items() for ancestor in ancestors)
    for node, cls in data.subject_objects(RDF.type):
        entailed.update((node, RDF.type, ancestor) for ancestor in super_classes.get(cls, ()))
    for prop, ancestors in super_properties.items():
        for subject, obj in data.subject_objects(prop):
            entailed.update((subject, ancestor, obj) for ancestor in ancestors)
    inferred = Graph()
    for triple in entailed:
        if triple not in data and triple not in ontology:
            inferred.add(triple)
    return inferred


def _ancestors(graphs: Iterable[Graph], link: URIRef) -> dict[URIRef, frozenset[URIRef]]:
    """Every term's transitive super-terms along `link` (cycles allowed, the term itself excluded)."""
    parents = defaultdict(set)
    for graph in graphs:
        for child, parent in graph.subject_objects(link):
            parents[child].add(parent)
    ancestors = {}
    for term in parents:
        seen, todo = set(), list(parents[term])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        seen.discard(term)
        ancestors[term] = frozenset(seen)
    return ancestors

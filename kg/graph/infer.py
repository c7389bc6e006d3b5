"""Light RDFS inference, materialised at build time into the store.

Only the subclass and subproperty rules (RDFS entailment rules rdfs5, rdfs7, rdfs9 and rdfs11): an
entity typed kg:Person is also a schema:Person and a foaf:Person, a kg:spokespersonFor triple is also
a kg:worksFor and a schema:worksFor triple. Domain and range rules (rdfs2, rdfs3) are left out on
purpose: they would turn an extraction slip into a wrong type instead of leaving it visible.

A build streams its triples through an `Entailer` one at a time, so inference never needs the whole
graph in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import RDF, RDFS, Graph, URIRef

TYPE, SUBCLASS, SUBPROPERTY = RDF.type, RDFS.subClassOf, RDFS.subPropertyOf  # made once: rdflib makes a term per access
HIERARCHY_LINKS = (SUBCLASS, SUBPROPERTY)


class Entailer:
    """The entailments of triples as they stream past. The ontology's hierarchies are known from the
    start; a data triple that extends one (an open relation declared a sub-property of kg:relation)
    must come before the triples that use it, as kg/graph/rdf.py writes them."""

    def __init__(self, ontology: Graph) -> None:
        self.parents: dict[URIRef, dict[URIRef, set[URIRef]]] = {link: defaultdict(set) for link in HIERARCHY_LINKS}
        for link in HIERARCHY_LINKS:
            for child, parent in ontology.subject_objects(link):
                self.parents[link][child].add(parent)
        self.known: dict[tuple[URIRef, URIRef], frozenset[URIRef]] = {}  # (link, term) -> ancestors

    def hierarchy(self) -> Iterator[tuple]:
        """The transitive closure of the hierarchies known so far."""
        for link in HIERARCHY_LINKS:
            for term in list(self.parents[link]):
                for ancestor in self._ancestors(link, term):
                    yield term, link, ancestor

    def entailed(self, triple: tuple) -> list[tuple]:
        subject, predicate, obj = triple
        found = []
        if predicate in self.parents and obj not in self.parents[predicate][subject]:
            self.parents[predicate][subject].add(obj)
            self.known.clear()
            found += [(subject, predicate, ancestor) for ancestor in self._ancestors(predicate, subject)]
        if predicate == TYPE:
            found += [(subject, TYPE, ancestor) for ancestor in self._ancestors(SUBCLASS, obj)]
        found += [(subject, ancestor, obj) for ancestor in self._ancestors(SUBPROPERTY, predicate)]
        return found

    def _ancestors(self, link: URIRef, term: URIRef) -> frozenset[URIRef]:
        """The term's transitive super-terms along `link` (cycles allowed, the term itself excluded)."""
        if (link, term) not in self.known:
            self.known[link, term] = self._search(self.parents[link], term)
        return self.known[link, term]

    @staticmethod
    def _search(parents: dict[URIRef, set[URIRef]], term: URIRef) -> frozenset[URIRef]:
        seen, todo = set(), list(parents.get(term, ()))
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        seen.discard(term)
        return frozenset(seen)


def rdfs_entailments(data: Graph, ontology: Graph) -> Graph:
    """The triples the subclass/subproperty hierarchies of `ontology` and `data` entail that neither holds."""
    entailer = Entailer(ontology)
    schema = [t for link in HIERARCHY_LINKS for t in data.triples((None, link, None))]
    entailed = set(_all(entailer, schema))
    entailed.update(entailer.hierarchy())
    entailed.update(_all(entailer, data))
    inferred = Graph()
    for triple in entailed:
        if triple not in data and triple not in ontology:
            inferred.add(triple)
    return inferred


def _all(entailer: Entailer, triples: Iterable[tuple]) -> Iterator[tuple]:
    for triple in triples:
        yield from entailer.entailed(triple)

"""The graphs a server receives, read from the build's store and cut into N-Triples chunks of a
bounded number of triples: the whole graph is never in memory.

A server answers kg's queries like the embedded store when its default graph is the union of two
named graphs (or a query names them as its dataset): the data, as in the store's named graph, and
the rest of the store's default graph (the ontology and what inference adds). The data is sent
once, where the embedded store keeps it twice.

Chunks come in the same order each time from the same store (an index scan), which lets a load
resume; each chunk's digest is kept to check that.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph

from kg.graph.store import DATA, count_triples
from kg.graph.vocab import DATA_GRAPH, ONTOLOGY_AND_INFERRED_GRAPH
from kg.remote.http import ServerError


@dataclass(frozen=True)
class ServerGraph:
    iri: str  # its name on the server
    triples: int
    read: Callable[[], Iterator[pyoxigraph.Triple]]


@dataclass(frozen=True)
class Chunk:
    body: bytes
    triples: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:16]


def server_graphs(store: pyoxigraph.Store) -> list[ServerGraph]:
    data = count_triples(store, DATA_GRAPH)
    everything = count_triples(store)  # the default graph: the data is in it too
    return [
        ServerGraph(DATA_GRAPH, data, lambda: (quad.triple for quad in store.quads_for_pattern(None, None, None, DATA))),
        ServerGraph(ONTOLOGY_AND_INFERRED_GRAPH, everything - data, lambda: iter(store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH <{DATA_GRAPH}> {{ ?s ?p ?o }} }} }}"))),
    ]


def chunks(triples: Iterable[pyoxigraph.Triple], size: int) -> Iterator[Chunk]:
    triples = iter(triples)
    while batch := list(itertools.islice(triples, size)):
        # a blank node's name holds only within one request: one split across chunks would
        # become two nodes on the server (the build mints an IRI for everything, so none comes)
        if any(isinstance(t.subject, pyoxigraph.BlankNode) or isinstance(t.object, pyoxigraph.BlankNode)
               for t in batch):
            raise ServerError("the build's store holds blank nodes, which a load in chunks would split")
        yield Chunk(pyoxigraph.serialize(batch, format=pyoxigraph.RdfFormat.N_TRIPLES), len(batch))

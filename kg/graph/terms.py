"""RDF terms made fast: namespaces whose terms are made once, and N-Triples and SPARQL literals
written by hand (one escaping for both)."""

from __future__ import annotations

import functools

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import Namespace

from kg.graph import vocab


class _Terms:
    """A namespace whose terms are made once: rdflib makes a new URIRef on every attribute access,
    which was a sixth of the time spent writing a large graph."""

    def __init__(self, namespace: Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = self._namespace[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


KG, SCHEMA = _Terms(vocab.KG), _Terms(vocab.SCHEMA)
OWL, RDF, RDFS, SKOS, XSD = (_Terms(n) for n in (rdflib.OWL, rdflib.RDF, rdflib.RDFS, rdflib.SKOS, rdflib.XSD))
PROV = _Terms(rdflib.PROV)
# Offsets, flags and sentences recur across records: made once (typed, so True is not 1).
literal = functools.lru_cache(maxsize=1 << 16, typed=True)(Literal)

Triple = tuple[URIRef, URIRef, URIRef | Literal]
# The escapes a string literal needs in N-Triples and in SPARQL alike.
STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def quoted(text: str) -> str:
    """`text` as a plain string literal of N-Triples or SPARQL: '"say \\"hi\\""'."""
    return f'"{text.translate(STRING_ESCAPES)}"'


def ntriples_line(triple: Triple) -> str:
    """One N-Triples line; ~5x faster than rdflib's serializer, which a build would call a million times."""
    return f"{_nt_term(triple[0])} {_nt_term(triple[1])} {_nt_term(triple[2])} .\n"


def _nt_term(term: URIRef | Literal) -> str:
    if term.__class__ is URIRef or isinstance(term, URIRef):  # the first test is the common and cheap one
        return f"<{term}>"
    text = f'"{str(term).translate(STRING_ESCAPES)}"'  # quoted(), inline: called for every literal of a build
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text

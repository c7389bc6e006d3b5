"""Literals written by hand for N-Triples and SPARQL: escaped once, parsed back unchanged."""

from __future__ import annotations

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.graph.terms import ntriples_line, quoted


@pytest.mark.parametrize(("text", "literal"), [
    ('say "hi"', '"say \\"hi\\""'),
    ("a\\b\nc\rd", '"a\\\\b\\nc\\rd"'),
])
def test_quoted_escapes_what_ntriples_and_sparql_need(text, literal):
    assert quoted(text) == literal


@given(st.text(max_size=40))
def test_ntriples_lines_parse_back_to_the_same_literal(text):
    line = ntriples_line((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(text)))
    [triple] = pyoxigraph.parse(line.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert triple.object.value == text

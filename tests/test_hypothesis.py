"""Any text builds without crashing, every output re-parses, and the graph keeps the SHACL shapes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.extract.records import extract
from kg.graph.rdf import build_graph
from kg.model import Article
from kg.read.validate import validate_graph
from kg.resolve import resolve

WORDS = ["The", "ministry", "said", "“", "”", '"', "Angela Merkel", "approved", "licences", ",", ".",
         "\n", "\n\n", "<script>", "U.S.", "He", "did", "not", "’s", "&", "Paris", "Acme Corp", "%", "—"]
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=200),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_extracts_and_the_graph_reparses(nlp, text):
    article = Article(id="a", path="a.txt", title="a", text=text, sha256="0" * 64)
    extraction = extract(nlp(text), article)
    for record in (*extraction.relations, *extraction.claims):
        assert 0 <= record.evidence.sentence.start <= record.evidence.sentence.end <= len(text)
    for claim in extraction.claims:
        # a quote the attribution interrupts is one claim 'A … B' spanning the passage
        pieces, span = claim.content.split(" … "), text[claim.start : claim.end]
        assert span.startswith(pieces[0]) and span.endswith(pieces[-1])
    graph = build_graph([extraction], resolve([extraction]))
    for fmt in ("turtle", "nt"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert len(again) == len(graph)
    assert validate_graph(graph) == []

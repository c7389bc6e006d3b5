"""The page's excerpt read from the store matches the view of the whole graph, cut the same way."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.graph.store import open_store
from kg.page.excerpt import page_view
from kg.page.view import limit_nodes, view_of


@pytest.fixture(scope="module")
def whole(corpus_build):
    out, _ = corpus_build
    return view_of(Graph().parse(out / "kg.ttl"))


@pytest.fixture(scope="module")
def store(corpus_build):
    out, _ = corpus_build
    return open_store(out)


@pytest.mark.parametrize("max_nodes", [0, 10, 40])
def test_excerpt_draws_what_the_whole_view_cut_to_the_same_size_draws(whole, store, max_nodes):
    expected = limit_nodes(whole, max_nodes)
    excerpt = page_view(store, max_nodes)
    assert excerpt.nodes == expected.nodes  # the same nodes, with the same details
    assert [(e["from"], e["to"], e["label"], e.get("title")) for e in excerpt.edges] == [
        (e["from"], e["to"], e["label"], e.get("title")) for e in expected.edges]
    assert excerpt.articles == expected.articles
    assert excerpt.left_out == expected.left_out

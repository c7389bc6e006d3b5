"""Where a large page's nodes go, computed before the browser draws them."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.page.layout import layout
from kg.page.view import view_of


@pytest.fixture(scope="module")
def view(corpus_build):
    out, _ = corpus_build
    return view_of(Graph().parse(out / "kg.ttl"))


def test_layout_places_every_node_the_same_way_each_time(view):
    positions = layout(view)
    assert positions.keys() == {n["id"] for n in view.nodes}
    assert layout(view) == positions
    assert len(set(positions.values())) == len(positions)

from __future__ import annotations

import pytest

from kg.resolve import resolve
from tests.resolve.conftest import check_merges, extraction

CASES = [
    # a legal suffix is no part of the identity
    ([[("Microsoft Corp.", "Company")], [("Microsoft", "Company")]], {"Microsoft Corp.", "Microsoft"}, set()),
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    check_merges(articles, together, apart)


def test_equal_normalised_names_merge_across_articles_with_all_surface_forms():
    resolution = resolve([
        extraction("a", ("U.S.", "Country"), ("U.S.", "Country")),
        extraction("b", ("US", "Country")),
    ])
    [entity] = resolution.entities.values()
    assert entity.label == "U.S."  # the most frequent surface form
    assert entity.alt_labels == ("US",)
    assert entity.mention_count == 3
    assert entity.articles == ("a", "b")


def test_different_names_stay_apart():
    resolution = resolve([extraction("a", ("Donald Trump", "Person"), ("Melania Trump", "Person"))])
    assert len(resolution.entities) == 2

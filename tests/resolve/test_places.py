from __future__ import annotations

import pytest

from tests.resolve.conftest import check_merges

CASES = [
    # countries by ISO 3166 and countryinfo's spellings, across articles
    ([[("US", "Country")], [("United States", "Country"), ("U.S.", "Country")], [("USA", "GeopoliticalEntity")]],
     {"US", "United States", "U.S.", "USA"}, set()),
    ([[("UK", "GeopoliticalEntity")], [("United Kingdom", "Country")]], {"UK", "United Kingdom"}, set()),
    ([[("US", "Country")], [("Us", "Organization")]], set(), {"US", "Us"}),  # the magazine 'Us' is no country
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    check_merges(articles, together, apart)

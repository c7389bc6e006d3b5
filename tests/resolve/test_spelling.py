from __future__ import annotations

import pytest

from tests.resolve.conftest import check_merges

CASES = [
    # a misspelling within one article; not across, and places never ('Austria' is no 'Australia')
    ([[("Brennatek", "Company"), ("Brenatek", "Company")]], {"Brennatek", "Brenatek"}, set()),
    ([[("Brennatek", "Company")], [("Brenatek", "Company")]], set(), {"Brennatek", "Brenatek"}),
    # ... unless the two articles name the same other entities
    ([[("Heidar Alishvandi", "Person"), ("Iran", "Country"), ("Qeshm", "GeopoliticalEntity"), ("Tehran", "GeopoliticalEntity")],
      [("Heydar Alishvandi", "Person"), ("Iran", "Country"), ("Qeshm", "GeopoliticalEntity"), ("Tehran", "GeopoliticalEntity")]],
     {"Heidar Alishvandi", "Heydar Alishvandi"}, set()),
    ([[("Austria", "Country"), ("Australia", "Country")]], set(), {"Austria", "Australia"}),
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    check_merges(articles, together, apart)

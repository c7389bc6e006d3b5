from __future__ import annotations

import pytest

from tests.resolve.conftest import check_merges, groups, with_text

CASES = [
    # acronyms made of initials or of first letters of words, unique in the article
    ([[("General Motors", "Company"), ("GM", "Organization")]], {"General Motors", "GM"}, set()),
    ([[("Ministry of Defence", "GovernmentBody"), ("MINDEF", "Organization")]], {"Ministry of Defence", "MINDEF"}, set()),
    ([[("European Union", "Organization")], [("EU", "Organization"), ("European Union", "Organization")]],
     {"European Union", "EU"}, set()),
    # an acronym never stands for a person
    ([[("Andrew Palmer", "Person"), ("AP", "Organization")]], set(), {"Andrew Palmer", "AP"}),
    # an organisation's words in any order, with its country said or not
    ([[("Ministry of Mines", "GovernmentBody"), ("mines ministry", "GovernmentBody")],
      [("Ministry of Mines of Chile", "GovernmentBody")]],
     {"Ministry of Mines", "mines ministry", "Ministry of Mines of Chile"}, set()),
    # ... but two countries' ministries stay two, and the bare one joins neither
    ([[("Ministry of Mines of Chile", "GovernmentBody")], [("Ministry of Mines of India", "GovernmentBody")],
      [("mines ministry", "GovernmentBody")]],
     set(), {"Ministry of Mines of Chile", "Ministry of Mines of India", "mines ministry"}),
    # a one-word organisation that ends one organisation's name; not a word for a kind of organisation
    ([[("Indianapolis Colts", "Organization"), ("Colts", "Organization")]], {"Indianapolis Colts", "Colts"}, set()),
    ([[("Ministry of Mines", "GovernmentBody"), ("Ministry", "GovernmentBody"), ("Defence Ministry", "GovernmentBody")]],
     set(), {"Ministry", "Defence Ministry"}),
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    check_merges(articles, together, apart)


def test_an_acronym_defined_in_the_text_settles_what_guessing_cannot():
    # both ministries fit MINDEF; only the definition in the text says which one it is
    text = "The Ministry of Defence (MINDEF) said... The Ministry of Development Finance spoke. MINDEF added."
    found = groups(with_text("a", text, ("Ministry of Defence", "GovernmentBody"),
                             ("Ministry of Development Finance", "GovernmentBody"), ("MINDEF", "Organization")))
    assert frozenset({"Ministry of Defence", "MINDEF"}) in found

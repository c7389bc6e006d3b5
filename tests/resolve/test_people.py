from __future__ import annotations

import pytest

from tests.resolve.conftest import check_merges

CASES = [
    # a lone surname joins the one person of the corpus with it
    ([[("Donald Trump", "Person")], [("Trump", "Person")]], {"Donald Trump", "Trump"}, set()),
    # two people share the surname: a lone 'Smith' elsewhere joins neither
    ([[("John Smith", "Person")], [("Jane Smith", "Person")], [("Smith", "Person")]],
     set(), {"John Smith", "Jane Smith", "Smith"}),
    # middle names
    ([[("Mark Heller", "Person")], [("Mark Jay Heller", "Person")]], {"Mark Heller", "Mark Jay Heller"}, set()),
    ([[("W. Mark Felt Sr.", "Person")], [("Mark Felt", "Person")]], {"W. Mark Felt Sr.", "Mark Felt"}, set()),
    ([[("Fred LaRue", "Person")], [("Frederick C. LaRue", "Person")]], {"Fred LaRue", "Frederick C. LaRue"}, set()),
    ([[("Mark Heller", "Person")], [("Mark Jay Heller", "Person")], [("Mark Alan Heller", "Person")]],
     set(), {"Mark Jay Heller", "Mark Alan Heller"}),
    # a blended nickname
    ([[("Lindsay Lohan", "Person")], [("LiLo", "Person")]], {"Lindsay Lohan", "LiLo"}, set()),
    ([[("Lindsay Lohan", "Person")], [("Linda Loman", "Person")], [("LiLo", "Person")]], set(), {"Lindsay Lohan", "Linda Loman", "LiLo"}),
]


@pytest.mark.parametrize(("articles", "together", "apart"), CASES)
def test_merge_rules(articles, together, apart):
    check_merges(articles, together, apart)

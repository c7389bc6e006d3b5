from __future__ import annotations

import pytest

# (text, the figure as written, expected (subject, measure key))
SHARED_SUBJECT_CASES = [
    # a conjoined verb shares the subject of the first
    ("Norway accounted for 40 percent of global cod catches and controlled 55 percent of salmon farming capacity.",
     "55 percent", ("Norway", "farming")),
    # a participle clause takes the subject of the main clause
    ("Chile dominates the copper market, accounting for 28 percent of mining.", "28 percent", ("Chile", "mining")),
    # a relative clause stands for the noun it hangs on
    ("Countries depend on Brazil, which holds about 60% of the global market share in soybeans.",
     "about 60%", ("Brazil", "market")),
    # a noun that names the thing measured is its own key
    ("Japan's steel exports fell 3 percent.", "3 percent", ("Japan", "export")),
]


@pytest.mark.parametrize(("text", "figure", "expected"), SHARED_SUBJECT_CASES)
def test_subject_through_shared_clauses_and_measure_key(read, text, figure, expected):
    [found] = [m for m in read(text).measurements if m.text == figure]
    assert (found.subject.name if found.subject else None, found.measure_key) == expected

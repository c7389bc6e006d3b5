from __future__ import annotations

import pytest

# (text, expected (subject, kind, object) relations of known kinds)
CASES = [
    ("John Wilkes Booth, who assassinated President Lincoln, was an actor.",
     {("John Wilkes Booth", "killed", "Lincoln")}),
    ("Jane Smith of Boston, Massachusetts, joined the board.",
     {("Jane Smith", "livesIn", "Boston"), ("Jane Smith", "livesIn", "Massachusetts"),
      ("Boston", "locatedIn", "Massachusetts")}),
    # a sentence that relates nobody
    ("Angela Merkel and Emmanuel Macron both spoke about the weather.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_typed_relations(read, text, expected):
    found = {(r.subject.name, r.kind, r.object.name) for r in read(text).relations if r.kind}
    assert found == expected


def test_typed_relations_carry_the_model_probability(read):
    [relation] = [r for r in read(CASES[0][0]).relations if r.kind]
    assert relation.evidence.rule == "typed-relation" and 0.35 <= relation.evidence.confidence <= 1

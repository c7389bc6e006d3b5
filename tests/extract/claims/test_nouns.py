from __future__ import annotations

import pytest

from tests.extract.claims import judged

# (text, expected (speaker entity or None, source words, rule, content) claims)
CASES = [
    # a noun of saying with an entity's name before it and a 'that'-clause after it
    ("Angela Merkel's claim that the vote was rigged alarmed her allies.",
     {("Angela Merkel", "Angela Merkel", "noun-statement", "the vote was rigged")}),
    # the clause is the possessor's, not the one who rejects it
    ("The senator rejected Angela Merkel's argument that the tax cut would pay for itself.",
     {("Angela Merkel", "Angela Merkel", "noun-statement", "the tax cut would pay for itself")}),
    # a relative clause says what was done with the claim, not what it says
    ("Angela Merkel's claim that she made on Monday was false.", set()),
    # a sentence the parser found no verb in: the clause's end is unknown
    ("Angela Merkel's statement that the plan would fail surprised nobody.", set()),
    # nobody's claim: no source
    ("The claim that the vote was rigged alarmed election officials.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_statements_named_by_a_noun(read, text, expected):
    assert judged(read(text).claims) == expected

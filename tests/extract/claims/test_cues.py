from __future__ import annotations

import pytest

from tests.extract.claims import judged

# What went wrong in the cues of judged claims of unseen news; each row:
# (text, expected (speaker entity or None, source words, rule, content) claims).
JUDGED_CASES = [
    # verbs that are no saying: picking a player, seeking, wanting, refusing, deciding
    ("Tom Smith has recalled the experienced striker Paul Jones for the final.", set()),
    ("Insurers have sought to calm fears that they face huge losses.", set()),
    ("Everyone involved wants the vote to be fair and open.", set()),
    ("Jane Doe refused to support the bill on Monday.", set()),
    ("Jane Doe decided that the time had come.", set()),
    # a person who showed something said nothing; a survey or research states findings
    ("Tom Smith had shown he could win the seat.", set()),
    ("A survey showed that most voters backed the plan.",
     {(None, "A survey", "reported", "most voters backed the plan")}),
    ("Research has shown the majority have voted Labour in every election.",
     {(None, "Research", "reported", "the majority have voted Labour in every election")}),
    # the one criticised or asked is not the one who criticised or asked
    ("Criticised for the decision, Jane Doe said the plan would stand.",
     {("Jane Doe", "Jane Doe", "reported", "the plan would stand")}),
    # a stance needs a holder who is named or described, not only a pronoun
    ("Officials urged residents to leave their homes.",
     {(None, "Officials", "stance", "residents to leave their homes")}),
    ("They urged residents to leave their homes.", set()),
    # deciding is an act, whatever annotated news taught the cue model
    ("The board decided that the plant would close.", set()),
]


@pytest.mark.parametrize(("text", "expected"), JUDGED_CASES)
def test_only_cues_that_state_something_make_claims(read, text, expected):
    assert judged(read(text).claims) == expected

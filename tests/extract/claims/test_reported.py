from __future__ import annotations

import pytest

from tests.extract.claims import judged, said

# (text, expected (speaker entity or None, source words, cue, direct, content) claims)
SAID_CASES = [
    # reported speech with 'that'
    ("Angela Merkel said that Germany would support the plan.",
     {("Angela Merkel", "Angela Merkel", "say", False, "Germany would support the plan")}),
    # reported speech with the cue at the end
    ("The economy is growing, Janet Yellen said on Tuesday.",
     {("Janet Yellen", "Janet Yellen", "say", False, "The economy is growing")}),
    # a partial quote inside reported speech is one reported claim
    ('Boris Johnson said the deal was "done" and ready to sign.',
     {("Boris Johnson", "Boris Johnson", "say", False, 'the deal was "done" and ready to sign')}),
    # other cue verbs keep their lemma
    ("Tim Cook confirmed that Apple would open a new plant.",
     {("Tim Cook", "Tim Cook", "confirm", False, "Apple would open a new plant")}),
    # 'told reporters', 'said in a statement'
    ("Tim Cook told reporters that sales were strong.",
     {("Tim Cook", "Tim Cook", "tell", False, "sales were strong")}),
    ("Apple said in a statement that the recall was voluntary.",
     {("Apple", "Apple", "say", False, "the recall was voluntary")}),
    # 'according to X', either side of the clause
    ("According to the World Bank, growth will slow next year.",
     {("World Bank", "World Bank", "according to", False, "growth will slow next year")}),
    ("Growth will slow next year, according to officials.",
     {(None, "officials", "according to", False, "Growth will slow next year")}),
    # '..., saying ...' shares the subject of the verb it hangs from
    ("General Motors cut its prices on Monday, saying demand had weakened.",
     {("General Motors", "General Motors", "say", False, "demand had weakened")}),
    # a cue in the middle of the sentence it attributes
    ("Acts of protest, Barack Obama said, are acts of patriotism.",
     {("Barack Obama", "Barack Obama", "say", False, "Acts of protest, Barack Obama said, are acts of patriotism")}),
    # the object of a stance verb is the claim; a bare name is a relation instead
    ("Angela Merkel urged European leaders to agree on a common asylum policy.",
     {("Angela Merkel", "Angela Merkel", "urge", False, "European leaders to agree on a common asylum policy")}),
    ("Angela Merkel criticised Emmanuel Macron.", set()),
    ("Angela Merkel accused Emmanuel Macron of breaking the promise he made in Paris.",
     {("Angela Merkel", "Angela Merkel", "accuse", False, "Emmanuel Macron of breaking the promise he made in Paris")}),
    # words between the cue and its statement: the parser takes the statement for an adverbial clause
    ("Angela Merkel said after the summit she would not accept the offer.",
     {("Angela Merkel", "Angela Merkel", "say", False, "she would not accept the offer")}),
    ("Angela Merkel smiled when she said it.", set()),
    # cue verbs learned from annotated news: of reported speech and of stances, not of acts
    ("Angela Merkel pointed out that the plan would cost billions.",
     {("Angela Merkel", "Angela Merkel", "point", False, "the plan would cost billions")}),
    ("Angela Merkel denounced the decision to close the border.",
     {("Angela Merkel", "Angela Merkel", "denounce", False, "the decision to close the border")}),
    ("Angela Merkel declined to comment on the report.", set()),
    # the one a newspaper quotes is the speaker, not the newspaper
    ("The Financial Times quoted Angela Merkel as saying that the deal was off.",
     {("Angela Merkel", "Angela Merkel", "say", False, "the deal was off")}),
    ("Angela Merkel did not mention the border in her speech.", set()),
    ("Angela Merkel ordered a review of the border controls.", set()),
    # a stance needs an actor: a plan that "seeks" something is not a source
    ("The new approach seeks to balance security and growth.", set()),
]

# What went wrong in the content of judged claims of unseen news; each row:
# (text, expected (speaker entity or None, source words, rule, content) claims).
JUDGED_CASES = [
    # a cue set after a connective opens the statement; the connective and the cue are no part of it
    ("Jane Doe spoke on Monday. However, Jane Doe added, any rate increase is not likely until May.",
     {("Jane Doe", "Jane Doe", "reported", "any rate increase is not likely until May")}),
    # the statement ends where the reporter's question begins
    ('Tony Blair has told supporters he is "back" - but does that sum up the mood at the conference?',
     {("Tony Blair", "Tony Blair", "reported", 'he is "back')}),
    # ... and where a second statement begins, which is a claim of its own
    ("The WTO said there was no consensus among its members and emphasised that funding was available.",
     {("WTO", "WTO", "reported", "there was no consensus among its members"),
      ("WTO", "WTO", "reported", "funding was available")}),
    ("Jane Doe claimed the detention had harmed the detainees, saying two were in hospital.",
     {("Jane Doe", "Jane Doe", "reported", "the detention had harmed the detainees"),
      ("Jane Doe", "Jane Doe", "reported", "two were in hospital")}),
    # a question put to the speaker, or one the speaker asks, states nothing
    ("Asked why he thought the warnings were missing, Tom Smith said the dossier was clear.",
     {("Tom Smith", "Tom Smith", "reported", "the dossier was clear")}),
    ("Jane Doe asked if parents would vote for such a candidate.", set()),
    ("Jane Doe did not say whether the plan would go ahead.", set()),
    # a condition is no statement
    ("If Tom Smith says the plan is sound, the board will approve it.", set()),
    # ... though a statement may be conditional
    ("Tom Smith said that if rates rise, growth would slow.",
     {("Tom Smith", "Tom Smith", "reported", "if rates rise, growth would slow")}),
]


@pytest.mark.parametrize(("text", "expected"), SAID_CASES)
def test_reported_speech_stances_and_according_to(read, text, expected):
    assert said(read(text).claims) == expected


@pytest.mark.parametrize(("text", "expected"), JUDGED_CASES)
def test_statements_end_where_the_reporter_takes_over(read, text, expected):
    assert judged(read(text).claims) == expected

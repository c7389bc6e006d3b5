from __future__ import annotations

import pytest

from kg.extract.modality import modality

# (sentence, the verb as written, its modality: None for a plain statement of fact)
MODALITY_CASES = [
    # modal auxiliaries, contracted too, and up a control chain
    ("Acme may field a weaker side.", "field", "may"),
    ("Acme won't buy Widget Corp.", "buy", "will"),
    ("They'll sign him next week.", "sign", "will"),
    ("Acme will continue to strengthen its position.", "strengthen", "will"),
    # a verb coordinated under the same auxiliary shares it; one with its own does not lend it
    ("Acme will buy Widget Corp and sell the unit.", "sell", "will"),
    ("Acme bought Widget Corp and will sell the unit.", "bought", None),
    # periphrastic modals
    ("Acme is going to buy Widget Corp.", "buy", "going to"),
    ("The president is to visit France.", "visit", "be to"),
    ("Acme ought to sell the unit.", "sell", "ought"),
    ("Acme needs to cut costs.", "cut", "need"),
    ("Acme has to pay the fine.", "pay", "have to"),
    ("Tony Blair has yet to name the date of the election.", "name", "yet to"),
    # conditionals: the if-clause, the modal main clause, the present main clause
    ("If Acme buys Widget Corp, prices will rise.", "buys", "if"),
    ("Acme would leave the league unless the club pays.", "pays", "unless"),
    ("Acme would leave the league unless the club pays.", "leave", "would"),
    ("Acme raises prices if demand rises.", "raises", "if"),
    ("Acme will sign the deal provided the board agrees.", "agrees", "if"),
    ("In case the bid fails, Acme will sell the unit.", "fails", "if"),
    # wished, planned, expected, attempted, asked of others; object control too
    ("The minister wants the tax to drop.", "drop", "want"),
    ("The club wants the striker to sign a new deal.", "sign", "want"),
    ("Acme plans to buy Widget Corp.", "buy", "plan"),
    ("Acme announced plans to buy Widget Corp.", "buy", "plan"),
    ("Acme is expected to announce a deal.", "announce", "expect"),
    ("Acme is set to sign the striker.", "sign", "set"),
    ("Acme is due to open the plant.", "open", "due"),
    ("Acme is likely to win the title.", "win", "likely"),
    ("Acme is poised to take over Widget Corp.", "take", "poised"),
    ("Acme threatened to sue the council.", "sue", "threaten"),
    ("Acme failed to win the title.", "win", "fail"),
    ("Barack Obama urged Congress to pass the budget.", "pass", "urge"),
    ("Acme is said to have offered £5m for the player.", "offered", "say"),
    # questions, embedded questions, reports not vouched for
    ("Will Acme buy Widget Corp?", "buy", "question"),
    ('"Will we win the title?" he asked.', "win", "question"),
    ('"Will we win the title?" he asked.', "asked", None),
    ("Officials asked whether Acme bought Widget Corp.", "bought", "whether"),
    ("Acme reportedly bought Widget Corp.", "bought", "reportedly"),
    ("Kenteris has denied claims that he faked a motorbike crash.", "faked", "claim"),
    # reported speech: past 'would' stays, the saying and a that-clause under a modal do not change
    ("Smith said Acme would buy Widget Corp.", "buy", "would"),
    ("Smith said Acme would buy Widget Corp.", "said", None),
    ("Smith will argue that Acme bought Widget Corp.", "bought", None),
    # plain facts
    ("Acme has signed the striker.", "signed", None),
    ("Acme had won the title.", "won", None),
    ("The deal was approved by the board.", "approved", None),
    ("Acme is based in London.", "based", None),
    ("Jane Doe was appointed chief executive.", "appointed", None),
    ("Acme had to pay the fine.", "pay", None),
    ("Chelsea went on to win the title.", "win", None),
    ("He was wrong to give the tickets.", "give", None),
    ("It is a great honour to win the award.", "win", None),
    ("Maurice Greene could only finish second.", "finish", None),
    ("Acme keeps reserves in case of trouble.", "keeps", None),
    ("He told reporters that Acme bought Widget Corp.", "bought", None),
    # a present-tense act on a given day is still to come; a headline's present is past, a habit no day
    ("Tennis\nFederer won on Monday. He plays Rusedski in the second round on Wednesday.", "plays", "scheduled"),
    ("Tennis\nThe Lions leave for New Zealand on 24 May.", "leave", "scheduled"),
    ("Politics\nJane Doe says today that the deal is off.", "says", None),
    ("Politics\nJane Doe leads Acme this year.", "leads", None),
    ("Acme approves the merger on Monday", "approves", None),
    ("Exports rose. Chile exports steel every year.", "exports", None),
    # a clause with its own subject that a preposition talks about is no statement that it happened
    ("He is wrong about Britain winning the war.", "winning", "about"),
    # ... while an act after a preposition with no subject of its own is the sentence's
    ("Acme grew by buying Widget Corp.", "buying", None),
]


@pytest.mark.parametrize(("text", "verb", "expected"), MODALITY_CASES)
def test_modality(nlp, text, verb, expected):
    token = next(t for t in nlp(text) if t.text == verb)
    assert modality(token) == expected

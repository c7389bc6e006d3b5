from __future__ import annotations

import pytest

from kg.extract.claims import find_quotes

# (text, expected (speaker, cue, direct, content) claims)
CASES = [
    # straight quote, inverted cue after it
    ('"We will win this election," said Angela Merkel.',
     {("Angela Merkel", "say", True, "We will win this election")}),
    # curly quote, cue after the speaker
    ("“The deal is done,” Donald Trump told reporters on Friday.",
     {("Donald Trump", "tell", True, "The deal is done")}),
    # cue before the quote
    ('Angela Merkel said: "Europe must stand together in these hard times."',
     {("Angela Merkel", "say", True, "Europe must stand together in these hard times.")}),
    # reported speech with 'that'
    ("Angela Merkel said that Germany would support the plan.",
     {("Angela Merkel", "say", False, "Germany would support the plan")}),
    # reported speech with the cue at the end
    ("The economy is growing, Janet Yellen said on Tuesday.",
     {("Janet Yellen", "say", False, "The economy is growing")}),
    # a partial quote inside reported speech is one reported claim
    ('Boris Johnson said the deal was "done" and ready to sign.',
     {("Boris Johnson", "say", False, 'the deal was "done" and ready to sign')}),
    # other cue verbs keep their lemma
    ("Tim Cook confirmed that Apple would open a new plant.",
     {("Tim Cook", "confirm", False, "Apple would open a new plant")}),
    # pronoun speakers are left out rather than guessed
    ("He said that the plan was bad.", set()),
    # scare quotes are not statements
    ('The "trump card" was played by the team.', set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(read, text, expected):
    found = {(c.speaker.text, c.cue, c.direct, c.content) for c in read(text).claims}
    assert found == expected


def test_claim_offsets_point_at_the_content(read):
    text = 'Officials met.\n"Prices will fall next year," said Janet Yellen.'
    [claim] = read(text).claims
    assert text[claim.start : claim.end] == claim.content


def test_claim_lists_the_entities_it_mentions(read):
    [claim] = read("Angela Merkel said that Germany would support France.").claims
    assert {m.text for m in claim.mentions} == {"Germany", "France"}


def test_unbalanced_quote_never_swallows_the_article(read):
    text = ('Tony Blair said the "unfinished quote goes on and on.\n\n'
            "A new paragraph begins. Gordon Brown said the economy was strong.")
    claims = read(text).claims
    assert ("Gordon Brown", "the economy was strong") in {(c.speaker.text, c.content) for c in claims}
    assert all("\n" not in c.content for c in claims)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "one two three" and "four five six".', ["one two three", "four five six"]),
        ("“curly quote is here” and ‘single’.", ["curly quote is here"]),
        ('An "unclosed quote runs\non" here.', []),
        ('A "short" word.', []),
    ],
)
def test_find_quotes(text, quoted):
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted

from __future__ import annotations

import pytest

from tests.extract.claims import judged, said

# (text, expected (speaker entity or None, source words, cue, direct, content) claims)
SAID_CASES = [
    # straight quote, inverted cue after it
    ('"We will win this election," said Angela Merkel.',
     {("Angela Merkel", "Angela Merkel", "say", True, "We will win this election")}),
    # curly quote, cue after the speaker
    ("“The deal is done,” Donald Trump told reporters on Friday.",
     {("Donald Trump", "Donald Trump", "tell", True, "The deal is done")}),
    # cue before the quote
    ('Angela Merkel said: "Europe must stand together in these hard times."',
     {("Angela Merkel", "Angela Merkel", "say", True, "Europe must stand together in these hard times.")}),
    # a surname after the full name is the same person
    ('Janet Yellen arrived. "Rates will stay high for now," Yellen said.',
     {("Janet Yellen", "Yellen", "say", True, "Rates will stay high for now")}),
    # a quote signed with a dash, and a paragraph of an interview transcript
    ("“We need a change in this country.” ― Jane Doe", {("Jane Doe", "Jane Doe", "say", True, "We need a change in this country.")}),
    ("Jane Doe joined the show.\nDOE: We will not raise taxes next year.",
     {("Jane Doe", "DOE", "say", True, "We will not raise taxes next year.")}),
    # news-wire plain text writes quotation marks as doubled apostrophes
    ("''The museum is a gift to the nation,'' Barack Obama said.",
     {("Barack Obama", "Barack Obama", "say", True, "The museum is a gift to the nation")}),
    # scare quotes and titles of works are not statements
    ('The "trump card" was played by the team.', set()),
    ('Jane Doe appeared on "Face the Nation" on Sunday.', set()),
]

# What went wrong in judged quotes of unseen news; each row:
# (text, expected (speaker entity or None, source words, rule, content) claims).
JUDGED_CASES = [
    # quoted words someone talked about are a topic, not the nearest speaker's statement
    ('As Tom Smith went on about "how the system is rigged", Jane Doe said yes.', set()),
    # a quote left open where the next one starts ends there, not at the next mark
    (('"We played well in the first half. We deserved the win. "The fans were great all season," '
      "said Tom Smith. The 30-year-old also praised his coach."),
     {("Tom Smith", "Tom Smith", "quote", "We played well in the first half. We deserved the win."),
      ("Tom Smith", "Tom Smith", "quote", "The fans were great all season")}),
]


@pytest.mark.parametrize(("text", "expected"), SAID_CASES)
def test_direct_quotes_and_their_speakers(read, text, expected):
    assert said(read(text).claims) == expected


@pytest.mark.parametrize(("text", "expected"), JUDGED_CASES)
def test_quoted_words_that_are_no_statement_or_end_early(read, text, expected):
    assert judged(read(text).claims) == expected


def test_quote_the_attribution_interrupts_is_one_claim(read):
    text = '"Prices will fall," said Janet Yellen. "Wages will rise as a result of this."'
    [claim] = read(text).claims
    assert (claim.content, claim.speaker.name) == ("Prices will fall … Wages will rise as a result of this.", "Janet Yellen")
    assert text[claim.start : claim.end] == 'Prices will fall," said Janet Yellen. "Wages will rise as a result of this.'


def test_a_quote_before_a_titled_name_is_direct_even_when_the_parse_hangs_it_off_the_cue(read):
    text = ('“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday. '
            '“I want to assure our community that we will be transparent.”')
    [claim] = read(text).claims
    assert (claim.direct, claim.speaker.name) == (True, "Chuck Jordan")
    assert claim.content == "We will achieve justice in this case … I want to assure our community that we will be transparent."


def test_quote_continues_one_of_several_sentences(read):
    text = ('Janet Yellen spoke on Monday. "Prices will fall. Wages will rise," she said. '
            '"What matters is the labour market. Most people want work."')
    [claim] = [c for c in read(text).claims if c.direct]
    assert (claim.content, claim.speaker.name) == (
        "Prices will fall. Wages will rise … What matters is the labour market. Most people want work.", "Janet Yellen")


def test_quote_continues_one_too_short_to_be_a_quote(read):
    text = 'Janet Yellen spoke on Monday. "It hurts," Yellen said. "And we must find new ways to help the workers."'
    claims = {c.content: c.speaker.name for c in read(text).claims if c.direct}
    assert claims == {"And we must find new ways to help the workers.": "Janet Yellen"}


def test_quote_running_over_paragraphs_keeps_its_speaker(read):
    text = ('Janet Yellen spoke on Monday. "The first part of the statement is here,\n\n'
            '"and the second part follows in a new paragraph," she said.')
    claims = {c.content: c.speaker.name for c in read(text).claims}
    assert claims == {
        "The first part of the statement is here": "Janet Yellen",
        "and the second part follows in a new paragraph": "Janet Yellen",
    }


def test_claim_offsets_point_at_the_content(read):
    text = 'Officials met.\n"Prices will fall next year," said Janet Yellen.'
    [claim] = read(text).claims
    assert text[claim.start : claim.end] == claim.content


def test_unbalanced_quote_never_swallows_the_article(read):
    text = ('Tony Blair said the "unfinished quote goes on and on.\n\n'
            "A new paragraph begins. Gordon Brown said the economy was strong.")
    claims = read(text).claims
    assert ("Gordon Brown", "the economy was strong") in {(c.speaker.name, c.content) for c in claims}
    assert all("\n" not in c.content for c in claims)

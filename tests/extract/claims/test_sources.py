from __future__ import annotations

import pytest

from kg.extract.claims.sources import source_of
from kg.model import EntityClass, Mention
from tests.extract.claims import judged, said

# (text, expected (speaker entity or None, source words, cue, direct, content) claims)
SAID_CASES = [
    # a pronoun speaker is the person it refers to; 'he added' continues
    ("Gordon Brown spoke in London. He said the economy was strong. He added that taxes would fall.",
     {("Gordon Brown", "He", "say", False, "the economy was strong"),
      ("Gordon Brown", "He", "add", False, "taxes would fall")}),
    # a description speaker resolves to the organisation named earlier
    ("The Ministry of Finance published its budget. The ministry said spending would rise.",
     {("Ministry of Finance", "The ministry", "say", False, "spending would rise")}),
    # a source that names no entity keeps its words and no speaker
    ("Officials said the bridge would reopen in May.",
     {(None, "Officials", "say", False, "the bridge would reopen in May")}),
    # a pronoun with no antecedent in the article is never made a speaker
    ("He said that the plan was bad.", {(None, "He", "say", False, "the plan was bad")}),
    # the parser may take the quote's first words for the subject; the speaker is next to the cue
    ('"Full panic mode," said Leslie Wimes, a party official.',
     {("Leslie Wimes", "Leslie Wimes", "say", True, "Full panic mode")}),
    # a cue hanging from someone else's words: the object speaks ('forced X to admit'), the footage
    # shows who speaks, the noun a participle describes is the source
    ("Senator Jane Doe forced Tim Cook to admit that sales had fallen.",
     {("Tim Cook", "Tim Cook", "admit", False, "sales had fallen")}),
    ('The ad uses footage of Barack Obama asking, "Why are we still waiting for this?"',
     {("Barack Obama", "footage of Barack Obama", "ask", True, "Why are we still waiting for this?")}),
    ("Jane Doe used the debate to claim that the economy was weak.",
     {("Jane Doe", "Jane Doe", "claim", False, "the economy was weak")}),
    # a misparse that gives the cue two subjects: the nearer one speaks
    ("His promises notwithstanding, independent analyses agree the top earners would gain most.",
     {(None, "independent analyses", "agree", False, "the top earners would gain most")}),
]

# What went wrong in the sources of judged claims of unseen news; each row:
# (text, expected (speaker entity or None, source words, rule, content) claims).
JUDGED_CASES = [
    # the writer or a reader speaking in the first person is no reported speaker
    ("I think the plan will fail.", set()),
    ("Let's hope the council changes its mind.", set()),
    ("We must be seen to be walking the walk, and how can we accuse other countries of abuses?", set()),
    # a third person pronoun nobody is clearly meant by keeps its words, under a rule of its own
    ('"We will appeal the ruling," he said.', {(None, "he", "quote-pronoun", "We will appeal the ruling")}),
    # ... and so does a group no one can name
    ("Most believe the seat is Labour's for the taking.",
     {(None, "Most", "reported-pronoun", "the seat is Labour's for the taking")}),
    ("A lot of people think they are governed badly.",
     {(None, "A lot of people", "reported-pronoun", "they are governed badly")}),
    ("Some people say the mine should close.", {(None, "Some people", "reported-pronoun", "the mine should close")}),
    # ... and so is what a relative pronoun stands for
    ("The union released an advert that urges members to reject the offer.",
     {(None, "an advert", "stance", "members to reject the offer")}),
    # a group described by what it is is a source the article describes, like 'officials'
    ("Several environmental groups said the mine should close.",
     {(None, "Several environmental groups", "reported", "the mine should close")}),
    # 'it' after a subject that is no entity ('a report') is that, not the company named in it
    ("A report by the consultancy Ovum predicted strong growth. It says that tablets will outsell laptops.",
     {(None, "It", "reported-pronoun", "tablets will outsell laptops")}),
    # ... and the organisation that was the subject just before
    ("Acme Corp reported record sales on Monday. It said demand had doubled.",
     {("Acme Corp", "It", "reported-reference", "demand had doubled"),
      ("Acme Corp", "Acme Corp", "stance", "record sales on Monday")}),
    # the speaker is the last subject of a main clause, not someone named in the quote
    ('Speaking in court, Tom Smith rejected the allegations. Mr Jones "made every decision," he told the court.',
     {("Tom Smith", "Tom Smith", "stance", "the allegations"),
      ("Tom Smith", "he", "reported-reference", 'Mr Jones "made every decision')}),
    # ... nor someone only mentioned in what the last speaker said
    ('Tom Smith said that he and Peter Brown had become close friends. "He was a man of great courage," he said.',
     {("Tom Smith", "Tom Smith", "reported", "he and Peter Brown had become close friends"),
      ("Tom Smith", "he", "quote-reference", "He was a man of great courage")}),
    # the last speaker is no entity ('the company's spokesman'): nobody, rather than the person before
    (('Jane Doe met union leaders on Monday. The company\'s spokesman said talks would continue. '
      'But he added: "No deal is close yet."'),
     {(None, "The company's spokesman", "reported", "talks would continue"),
      (None, "he", "quote-pronoun", "No deal is close yet.")}),
    # two people said it together: neither is the speaker, nor what 'he' stands for next
    ("Tony Blair and Gordon Brown said the party was united. He said the campaign would start soon.",
     {(None, "Tony Blair and Gordon Brown", "reported", "the party was united"),
      (None, "He", "reported-pronoun", "the campaign would start soon")}),
    # a quote after a sentence that reports someone else's own statement is still the quote's speaker's
    (('"It was a shock to all of us," Tom Smith said. "He was a decent man who helped me.\n\n'
      '"The party will be poorer without him." Peter Brown said that he and Tom Smith had been friends.'),
     {("Tom Smith", "Tom Smith", "quote", "It was a shock to all of us … He was a decent man who helped me."),
      ("Tom Smith", "Tom Smith", "quote", "The party will be poorer without him."),
      ("Peter Brown", "Peter Brown", "reported", "he and Tom Smith had been friends")}),
    # a quote introduced after a statement about someone else is the speaker's, not that someone's
    ('Jane Doe said Tom Smith had shown he could lead the party: "I think every voter will see that soon."',
     {("Jane Doe", "Jane Doe", "reported", "Tom Smith had shown he could lead the party"),
      ("Jane Doe", "Jane Doe", "quote", "I think every voter will see that soon.")}),
    # 'the foreign secretary' is not the person introduced as home secretary
    ("Home Secretary Tom Smith spoke first. The foreign secretary said the treaty was safe.",
     {(None, "The foreign secretary", "reported", "the treaty was safe")}),
    # only part of a name taken for an organisation speaks for nobody
    ("Swiss Re believes that the cost would be substantial.",
     {(None, "Swiss Re", "reported", "the cost would be substantial")}),
]


@pytest.mark.parametrize(("text", "expected"), SAID_CASES)
def test_sources_named_referred_to_or_only_words(read, text, expected):
    assert said(read(text).claims) == expected


@pytest.mark.parametrize(("text", "expected"), JUDGED_CASES)
def test_judged_pronoun_sources_and_speakers(read, text, expected):
    assert judged(read(text).claims) == expected


def test_two_people_in_view_leave_a_pronoun_unresolved(read):
    text = "The talks between Tony Blair and Gordon Brown ended.\nHe said the talks went well."
    [claim] = read(text).claims
    assert claim.speaker is None and claim.source.text == "He"


def test_surname_the_tagger_missed_is_the_person_named_in_full(nlp):
    doc = nlp("Jane Doe arrived on Monday. Doe said the plan was bad.")
    full = Mention(text="Jane Doe", cls=EntityClass.Person, start=0, end=8)
    cue = next(t for t in doc if t.lower_ == "said")
    speaker, source = source_of(cue, {0: full, 1: full})
    assert (speaker, source.text) == (full, "Doe")


@pytest.mark.parametrize(("text", "words", "description"), [
    ("Officials said the mine would close.", "Officials", True),
    ("Two people familiar with the talks said the mine would close.", "Two people familiar with the talks", True),
    ("Jane Doe said the mine would close.", "Jane Doe", False),
    ("He said the mine would close.", "He", False),
    ("Many said the mine would close.", "Many", False),
    ("Some people said the mine would close.", "Some people", False),
    ("Republicans said the mine would close.", "Republicans", True),
])
def test_a_source_describes_someone_only_with_common_nouns(read, text, words, description):
    [claim] = read(text).claims
    assert (claim.source.text, claim.source.description) == (words, description)

from __future__ import annotations

import pytest

# (text, expected (speaker entity or None, source words, cue, direct, content) claims)
CASES = [
    # straight quote, inverted cue after it
    ('"We will win this election," said Angela Merkel.',
     {("Angela Merkel", "Angela Merkel", "say", True, "We will win this election")}),
    # curly quote, cue after the speaker
    ("“The deal is done,” Donald Trump told reporters on Friday.",
     {("Donald Trump", "Donald Trump", "tell", True, "The deal is done")}),
    # cue before the quote
    ('Angela Merkel said: "Europe must stand together in these hard times."',
     {("Angela Merkel", "Angela Merkel", "say", True, "Europe must stand together in these hard times.")}),
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
    # a pronoun speaker is the person it refers to; 'he added' continues
    ("Gordon Brown spoke in London. He said the economy was strong. He added that taxes would fall.",
     {("Gordon Brown", "He", "say", False, "the economy was strong"),
      ("Gordon Brown", "He", "add", False, "taxes would fall")}),
    # a surname after the full name is the same person
    ('Janet Yellen arrived. "Rates will stay high for now," Yellen said.',
     {("Janet Yellen", "Yellen", "say", True, "Rates will stay high for now")}),
    # a description speaker resolves to the organisation named earlier
    ("The Ministry of Finance published its budget. The ministry said spending would rise.",
     {("Ministry of Finance", "The ministry", "say", False, "spending would rise")}),
    # 'according to X', either side of the clause
    ("According to the World Bank, growth will slow next year.",
     {("World Bank", "World Bank", "according to", False, "growth will slow next year")}),
    ("Growth will slow next year, according to officials.",
     {(None, "officials", "according to", False, "Growth will slow next year")}),
    # '..., saying ...' shares the subject of the verb it hangs from
    ("General Motors cut its prices on Monday, saying demand had weakened.",
     {("General Motors", "General Motors", "say", False, "demand had weakened")}),
    # a source that names no entity keeps its words and no speaker
    ("Officials said the bridge would reopen in May.",
     {(None, "Officials", "say", False, "the bridge would reopen in May")}),
    # a pronoun with no antecedent in the article is never made a speaker
    ("He said that the plan was bad.", {(None, "He", "say", False, "the plan was bad")}),
    # a cue in the middle of the sentence it attributes
    ("Acts of protest, Barack Obama said, are acts of patriotism.",
     {("Barack Obama", "Barack Obama", "say", False, "Acts of protest, Barack Obama said, are acts of patriotism")}),
    # the object of a stance verb is the claim; a bare name is a relation instead
    ("Angela Merkel urged European leaders to agree on a common asylum policy.",
     {("Angela Merkel", "Angela Merkel", "urge", False, "European leaders to agree on a common asylum policy")}),
    ("Angela Merkel criticised Emmanuel Macron.", set()),
    # a stance needs an actor: a plan that "seeks" something is not a source
    ("The new approach seeks to balance security and growth.", set()),
    # a quote signed with a dash, and a paragraph of an interview transcript
    ("“We need a change in this country.” ― Jane Doe", {("Jane Doe", "Jane Doe", "say", True, "We need a change in this country.")}),
    ("Jane Doe joined the show.\nDOE: We will not raise taxes next year.",
     {("Jane Doe", "DOE", "say", True, "We will not raise taxes next year.")}),
    # news-wire plain text writes quotation marks as doubled apostrophes
    ("''The museum is a gift to the nation,'' Barack Obama said.",
     {("Barack Obama", "Barack Obama", "say", True, "The museum is a gift to the nation")}),
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
    # scare quotes and titles of works are not statements
    ('The "trump card" was played by the team.', set()),
    ('Jane Doe appeared on "Face the Nation" on Sunday.', set()),
]


# What went wrong in judged claims of unseen news, one table per cause; each row: (text, expected
# (speaker entity or None, source words, rule, content) claims).
PRONOUN_SOURCE_CASES = [
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
    # 'it' after a subject that is no entity ('a report') is that, not the company named in it
    ("A report by the consultancy Ovum predicted strong growth. It says that tablets will outsell laptops.",
     {(None, "It", "reported-pronoun", "tablets will outsell laptops")}),
    # ... and the organisation that was the subject just before
    ("Acme Corp reported record sales on Monday. It said demand had doubled.",
     {("Acme Corp", "It", "reported-reference", "demand had doubled"),
      ("Acme Corp", "Acme Corp", "stance", "record sales on Monday")}),
]

SPEAKER_CASES = [
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
     {("Tom Smith", "Tom Smith", "quote", "It was a shock to all of us"),
      ("Tom Smith", "Tom Smith", "quote", "He was a decent man who helped me."),
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

CUE_CASES = [
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
    # a stance needs a holder who is an entity
    ("Officials urged residents to leave their homes.", set()),
]

CONTENT_CASES = [
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
    # quoted words someone talked about are a topic, not the nearest speaker's statement
    ('As Tom Smith went on about "how the system is rigged", Jane Doe said yes.', set()),
    # a quote left open where the next one starts ends there, not at the next mark
    (('"We played well in the first half. We deserved the win. "The fans were great all season," '
      "said Tom Smith. The 30-year-old also praised his coach."),
     {("Tom Smith", "Tom Smith", "quote", "We played well in the first half. We deserved the win."),
      ("Tom Smith", "Tom Smith", "quote", "The fans were great all season")}),
]


@pytest.mark.parametrize(
    ("text", "expected"), PRONOUN_SOURCE_CASES + SPEAKER_CASES + CUE_CASES + CONTENT_CASES
)
def test_judged_causes(read, text, expected):
    found = {
        (c.speaker.name if c.speaker else None, c.source.text, c.evidence.rule, c.content)
        for c in read(text).claims
    }
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims(read, text, expected):
    found = {
        (c.speaker.name if c.speaker else None, c.source.text, c.cue, c.direct, c.content)
        for c in read(text).claims
    }
    assert found == expected


def test_quote_continued_in_the_next_sentence_keeps_its_speaker(read):
    text = '"Prices will fall," said Janet Yellen. "Wages will rise as a result of this."'
    claims = {c.content: c.speaker.name for c in read(text).claims}
    assert claims == {"Prices will fall": "Janet Yellen", "Wages will rise as a result of this.": "Janet Yellen"}


def test_quote_running_over_paragraphs_keeps_its_speaker(read):
    text = ('Janet Yellen spoke on Monday. "The first part of the statement is here,\n\n'
            '"and the second part follows in a new paragraph," she said.')
    claims = {c.content: c.speaker.name for c in read(text).claims}
    assert claims == {
        "The first part of the statement is here": "Janet Yellen",
        "and the second part follows in a new paragraph": "Janet Yellen",
    }


def test_two_people_in_view_leave_a_pronoun_unresolved(read):
    text = "The talks between Tony Blair and Gordon Brown ended.\nHe said the talks went well."
    [claim] = read(text).claims
    assert claim.speaker is None and claim.source.text == "He"


def test_negated_and_hedged_claims_keep_it_on_the_record(read):
    [claim] = read("Tim Cook did not confirm that Apple would open a plant.").claims
    assert claim.evidence.negated
    [claim] = read("Tim Cook would say that the plant is safe.").claims
    assert claim.evidence.modality == "would"


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
    assert ("Gordon Brown", "the economy was strong") in {(c.speaker.name, c.content) for c in claims}
    assert all("\n" not in c.content for c in claims)

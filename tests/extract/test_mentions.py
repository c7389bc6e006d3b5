from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Angela Merkel met Emmanuel Macron in Paris.",
         [("Angela Merkel", "Person"), ("Emmanuel Macron", "Person"), ("Paris", "GeopoliticalEntity")]),
        ("The Ministry of Mines said on Thursday that prices rose 5 percent.",
         [("Ministry of Mines", "GovernmentBody")]),  # leading 'The' dropped; date and figure are not entities
        ("Germany's exports fell.", [("Germany", "Country")]),  # possessive dropped
        # a nationality is a mention of its country, not an entity of its own
        ("Chilean officials visited the U.S. in May.", [("Chilean", "Country"), ("U.S.", "Country")]),
        ("He said they would go there.", []),  # pronouns never become entities
        # a one-word 'person' listed only with organisations is one; a first name stays a person
        ("Suppliers serve the three major automakers, GM, Ford and Brennatek, in the US.",
         [("GM", "Organization"), ("Ford", "Organization"), ("Brennatek", "Organization"), ("US", "Country")]),
        ("The prize went to Apple, Google and Jane.",
         [("Apple", "Organization"), ("Google", "Organization"), ("Jane", "Person")]),
        # title-case headline words the article writes in lower case are no part of a name
        ("Jane Doe Resigns From Board\nJane Doe resigns after the vote.", [("Jane Doe", "Person")]),
        # regression: spaCy tagged '> ’s ’s' as an ORG, whose name normalises to nothing
        ("<script> ’s ’s Paris", [("Paris", "GeopoliticalEntity")]),
        # a title is a role, not part of the name; a name after a title is a person even when the
        # tagger misses it or it looks like a pronoun
        ("Ministry spokesperson He Lin told a briefing that talks would resume.", [("He Lin", "Person")]),
        # web-page furniture is not a name
        ("LEAVE A REPLY\nMonitoring Desk\nAngela Merkel spoke.", [("Angela Merkel", "Person")]),
    ],
)
def test_mentions(read, text, expected):
    assert [(m.text, m.cls) for m in read(text).mentions] == expected


def test_mention_offsets_point_at_the_surface_form(read):
    text = "Yesterday the European Commission fined Google."
    for mention in read(text).mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("label", ["EVENT", "ORG", "PERSON", "GPE", "WORK_OF_ART"])
def test_an_entity_span_of_punctuation_only_is_no_mention(nlp, label):
    """The tagger once marked "'" and two line breaks as an EVENT (a BBC article): no name, no crash."""
    from spacy.tokens import Span

    from kg.extract.mentions import mention_from_span

    doc = nlp("He said it was over.'\n\nThe end came later.")
    quote = next(t for t in doc if t.text == "'")
    span = Span(doc, quote.i, quote.i + 2, label=label)
    assert mention_from_span(span) is None

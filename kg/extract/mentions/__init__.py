"""Named-entity mentions: spaCy's entities, cleaned and typed into ontology classes.

Numbers, dates, money and quantities are figures, not entities; a nationality ('Chilean
officials') is a mention of its country, never an entity of its own. Pronouns, determiners and bare
common nouns never become mentions.

A mention is the name of one thing: scores stuck to it are cut off ('Rafael Nadal 6-2'), two names
run together are two ('Leeds v Burnley'), and common nouns ('the federal court', 'the next Labour
government') and fragments of longer names ('the Bank', 'AG', 'Stars on') are none. Its class is the
tagger's label checked against the name itself, in the order of `classes.class_of`: the noun before it
('the film X'), the shape of a person's name ('G Rowntree', 'Cesc Fabregas'), the last word of an
organisation or a place ('Munich Re', 'Leeds United'), and the words that confirm a facility, an
event, a product or a law ('Millennium Stadium', 'Davis Cup', 'Nokia 6600', 'Kyoto Protocol').
The small model's facilities, products, works and events are right only a third of the time, so
without such words they are plain kg:Entity: named things of unsure kind.

- cleaning.py: spaCy's entities cleaned into names (cut, split, trimmed, or no name at all);
- classes.py: the class of a name, from the tagger's label checked against the name's words;
- person_names.py: what a person's name looks like, and names after a position word.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.doc_lookups import text_of
from kg.extract.headlines import (
    headline_parts,
    lower_case_words,
    without_headline_words,
)
from kg.extract.mentions.classes import (
    LABEL_CLASSES,
    ArticleEvidence,
    article_evidence,
    class_of,
    typed_like_conjuncts,
)
from kg.extract.mentions.cleaning import (
    clean_name,
    country_of_nationality,
    has_pronoun,
    is_capitalised_common_phrase,
    is_common_noun_phrase,
    is_fragment,
    is_page_furniture,
    is_title_modifier,
    nationality_of,
    separate_names,
    with_event_ending,
    without_common_words,
    without_figures,
    without_leading_adjectives,
    without_trailing_verb,
)
from kg.extract.mentions.person_names import (
    is_person_name,
    signed_names,
    starts_with_initial_a,
    titled_names,
    with_initial,
    without_description,
    without_title,
)
from kg.extract.places import place_mentions
from kg.lexicon.names import normalise
from kg.lexicon.titles import is_honorific_or_rank
from kg.model import EntityClass, Mention


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One Mention per usable named entity of `doc`, in text order."""
    lower_case = lower_case_words(doc)
    spans = [part for ent in doc.ents for part in headline_parts(with_initial(with_event_ending(ent)), lower_case)]
    spans = [name for span in spans for name in separate_names(span)]
    evidence = article_evidence(doc, spans)
    found = [m for m in (mention_from_span(span, evidence=evidence) for span in spans) if m is not None]
    found = [m for m in found if not is_capitalised_common_phrase(m, text_of(doc))]
    found = without_common_words(found, doc, lower_case)
    found = without_headline_words(found, text_of(doc))
    found = typed_like_conjuncts(found, doc)
    found += titled_names(doc)
    # 'Chisholm, Minn.': the pair says what both words are, whatever the tagger took them for; and
    # so does a quote's signature ('"..." ― Jane Q Doe')
    said = place_mentions(doc) + signed_names(doc)
    found = [m for m in found if not any(p.start < m.end and m.start < p.end for p in said)] + said
    yield from sorted(found, key=lambda m: m.start)


def mention_from_span(span: Span, *, evidence: ArticleEvidence = ArticleEvidence()) -> Mention | None:
    nationality = nationality_of(span)
    if nationality is not None:
        return country_of_nationality(*nationality)
    if span.label_ not in LABEL_CLASSES or has_pronoun(span) or is_page_furniture(span):
        return None
    if is_common_noun_phrase(span):
        return None  # 'the federal court', 'the next Labour government'
    unscored = without_leading_adjectives(without_trailing_verb(span))
    name = without_figures(unscored)
    if name is not unscored and is_person_name(clean_name(name.text, 0)[0].split()):
        # 'Karol Brisk 4-6 6-3': a person's name with a score stuck on is a player's
        evidence = replace(evidence, people=evidence.people | {name[-1].text})
    text, start = clean_name(name.text, name.start_char, initial=starts_with_initial_a(name))
    if not text.split():
        return None  # cleaning left nothing ('&', '-', a figure alone)
    cls = class_of(name, text, evidence)
    if cls == EntityClass.Person:
        text, start = without_description(*without_title(text, start))
    if not any(ch.isalpha() for ch in normalise(text)) or "\n" in text:
        return None  # nothing of a name is left ('> ’s')
    if len(text) == 1 or (text.islower() and " " not in text):  # "a", "trade": not a name
        return None
    if " " not in text and is_honorific_or_rank(text):  # 'Dr', 'Lt.': a title whose name was cut off
        return None
    if is_fragment(text):
        return None  # 'Bank' of 'Bank of England', 'AG', 'Stars on' of 'Stars on Thin Ice'
    if span.label_ == "ORG" and is_title_modifier(span):
        return None  # "Commerce" in "Commerce Minister X" is part of a title, not a name
    return Mention(text=text, cls=cls, start=start, end=start + len(text))

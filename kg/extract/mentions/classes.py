"""The ontology class of a name: the tagger's label checked, in the order of `class_of`, against the
noun before it ('the film X'), the shape of a person's name, the last word of an organisation or a
place and the words that confirm a facility, an event, a product or a law; and what the whole
article says of its names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from kg.extract.doc_lookups import tokens_where
from kg.extract.mentions.cleaning import LEADING_WORDS, clean_name
from kg.extract.mentions.person_names import (
    SURE_LABELS,
    after_courtesy_title,
    is_person,
)
from kg.lexicon.geo import is_country
from kg.lexicon.name_words import (
    AWARD_WORDS,
    CREATIVE_WORK_NOUNS,
    EVENT_WORDS,
    FACILITY_WORDS,
    OCCASION_WORDS,
    ORDINAL_WORDS,
    ORGANISATION_END_WORDS,
    ORGANISATION_FACILITY_WORDS,
    POLICY_WORDS,
    PRODUCT_NOUNS,
    TOPICAL_POLICY_WORDS,
    bare_word,
)
from kg.lexicon.names import is_first_name, person_gender
from kg.lexicon.organisations import (
    COMPANY_WORDS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    RESEARCH_WORDS,
)
from kg.lexicon.titles import HONORIFICS
from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, EntityClass, Mention

# spaCy (OntoNotes) label -> ontology class. Labels not listed are not entities.
LABEL_CLASSES = {
    "PERSON": EntityClass.Person,
    "ORG": EntityClass.Organization,
    "GPE": EntityClass.GeopoliticalEntity,
    "LOC": EntityClass.Location,
    "FAC": EntityClass.Facility,
    "PRODUCT": EntityClass.Product,
    "EVENT": EntityClass.Event,
    "LAW": EntityClass.Policy,
    "WORK_OF_ART": EntityClass.CreativeWork,
    # not spaCy's: one of two names the tagger ran together ('Leeds v Sheffield'); its kind is unsure
    "NAME": EntityClass.Entity,
}
# Labels the small model gets right about a third of the time on news (bench/precision, BBC): their
# class stands only when the name's own words confirm it, else the name is a plain kg:Entity.
UNSURE_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NAME"})
# Labels a person's name may be mistaken for (a law named after a person is still a law: 'Marshall Plan').
NOT_PERSON_LABELS = SURE_LABELS | UNSURE_LABELS
# A model or version number ending a name ('Nokia 6600', 'Firefox 1.0', 'Airbus A380'), not a year.
MODEL_NUMBER = re.compile(r"^(?=[A-Z]*\d)(?:[A-Z]{0,3}\d{3,}[A-Z]?|\d+\.\d+)$")
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class ArticleEvidence:
    """What the whole article says of its names, beyond the sentence one of them stands in."""

    # names the tagger called a person (and the surnames of those with a known first name:
    # 'Cingular Wireless' is no evidence), and words after a courtesy title ('Mr Cable')
    people: frozenset[str] = frozenset()
    # names the article describes somewhere: 'the film Vera Drake' -> CreativeWork
    kinds: Mapping[str, str] = field(default_factory=dict)


def article_evidence(doc: Doc, spans: list[Span]) -> ArticleEvidence:
    people = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            people.add(ent.text)
            if len(ent) > 1 and is_first_name(ent[0].text):
                people.add(ent[-1].text)
    people.update(t.nbor().text for t in tokens_where(doc, LOWER, HONORIFICS) if t.i + 1 < len(doc) and t.nbor().is_title)
    kinds = {}
    for span in spans:
        kind = _described_as(span)
        if kind is not None:
            kinds[clean_name(span.text, 0)[0]] = kind
    return ArticleEvidence(people=frozenset(people), kinds=kinds)


def class_of(name: Span, text: str, evidence: ArticleEvidence) -> str:
    """The ontology class of a name: the tagger's label, checked against the name's own words, the
    noun right before it and what the article says of it. The checks run in this order."""
    label, words = name.label_, text.split()
    cls = LABEL_CLASSES[label]
    described = evidence.kinds.get(text)
    worded = _class_from_words(words)
    if described is not None:
        return described  # 'the film Vera Drake' (here or elsewhere in the article), 'the browser Firefox'
    if label in NOT_PERSON_LABELS and is_person(words, label, evidence.people):
        return EntityClass.Person  # 'Cate Blanchett' or 'G Rowntree' tagged as an organisation or a place
    if label in NOT_PERSON_LABELS and after_courtesy_title(name, words):
        return EntityClass.Person  # 'Lord Butler' with only 'Butler' tagged, as an organisation
    last = bare_word(words[-1])
    if label == "PERSON":
        # 'Munich Re', 'Lib Dems': a person's name does not end with an organisation's word
        return organisation_class(text) if last in ORGANISATION_END_WORDS else cls
    if label == "PRODUCT" and (len(words) > 1 and any(ch.isdigit() for ch in words[-1]) or MODEL_NUMBER.match(text)):
        return EntityClass.Product  # 'PlayStation 3', 'Rover 75', 'A380'
    if label in UNSURE_LABELS:
        # 'Millennium Stadium' is a facility, 'Davis Cup' an event; 'Grand Slam' only a named thing
        kind = organisation_class(text)
        return worded or (kind if kind != EntityClass.Organization else GENERIC_CLASS)
    if label == "ORG":
        # 'Davis Cup', 'Nokia 6600', 'Good Friday Agreement', 'Booker Prize', 'Wembley Stadium' tagged
        # as organisations ('Stop the War' is a campaign, 'White House' an office)
        occasion_or_site = last in OCCASION_WORDS | ORGANISATION_FACILITY_WORDS
        if worded in (EntityClass.Product, EntityClass.Policy, GENERIC_CLASS) or (worded is not None and occasion_or_site):
            return worded
        return organisation_class(text)
    if label in ("GPE", "LOC") and last in ORGANISATION_END_WORDS:
        return organisation_class(text)  # 'Leeds United' tagged as a place
    if cls == EntityClass.GeopoliticalEntity and is_country(text):
        return EntityClass.Country
    return cls


def _class_from_words(words: list[str]) -> str | None:
    """The class a name's own words confirm: a model number ('Nokia 6600') is a product; the last
    word, or the word before 'of'/'on', names a facility ('Millennium Stadium', 'Palace of
    Westminster'), an event ('Davis Cup', 'War of Independence') or a law ('Kyoto Protocol',
    'Convention on Human Rights')."""
    if len(words) > 1 and MODEL_NUMBER.match(words[-1]) and not YEAR.match(words[-1]):
        return EntityClass.Product
    bare = [bare_word(word) for word in words]
    if len(bare) > 1 and bare[-1] in ORDINAL_WORDS:
        bare = bare[:-1]  # 'World War II'
    heads = {bare[-1]}
    topic_heads = set()
    for before, word in zip(bare, bare[1:]):
        if word in ("of", "on"):
            topic_heads.add(before)
            break
    heads |= topic_heads
    for cls, cue_words in ((EntityClass.Facility, FACILITY_WORDS), (EntityClass.Event, EVENT_WORDS), (EntityClass.Policy, POLICY_WORDS),
                           (GENERIC_CLASS, AWARD_WORDS)):
        # a lone 'Bridge' or 'Park' is more often a surname; a lone 'Olympics' is the event
        if heads & cue_words and (len(bare) > 1 or cls == EntityClass.Event):
            return cls
    return EntityClass.Policy if topic_heads & TOPICAL_POLICY_WORDS else None


def _described_as(name: Span) -> str | None:
    """The class the noun right before a name gives it: 'the film Vera Drake', 'titled Stars on Thin
    Ice' (a creative work), 'the browser Firefox' (a product)."""
    first = name.start + (1 if name[0].lower_ in LEADING_WORDS else 0)
    if first == 0:
        return None
    before = name.doc[first - 1]
    if not before.is_lower or (before.pos_ != "NOUN" and before.lower_ not in ("titled", "entitled")):
        return None
    if name.root.head != before and before.head not in name:
        return None  # 'the show Jonathan Ross once hosted': the noun is not the name's
    if any(child.tag_ == "JJS" for child in before.children):
        return None  # 'the best film Oscar': a category, not what the name is
    if before.lower_ in CREATIVE_WORK_NOUNS:
        return EntityClass.CreativeWork
    if before.lower_ in PRODUCT_NOUNS:
        return EntityClass.Product
    return None


def organisation_class(name: str) -> str:
    """The most specific organisation class its name reveals, else Organization."""
    words = set(re.findall(r"[\w.&-]+", name.lower()))
    for cls, cue_words in (
        (EntityClass.GovernmentBody, GOVERNMENT_WORDS),
        (EntityClass.ResearchOrganization, RESEARCH_WORDS),
        (EntityClass.MediaOrganization, MEDIA_WORDS),
        (EntityClass.Company, COMPANY_WORDS),
    ):
        if words & cue_words:
            return cls
    return EntityClass.Organization


def typed_like_conjuncts(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'GM, Ford and Brennatek': a one-word 'person' listed mostly with organisations, and with no
    person, is an organisation too (unless it is a known first name)."""
    spans = {m: doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    by_token = {t.i: m for m, span in spans.items() if span is not None for t in span}
    typed = []
    for mention in mentions:
        span = spans[mention]
        if mention.cls == EntityClass.Person and span is not None and len(span) == 1 and person_gender(mention.text) is None:
            listed = [by_token[t.i] for t in span.root.conjuncts if t.i in by_token]
            organisations = [m for m in listed if m.cls in ORGANISATION_CLASSES]
            # most of the list are organisations and nobody in it is a person
            if 2 * len(organisations) >= len(listed) > 0 and all(m.cls != EntityClass.Person for m in listed):
                cls = EntityClass.Company if any(m.cls == EntityClass.Company for m in organisations) else EntityClass.Organization
                mention = Mention(text=mention.text, cls=cls, start=mention.start, end=mention.end)
        typed.append(mention)
    return typed

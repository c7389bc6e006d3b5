"""Positions people hold and the organisation they hold them in.

Four sentence shapes:
- appositive: "Jane Doe, a spokeswoman for the ministry, ...", "the ministry's spokesman, Jane Doe";
- title before the name: "Commerce Minister Jane Doe", "White House economic adviser Jane Doe";
- copula: "Jane Doe is the president of Acme" (also "She is ...");
- affiliation: "Jane Doe of Acme Corp" (works for, title unknown).
The organisation is an entity of the phrase (for/of/at-object, possessive, or a name inside the
title) or, for a bare word like "Ministry Spokesperson", the last organisation of the article whose
name has that word, so the passage decides which ministry is meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.doc_lookups import sentence, sentence_of
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.lexicon.descriptions import COMPANY_NOUNS
from kg.lexicon.names import normalise
from kg.lexicon.organisations import GOVERNMENT_WORDS, RESEARCH_WORDS
from kg.lexicon.titles import HONORIFICS, ROLE_WORDS, is_title_word, role_kind
from kg.model import (
    ORGANISATION_CLASSES,
    EntityClass,
    Evidence,
    Mention,
    RelationKind,
    Role,
)

ORGANISATION_PREPOSITIONS = frozenset({"for", "of", "at", "with", "from", "to"})
AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "from", "with"})
# Where a role's organisation may also be a place: "the mayor of Paris", "Chile's minister".
PLACE_EMPLOYERS = frozenset({EntityClass.Country, EntityClass.GeopoliticalEntity})
EMPLOYER_CLASSES = ORGANISATION_CLASSES | PLACE_EMPLOYERS
# Words that qualify a position without naming what it is of: 'vice president', 'acting chairman'.
TITLE_MODIFIERS = frozenset("vice deputy assistant acting chief senior associate executive managing general "
                            "former interim co".split())
# Positions held in a country or a town rather than in a company ('the mayor of Paris', 'Illinois
# Gov. James Thompson', 'Chile's mines minister', 'US ambassador').
PUBLIC_OFFICE_WORDS = frozenset(
    "president premier chancellor governor gov. mayor leader king queen ruler minister secretary "
    "ambassador envoy senator sen. congressman congresswoman lawmaker representative rep. official "
    "officials diplomat commissioner prosecutor judge general admiral spokesman spokeswoman "
    "spokesperson".split())
ORGANISATION_KIND_WORDS = GOVERNMENT_WORDS | RESEARCH_WORDS | COMPANY_NOUNS
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
MAX_TITLE_TOKENS = 6


def extract_roles(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Role]:
    for person in dict.fromkeys(m for _, m in sorted(mentions.items())):
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if person.cls != EntityClass.Person or span is None or span.root.pos_ == "NOUN":
            continue  # a description ("the spokesman") holds no title of its own
        if span.root.pos_ != "PRON":  # "he" has no title before it, but may be "the president of Y"
            yield from _title_roles(doc, span, person, mentions)
            yield from _affiliations(span.root, person, mentions)
        for noun, rule in _role_nouns(span.root):
            role = _noun_role(noun, person, mentions, rule)
            if role is not None:
                yield role


def _role_nouns(head: Token) -> Iterator[tuple[Token, str]]:
    """Nouns the sentence equates with the person: appositions either way round, or a copula's
    attribute ('X is the president of Y')."""
    for child in head.children:
        if child.dep_ == "appos" and _has_role_word(child):
            yield child, "appositive"
    if head.dep_ == "appos" and _has_role_word(head.head):
        yield head.head, "appositive"
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        for attr in (c for c in head.head.children if c.dep_ == "attr" and _has_role_word(c)):
            yield attr, "copula"


def _has_role_word(noun: Token) -> bool:
    return noun.lower_ in ROLE_WORDS


def _noun_role(noun: Token, person: Mention, mentions: dict[int, Mention], rule: str) -> Role | None:
    """'a spokesman for the ministry', 'the ministry's spokesman', 'White House economic adviser'."""
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i not in mentions]
    title_tokens = sorted([*modifiers, noun], key=lambda t: t.i)
    title = " ".join(t.text for t in title_tokens)
    named = next((mentions[c.i] for c in noun.children if c.dep_ in ("poss", "compound") and c.i in mentions), None)
    objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ORGANISATION_PREPOSITIONS
               for g in c.children if g.dep_ == "pobj" and g.i in mentions]
    organisation = named
    if objects and (named is None or named.cls in PLACE_EMPLOYERS):
        organisation = mentions[objects[0].i]  # 'UK economist at Royal Bank of Scotland': the bank
    return _role(person, title, organisation, noun, rule)


def _affiliations(head: Token, person: Mention, mentions: dict[int, Mention]) -> Iterator[Role]:
    """'Jane Doe of Acme Corp', 'Jane Doe at Oxford University': works for, title unknown."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPOSITIONS):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.i in mentions):
            organisation = mentions[obj.i]
            if organisation.cls in ORGANISATION_CLASSES:
                yield Role(person=person, title="", kind=RelationKind.worksFor, organisation=organisation,
                           evidence=Evidence(sentence=sentence_of(head), rule="affiliation",
                                             confidence=RULE_CONFIDENCE["affiliation"]))


def _title_roles(doc: Doc, span, person: Mention, mentions: dict[int, Mention]) -> Iterator[Role]:
    """'Commerce Minister Jane Doe', 'Ministry Spokesperson Lin': the words right before the name."""
    run: list[Token] = []
    for token in reversed(doc[max(0, span.start - MAX_TITLE_TOKENS) : span.start]):
        if token.text == "." and token.i > 0 and is_title_word(doc[token.i - 1].text):
            continue  # the tagger splits 'Lt.' in two
        if token.is_punct or token.pos_ not in TITLE_POS or sentence(token) != sentence(span.root):
            break
        run.insert(0, token)
    role_positions = [i for i, t in enumerate(run) if t.lower_ in ROLE_WORDS]
    if not role_positions:
        return
    run = run[: role_positions[-1] + 1]
    organisation = next((mentions[t.i] for t in run if t.i in mentions), None)
    if organisation is not None and _names_something_else(run, organisation, mentions):
        organisation = None
    words = [t for t in run if t.i not in mentions and t.lower_ not in HONORIFICS]
    if organisation is None:
        organisation = _organisation_named_by_word(words, person, mentions)
    title = " ".join(t.text for t in words)
    role = _role(person, title, organisation, span.root, "title")
    if role is not None:
        yield role


def _names_something_else(run: list[Token], organisation: Mention, mentions: dict[int, Mention]) -> bool:
    """A noun between the name and the position is what the position is of: 'Dallas nightclub owner'
    owns a nightclub, not Dallas; 'Phoenix newspaper reporter' works for a newspaper. Adjectives and
    other position words may stand there ('White House economic adviser', 'Ohio deputy governor')."""
    after = [t for t in run if t.i not in mentions and t.idx >= organisation.end]
    first_role = next((i for i, t in enumerate(after) if t.lower_ in ROLE_WORDS), len(after))
    return any(t.pos_ == "NOUN" and t.is_lower and t.lower_ not in ROLE_WORDS | TITLE_MODIFIERS
               for t in after[:first_role])  # not 'US Commerce Secretary', 'Acme vice president'


def _organisation_named_by_word(words: list[Token], person: Mention, mentions: dict[int, Mention]) -> Mention | None:
    """'Ministry Spokesperson X' -> the last organisation before X whose name has the word 'ministry'.
    Only words for kinds of organisation count: 'Commerce Secretary' may be any country's."""
    for word in (w for w in words if w.lower_ in ORGANISATION_KIND_WORDS):
        key = normalise(word.text)
        earlier = sorted(
            (m for m in set(mentions.values()) if m.cls in ORGANISATION_CLASSES and m.end <= person.start),
            key=lambda m: m.start,
        )
        named = [m for m in earlier if key in normalise(m.name).split()]
        if named:
            return named[-1]
    return None


def _public_office(title: str) -> bool:
    """'President', 'foreign minister', 'Gov.', 'ambassador': a position a country or a town is
    held in; not 'director', 'economist' or 'owner' ('UK economist X' works for a bank)."""
    return any(word in PUBLIC_OFFICE_WORDS for word in title.lower().replace("-", " ").split())


def _role(person: Mention, title: str, organisation: Mention | None, anchor: Token, rule: str) -> Role | None:
    kind = role_kind(title)
    if kind is None or not title:
        return None
    if organisation is not None and (organisation.cls not in EMPLOYER_CLASSES or organisation.name == person.name
                                     or organisation.cls in PLACE_EMPLOYERS and not _public_office(title)):
        organisation = None  # 'Hong Kong director Wong Kar-Wai' directs films, not Hong Kong
    return Role(
        person=person,
        title=title,
        kind=kind,
        organisation=organisation,
        evidence=Evidence(sentence=sentence_of(anchor), rule=rule, confidence=RULE_CONFIDENCE[rule]),
    )

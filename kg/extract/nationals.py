"""A nationality used as a person: 'the Australian was planning a trip', 'the 40-year-old American'.

Used as a noun with 'the', a demonym names a person, not the country (mentions leave it out). It is
linked to that person only when one is clearly meant:
- the one person the article itself gives that nationality ('American Jane Doe', 'Australian actor
  Jane Doe', 'Jane Doe, the Australian actor'), unless another person is the subject just before;
  else
- the one person who is the subject of the sentence before, when the reference's own sentence
  names no person before it ('Doe died on Friday. The Australian had ...'; not 'Doe floored Roe,
  and the American never recovered') and that person is not given another nationality, nor called
  by another demonym before.
Plural and indefinite uses ('Americans', 'an American') name nobody in particular, nor do the
demonyms that name a whole people ('the French', 'the Swiss').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Span, Token

from kg.extract.doc_lookups import SUBJECT_DEPS, sentences
from kg.lexicon.descriptions import PERSON_NOUNS
from kg.lexicon.geo import country_of_demonym
from kg.model import EntityClass, Mention

# Subjects that are someone the demonym may stand for ('the player', 'the fourth seed'); 'I' and
# 'it' in a quote before 'said the American' are not.
SOMEONE_WORDS = PERSON_NOUNS | {"seed", "champion", "winner", "holder", "star", "veteran", "rookie"}
# Where a demonym stands for a person: the subject or object of a verb, or after a preposition.
PERSON_SLOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Demonyms that as a noun name the whole people ('the French', 'the Swiss', 'the Japanese', 'the
# Irish'), unlike those in -an, -i or -er ('the Kenyan', 'the Israeli', 'the New Zealander').
COLLECTIVE_ENDINGS = ("sh", "ch", "ss", "ese")
# Words between a demonym and a name that still give the name that nationality: 'Australian actor X'.
MAX_WORDS_BETWEEN = 2


class Named(Protocol):
    """An entity named in the article, as coreference keeps it."""
    mention: Mention
    span: Span
    sentence: int


def demonym_words(token: Token) -> list[Token] | None:
    """The words of a definite, singular demonym used as a noun ('the Australian', 'the New
    Zealander', 'the 23-year-old Ukrainian'), or None."""
    if token.dep_ not in PERSON_SLOT_DEPS or token.tag_ in ("NNS", "NNPS") or not token.is_title:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    words = [c for c in token.lefts if c.dep_ == "compound" and c.is_title] + [token]
    if words[0].i + len(words) - 1 != token.i:
        return None
    text = " ".join(w.text for w in words)
    if text.lower().endswith(COLLECTIVE_ENDINGS):
        return None  # 'the French', 'the Swiss' are a people or its team, never one person
    return words if country_of_demonym(text) is not None else None


def national_reference(token: Token, earlier: Sequence[Named], sentence: int) -> tuple[Mention, list[Token]] | None:
    """The person a definite demonym stands for, and the demonym's words; None when unclear."""
    words = demonym_words(token)
    if words is None:
        return None
    country = country_of_demonym(" ".join(w.text for w in words))
    people = [n for n in earlier if n.mention.cls == EntityClass.Person]
    given: dict[str, str | None] = {}  # the nationality the article writes with a name
    called = {}  # ... or a demonym linked to the person before, which was itself a guess
    for n in people:
        given[n.mention.name] = given.get(n.mention.name) or _nationality_given(n)
        if country_of_demonym(n.mention.text) is not None:
            called[n.mention.name] = country_of_demonym(n.mention.text)
    tied = {name for name, nationality in given.items() if nationality == country}
    recent = _subject_before(token, people, sentence)
    if len(tied) == 1:
        name = next(iter(tied))
        if recent is not None and recent.name != name:
            return None  # 'American Jane Doe ... Mary Roe plays first. The American ...' may be Roe
        return next(n.mention for n in reversed(people) if n.mention.name == name), words
    if tied or recent is None or (given[recent.name] or called.get(recent.name)) not in (None, country):
        return None  # several of that nationality, nobody before, or someone of another
    if any(n.sentence == sentence for n in people):
        return None  # 'Doe floored Roe, and the American never recovered': either may be meant
    return recent, words


def _subject_before(token: Token, people: Sequence[Named], sentence: int) -> Mention | None:
    """The one person who is the subject in the sentence before: every subject there that names
    someone (a name, 'the player') is that person's mention; 'he', 'Fourth seed X survived' (the
    name lost) or a name the tagger took for no person's leave it unclear."""
    if sentence == 0:
        return None
    before = sentences(token.doc)[sentence - 1]
    mention_at = {t.i: n.mention for n in people if n.sentence == sentence - 1 for t in n.span}
    meant = set()
    for subject in (t for t in before if t.dep_ in SUBJECT_DEPS):
        if subject.lower_ in ("he", "she"):
            return None  # who a pronoun is was guessed already: no guess on a guess
        if subject.i in mention_at:
            meant.add(mention_at[subject.i])
        elif subject.pos_ == "PROPN" or subject.lower_ in SOMEONE_WORDS:
            return None
    names = {m.name for m in meant}
    return next(iter(meant)) if len(names) == 1 else None


def _nationality_given(named: Named) -> str | None:
    """The country of a demonym the article puts right before the name ('American Jane Doe',
    'Australian actor Jane Doe') or in an apposition to it ('Jane Doe, the Australian actor')."""
    doc, start = named.span.doc, named.span.start
    for token in reversed(doc[max(0, start - MAX_WORDS_BETWEEN - 1) : start]):
        country = country_of_demonym(token.text)
        if country is not None:
            return country
        if not token.is_alpha or token.pos_ not in ("NOUN", "ADJ"):
            break
    for appos in (c for c in named.span.root.children if c.dep_ == "appos"):
        for token in appos.subtree:
            if token.dep_ in ("amod", "compound") and country_of_demonym(token.text) is not None:
                return country_of_demonym(token.text)
    return None

"""A nationality used as a person: 'the Australian was planning a trip', 'the 40-year-old American'.

Used as a noun with 'the', a demonym names a person, not the country (mentions leave it out). It is
linked to that person only when one is clearly meant:
- the one person the article itself gives that nationality ('American Jane Doe', 'Australian actor
  Jane Doe', 'Jane Doe, the Australian actor'); else
- the one person who was the subject of the sentence before (or the one before that), when the
  reference's own sentence names no person before it ('Doe died on Friday. The Australian had ...';
  not 'Doe floored Roe, and the American never recovered') and that person is not given another
  nationality.
Plural and indefinite uses ('Americans', 'an American') name nobody in particular, nor do the
demonyms that name a whole people ('the French', 'the Swiss').
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Span, Token

from kg.lexicon.geo import country_of_demonym
from kg.model import EntityClass, Mention

# Where a demonym stands for a person: the subject or object of a verb, or after a preposition.
PERSON_SLOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Demonyms that as a noun name the whole people ('the French', 'the Swiss', 'the Chinese', 'the
# Irish'), unlike those in -an, -i or -er ('the Kenyan', 'the Israeli', 'the New Zealander').
COLLECTIVE_ENDINGS = ("sh", "ch", "ss", "ese")
# Sentences back in which the person it stands for was the subject.
NATIONAL_WINDOW = 2
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
    given: dict[str, str | None] = {}
    for n in people:  # the first nationality the article gives a name
        given[n.mention.name] = given.get(n.mention.name) or _nationality_given(n)
    tied = {name for name, nationality in given.items() if nationality == country}
    if len(tied) == 1:
        return next(n.mention for n in reversed(people) if n.mention.name in tied), words
    if tied or any(n.sentence == sentence for n in people):
        return None  # several of that nationality, or someone of its own sentence may be meant
    for back in range(1, NATIONAL_WINDOW + 1):
        subjects = {n.mention.name: n.mention for n in people
                    if n.sentence == sentence - back and n.span.root.dep_ in ("nsubj", "nsubjpass")}
        if subjects:
            name, mention = next(iter(subjects.items()))
            return (mention, words) if len(subjects) == 1 and given[name] in (None, country) else None
    return None


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

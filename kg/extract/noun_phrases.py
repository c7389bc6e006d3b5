"""Noun phrases: the full phrase of a head noun, the thing a quantity word stands for ('a number of
licences' -> 'licences'), and the entity or Concept mention a phrase names."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.doc_lookups import TIME_LABELS, text_of
from kg.lexicon.names import normalise
from kg.model import EntityClass, Mention

# Dependents that end a noun phrase rather than belong to it: clauses, appositions, coordination.
PHRASE_EXCLUDED_DEPS = frozenset({"relcl", "acl", "appos", "cc", "conj", "punct", "advcl", "parataxis"})
PHRASE_LEADING_DROP = frozenset({"det", "predet", "poss", "case", "quantmod"})
# "a number of applications", "some of the licences": the of-object is what is meant.
QUANTITY_HEADS = frozenset(
    "number lot lots group series range majority minority set handful couple dozen dozens "
    "hundreds thousands millions amount part portion share some all many most none few".split()
)
MAX_PHRASE_TOKENS = 12
# Times are not things an actor acts on ("appeared on Sunday").
NOT_THINGS = TIME_LABELS


def content_head(token: Token) -> Token:
    """Skip quantity words: 'a certain number of licences' -> 'licences'."""
    while token.lemma_.lower() in QUANTITY_HEADS:
        of_objects = [
            grandchild
            for child in token.children
            if child.dep_ == "prep" and child.lower_ == "of"
            for grandchild in child.children
            if grandchild.dep_ == "pobj"
        ]
        if not of_objects:
            break
        token = of_objects[0]
    return token


def phrase_tokens(head: Token) -> list[Token]:
    """The full noun phrase of `head`: modifiers, compounds and of/for-phrases, without clauses,
    coordination or a leading determiner ('the export licence applications for steel-related items')."""
    keep: list[Token] = []

    def visit(token: Token) -> None:
        keep.append(token)
        for child in token.children:
            if child.dep_ not in PHRASE_EXCLUDED_DEPS or _joins_word(child):
                visit(child)

    visit(head)
    keep.sort(key=lambda t: t.i)
    # keep the contiguous run around the head: a dropped clause must not leave a gap
    run = [head]
    for token in reversed([t for t in keep if t.i < head.i]):
        if token.i != run[0].i - 1:
            break
        run.insert(0, token)
    for token in (t for t in keep if t.i > head.i):
        if token.i != run[-1].i + 1:
            break
        run.append(token)
    while run and run[0] != head and run[0].dep_ in PHRASE_LEADING_DROP:
        run.pop(0)
    if len(run) > MAX_PHRASE_TOKENS:  # too long to be a useful node: keep the head's own modifiers
        run = [t for t in run if t.i <= head.i]
    while run[-1].is_punct and run[-1] != head:
        run.pop()
    return run


def _joins_word(token: Token) -> bool:
    """A hyphen or slash glued to both neighbours is part of a word ('steel-related', 'high-tech')."""
    return (
        token.is_punct
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def phrase_mention(head: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The entity `head` belongs to, or a Concept mention for its full noun phrase."""
    if head.i in mentions:
        return mentions[head.i]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        if appos.i in mentions:
            return mentions[appos.i]  # "Acme's chief executive, Jane Doe" is Jane Doe
    if head.pos_ not in ("NOUN", "PROPN") or head.is_stop or head.is_punct or head.ent_type_ in NOT_THINGS:
        return None  # pronouns, numbers, dates and determiners are not things
    tokens = phrase_tokens(head)
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = text_of(doc)[start:end]
    if "\n" in text or not any(ch.isalpha() for ch in normalise(text)):
        return None
    return Mention(text=text, cls=EntityClass.Concept, start=start, end=end)

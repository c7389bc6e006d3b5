"""Helpers shared by the extractors: which mention a token belongs to, and noun phrases."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

import numpy
from spacy.tokens import Doc, Span, Token

from kg.model import Mention, Sentence
from kg.names import normalise

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
NOT_THINGS = frozenset({"DATE", "TIME"})
MODAL_WORDS = frozenset("will would may might can could should must shall".split())


def sentence(token: Token) -> Span:
    """`token.sent` by binary search: spaCy's walks the whole document on every call, which made
    extraction quadratic in article length."""
    starts, sents = _sentence_index(token.doc)
    return sents[bisect_right(starts, token.i) - 1]


def tokens_where(doc: Doc, attribute: int, values: Iterable[str | int]) -> Iterator[Token]:
    """The tokens whose `attribute` (spacy.attrs.LOWER, ORTH, POS, ...) is one of `values` (words,
    or symbols such as spacy.symbols.VERB), in order. Read from spaCy's arrays, so the tokens that do
    not match are never made: walking every token in Python was a fifth of extraction."""
    wanted = numpy.fromiter((doc.vocab.strings[v] if isinstance(v, str) else v for v in values), dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(attribute), wanted)).tolist():
        yield doc[i]


def sentences(doc: Doc) -> list[Span]:
    return _sentence_index(doc)[1]


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per document instead of on every call."""
    if "kg.text" not in doc.user_data:
        doc.user_data["kg.text"] = doc.text
    return doc.user_data["kg.text"]


def _sentence_index(doc: Doc) -> tuple[list[int], list[Span]]:
    if "kg.sentences" not in doc.user_data:
        sents = list(doc.sents)
        doc.user_data["kg.sentences"] = ([s.start for s in sents], sents)
    return doc.user_data["kg.sentences"]


def sentence_of(token: Token) -> Sentence:
    """The token's sentence as evidence, made once per sentence (a Span joins its text on every call)."""
    made = token.doc.user_data.setdefault("kg.evidence", {})
    sent = sentence(token)
    if sent.start not in made:
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        stripped = text.strip()
        made[sent.start] = Sentence(text=stripped, start=start, end=start + len(stripped))
    return made[sent.start]


def modality(verb: Token) -> str | None:
    """The modal that qualifies the verb, looking up a control chain ('will continue to strengthen')."""
    token = verb
    while True:
        modals = [c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in MODAL_WORDS]
        if modals:
            return modals[0]
        if token.dep_ != "xcomp" or token.head == token:
            return None
        token = token.head


def time_of(verb: Token) -> str | None:
    """The date or time the verb happened, as written, when it hangs on the verb itself: 'said on
    Thursday', 'met last week', 'approved in June 2025'. Dates inside what was said do not count."""
    for ent in _times_by_sentence(verb.doc).get(sentence(verb).start, ()):
        head = ent.root.head
        if head == verb and ent.root.dep_ == "npadvmod":  # "said Thursday"
            return ent.text
        if head.dep_ == "prep" and head.head == verb and ent.root.dep_ == "pobj":
            return ent.text
    return None


def _times_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """Sentence start -> the dates and times inside the sentence, found once per document
    (`Span.ents` builds every entity of the document on each call)."""
    if "kg.times" not in doc.user_data:
        starts, sents = _sentence_index(doc)
        found: dict[int, list[Span]] = {}
        for ent in doc.ents:
            sent = sents[bisect_right(starts, ent.start) - 1]
            if ent.label_ in NOT_THINGS and ent.end <= sent.end:
                found.setdefault(sent.start, []).append(ent)
        doc.user_data["kg.times"] = found
    return doc.user_data["kg.times"]


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
    return Mention(text=text, cls="Concept", start=start, end=end)

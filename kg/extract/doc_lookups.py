"""Lookups on a parsed Doc that spaCy makes slow or repeats, each made once per document and kept
in `doc.user_data`: a token's sentence, the tokens with a given attribute, the text, the quoted
passages, a sentence as evidence, and when a verb happened."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

import numpy
from spacy.tokens import Doc, Span, Token

from kg.extract.quotes import Quote, find_quotes
from kg.model import Sentence

# The entity labels of dates and times.
TIME_LABELS = frozenset({"DATE", "TIME"})
# The dependency labels of a verb's subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


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


def quotes_of(doc: Doc) -> list[Quote]:
    """The quoted passages of the document (kg/extract/quotes.py), found once for all extractors."""
    if "kg.quotes" not in doc.user_data:
        doc.user_data["kg.quotes"] = find_quotes(text_of(doc))
    return doc.user_data["kg.quotes"]


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
            if ent.label_ in TIME_LABELS and ent.end <= sent.end:
                found.setdefault(sent.start, []).append(ent)
        doc.user_data["kg.times"] = found
    return doc.user_data["kg.times"]

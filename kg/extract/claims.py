"""Attributed statements: direct quotes and reported speech, each with a speaker and a cue verb.

A claim needs a speaker that is a named entity; pronoun and description speakers ("he", "the
spokesman") wait for coreference, so they are left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.spans import sentence_of
from kg.model import Claim, Evidence, Mention

# Lemmas of verbs that introduce speech.
CUE_LEMMAS = frozenset(
    "say tell add claim confirm deny urge note state announce insist warn argue explain stress "
    "emphasize emphasise describe acknowledge admit reply write declare assert maintain suggest "
    "predict promise vow pledge reiterate recall complain observe remark".split()
)
SPEAKER_DEPS = frozenset({"nsubj"})
REPORTED_CONTENT_DEPS = frozenset({"ccomp"})
# Quotation marks: curly pairs, and straight double quotes paired in order; neither crosses a line.
CURLY_QUOTE = re.compile(r"“([^“”\n]+)”")
STRAIGHT_QUOTE = re.compile(r'"([^"\n]+)"')
MIN_QUOTE_WORDS = 3  # shorter quotes are scare quotes ('a "trump card"'), not statements

CONFIDENCE = {"quote": 0.9, "reported": 0.7}


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the text inside the marks
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages of at least MIN_QUOTE_WORDS words; an unmatched mark never swallows text,
    because a quote ends at its paragraph."""
    quotes = [
        Quote(m.start(1), m.end(1))
        for pattern in (CURLY_QUOTE, STRAIGHT_QUOTE)
        for m in pattern.finditer(text)
        if len(m.group(1).split()) >= MIN_QUOTE_WORDS
    ]
    return sorted(quotes, key=lambda q: q.start)


def extract_claims(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Claim]:
    quotes = find_quotes(doc.text)
    reported = list(_reported_claims(doc, quotes, mentions))
    yield from reported
    # a quote within reported speech is a partial quote ('said the deal is "done"'), claimed already
    partial = {q for q in quotes for c in reported if c.start < q.end and q.start < c.end}
    yield from _direct_claims(doc, [q for q in quotes if q not in partial], quotes, mentions)


def _direct_claims(
    doc: Doc, unclaimed: list[Quote], quotes: list[Quote], mentions: dict[int, Mention]
) -> Iterator[Claim]:
    """'"...," said X' / 'X said: "..."' / '"..." X added.' in the quote's sentence or the next."""
    for quote in unclaimed:
        cue = _cue_near(doc, quote, quotes)
        if cue is None:
            continue
        speaker = _speaker(cue, mentions)
        if speaker is None:
            continue
        raw = doc.text[quote.start : quote.end]
        content = raw.strip().rstrip(",;:")  # the comma before a closing mark belongs to the frame
        start = quote.start + len(raw) - len(raw.lstrip())
        yield Claim(
            speaker=speaker,
            cue=cue.lemma_.lower(),
            content=content,
            start=start,
            end=start + len(content),
            direct=True,
            evidence=Evidence(sentence=sentence_of(cue), rule="quote",
                              confidence=CONFIDENCE["quote"], negated=_negated(cue)),
            mentions=_mentions_within(mentions, quote.start, quote.end),
        )


def _reported_claims(doc: Doc, quotes: list[Quote], mentions: dict[int, Mention]) -> Iterator[Claim]:
    """'X said (that) ...' and '..., X said': the clausal complement of a cue verb. A complement
    that is nothing but a quote is a direct claim instead."""
    for cue in doc:
        if cue.lemma_.lower() not in CUE_LEMMAS or cue.pos_ != "VERB" or _inside(cue.idx, quotes):
            continue
        for complement in (c for c in cue.children if c.dep_ in REPORTED_CONTENT_DEPS):
            tokens = [t for t in complement.subtree if not (t.dep_ == "mark" and t.head == complement)]
            while tokens and (tokens[-1].is_punct or tokens[-1].is_quote):
                tokens.pop()
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if not _has_unquoted_words(doc.text, start, end, quotes):
                continue
            speaker = _speaker(cue, mentions)
            if speaker is None:
                continue
            yield Claim(
                speaker=speaker,
                cue=cue.lemma_.lower(),
                content=doc.text[start:end],
                start=start,
                end=end,
                direct=False,
                evidence=Evidence(sentence=sentence_of(cue), rule="reported",
                                  confidence=CONFIDENCE["reported"], negated=_negated(cue)),
                mentions=_mentions_within(mentions, start, end),
            )


def _has_unquoted_words(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    outside = list(text[start:end])
    for quote in quotes:
        for offset in range(max(quote.start, start), min(quote.end, end)):
            outside[offset - start] = " "
    return any(ch.isalpha() for ch in "".join(outside))


def _cue_near(doc: Doc, quote: Quote, quotes: list[Quote]) -> Token | None:
    """The speech verb outside the quote, in the sentences the quote touches or the one after it,
    closest to the quote."""
    first = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if first is None:
        return None
    sentences = list(dict.fromkeys([first[0].sent, first[-1].sent]))
    following = first[-1].sent.end
    if following < len(doc):
        sentences.append(doc[following].sent)
    candidates = [
        token
        for sent in sentences
        for token in sent
        if token.lemma_.lower() in CUE_LEMMAS
        and token.pos_ == "VERB"
        and not _inside(token.idx, quotes)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))


def _speaker(cue: Token, mentions: dict[int, Mention]) -> Mention | None:
    for subject in (c for c in cue.children if c.dep_ in SPEAKER_DEPS):
        if subject.i in mentions:
            return mentions[subject.i]
    return None


def _negated(cue: Token) -> bool:
    return any(c.dep_ == "neg" for c in cue.children)


def _inside(offset: int, quotes: list[Quote]) -> bool:
    return any(q.start <= offset < q.end for q in quotes)


def _mentions_within(mentions: dict[int, Mention], start: int, end: int) -> tuple[Mention, ...]:
    inside = {m for m in mentions.values() if start <= m.start and m.end <= end}
    return tuple(sorted(inside, key=lambda m: (m.start, m.end)))

"""Title-case headlines, where the tagger runs names into the words around them: 'Lindsay Lohan
Checks Into Rehab', 'Colts Beat Chiefs', 'Esther Williams Dies'.

A line is a headline when most of its words are capitalised; there, a word the article writes in
lower case elsewhere (as a verb, adjective or adverb) is no part of a name, and a person's name the
article uses elsewhere is the name.
"""

from __future__ import annotations

import functools
import re

from spacy.attrs import POS
from spacy.symbols import ADJ, ADV, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import text_of, tokens_where
from kg.model import EntityClass, Mention

# A line is a title-case headline when most of its (at least four) words are capitalised.
MIN_HEADLINE_WORDS = 4
HEADLINE_SHARE = 0.7
INFLECTION_ENDINGS = ("s", "es", "ed", "d", "ing")


@functools.lru_cache(maxsize=4096)  # asked for every name on a line
def is_headline(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    return len(words) >= MIN_HEADLINE_WORDS and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


def _line_around(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


def lower_case_words(doc: Doc) -> frozenset[str]:
    """Verbs, adjectives and adverbs the article writes in lower case somewhere, and their lemmas
    (nouns are left out: 'commerce' may be written in lower case and still be part of a name)."""
    lower = [t for t in tokens_where(doc, POS, (VERB, ADJ, ADV)) if t.is_lower and t.is_alpha and not t.is_stop]
    return frozenset([t.lower_ for t in lower] + [t.lemma_.lower() for t in lower])


def _stems(token: Token) -> set[str]:
    """The word and what it may be an inflection of: 'Reverses' -> reverses, reverse, revers."""
    word = token.lower_
    return {word, token.lemma_.lower(), *(word[: -len(end)] for end in INFLECTION_ENDINGS if word.endswith(end))}


def headline_parts(span: Span, lower_case: frozenset[str]) -> list[Span]:
    """The entity split at the words the article writes in lower case elsewhere, when it stands in
    a headline ('Chris Ivory On Injured Reserve' -> 'Chris Ivory')."""
    if not is_headline(_line_around(text_of(span.doc), span.start_char, span.end_char)):
        return [span]
    parts, current = [], []
    for token in span:
        if token.is_alpha and not token.is_stop and _stems(token) & lower_case:
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    if len(parts) == 1:
        return [span]
    kept = []
    for tokens in parts:
        while tokens and (tokens[0].is_stop or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_stop or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if tokens:
            kept.append(Span(span.doc, tokens[0].i, tokens[-1].i + 1, label=span.label_))
    # a lone word cut off a headline ('... Into Rehab') is seldom a name of its own
    return [part for part in kept if len(part) > 1] or kept[:1]


def without_headline_words(mentions: list[Mention], text: str) -> list[Mention]:
    """'Hire Jane Doe', 'Obama Reverses Bush': when the article names the person elsewhere and never
    writes the longer form again, the name is the person's. A one-word name ('Obama') counts only
    in a headline."""
    people = {m.text for m in mentions if m.cls == EntityClass.Person}
    trimmed = []
    for mention in mentions:
        names = people if is_headline(_line_around(text, mention.start, mention.end)) else {p for p in people if " " in p}
        known = [p for p in names if p != mention.text and (mention.text.startswith(p + " ") or mention.text.endswith(" " + p))]
        if mention.cls == EntityClass.Person and known and text.count(mention.text) == 1:
            name = max(known, key=len)
            start = mention.start + mention.text.index(name)
            mention = Mention(text=name, cls=EntityClass.Person, start=start, end=start + len(name))
        trimmed.append(mention)
    return trimmed

"""spaCy's entities cleaned into names: names run together split apart ('Leeds v Burnley'), scores,
titles' modifiers, leading adjectives and trailing verbs cut off, edges trimmed, and what is no
name dropped: common nouns, fragments of longer names, page furniture, capitalised common words.
A nationality ('Chilean officials') stands for its country."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import text_of
from kg.extract.mentions.person_names import is_person_name, starts_with_initial_a
from kg.lexicon.geo import country_of_demonym
from kg.lexicon.name_words import (
    DETERMINER_ADJECTIVES,
    EVENT_NAME_ENDINGS,
    GENERIC_ORGANISATION_WORDS,
    LEGAL_SUFFIXES,
    LOWER_CASE_NAME_HEADS,
    PAGE_FURNITURE_WORDS,
)
from kg.lexicon.titles import ROLE_WORDS
from kg.model import EntityClass, Mention

# Labels of the place or group an event's name starts with ('US Open', 'Boston Marathon').
EVENT_NAME_STARTS = frozenset({"GPE", "NORP", "LOC", "ORG"})
# A score or result stuck to a name ('Rafael Nadal 6-2 6-7 (3/7)'): no part of it.
# The tokenizer splits a score ('6', '-', '2'), so figures are read on the text of the tokens.
SCORE = re.compile(r"(?<!\d)\d{1,2}\s*[-–/]\s*\d{1,2}(?!\d)")
NUMBER = re.compile(r"^\d[\d.,]*$")
FIGURE_PUNCTUATION = frozenset("( ) [ ] - – /".split())
# Words that separate two names the tagger ran together ('Jenas, Milner', 'Leeds v Sheffield').
NAME_SEPARATORS = frozenset({",", "v", "vs", "v.", "vs."})
LEADING_WORDS = frozenset({"the", "a", "an"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
EDGE_PUNCTUATION = " \t\n\"'“”‘’.,;:!?()[]{}-–—"
# A final full stop usually belongs to the name ("U.S.", "Inc."): spaCy leaves sentence stops out.
TRAILING_PUNCTUATION = EDGE_PUNCTUATION.replace(".", "")
# Words a name does not end on, written in lower case: a preposition or a conjunction means it was
# cut ('Stars on'); an article in any case ('Jerry Springer - The').
DANGLING_WORDS = frozenset("of on in for at to with by from and or &".split())
COMMON_WORD_POS = frozenset({"VERB", "ADJ", "ADV"})
MODIFIER_DEPS = frozenset({"amod", "compound"})
# Classes read from a name's own words ('Commerce Ministry'): such a name may be written in lower case too.
NAMED_KIND_CLASSES = frozenset({EntityClass.GovernmentBody, EntityClass.Company, EntityClass.ResearchOrganization, EntityClass.MediaOrganization})


def separate_names(span: Span) -> list[Span]:
    """'Jenas, Milner', 'Leeds v Sheffield': names the tagger ran together are two names, or none
    when a part is no name. The tagger's label covered both, so it says nothing sure about either:
    the parts are typed by their own words ('NAME'), except places listed with a comma ('Leeds,
    Yorkshire'), which stay places."""
    doc = span.doc
    cuts = [t.i for t in span[1:-1] if t.text in NAME_SEPARATORS]
    if any(t.is_lower and t.text not in NAME_SEPARATORS for t in span):
        cuts = [i for i in cuts if doc[i].text != ","]  # 'Ministry of Economy, Trade and Industry' is one name
    if not cuts:
        return [span]
    parts = []
    for start, end in zip([span.start, *(i + 1 for i in cuts)], [*cuts, span.end]):
        tokens = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
        if not tokens or not any(t.is_title or t.is_upper for t in tokens):
            return []  # 'Smith, who ...': not two names
        parts.append((tokens[0].i, tokens[-1].i + 1))
    commas_only = all(doc[i].text == "," for i in cuts)
    label = span.label_ if commas_only and span.label_ in ("GPE", "LOC") else "NAME"
    return [Span(doc, start, end, label=label) for start, end in parts]


def with_event_ending(span: Span) -> Span:
    """'US Open', 'Boston Marathon': the tagger took the place and left the competition's word out."""
    doc = span.doc
    if span.label_ not in EVENT_NAME_STARTS or span.end == len(doc):
        return span
    after = doc[span.end]
    if after.is_title and after.lower_ in EVENT_NAME_ENDINGS and not after.is_sent_start and not after.ent_type_:
        return Span(doc, span.start, span.end + 1, label="EVENT")
    return span


def has_pronoun(span: Span) -> bool:
    """'he', 'it' are no names; an initial the tagger read as one is ('A Masi')."""
    return any(token.pos_ == "PRON" and not (token.i == span.start and starts_with_initial_a(span)) for token in span)


def is_common_noun_phrase(span: Span) -> bool:
    """'the federal court', 'Local council', 'the present government', 'the next Labour government':
    a phrase in lower case (but for a first word that starts the sentence) is a common noun, and so
    is one placed in time or order by its first word. A lower-case phrase that heads on 'ministry'
    or 'department' is a name all the same ('the mines ministry')."""
    words = [t for t in span if t.is_alpha]
    while words and words[0].lower_ in LEADING_WORDS:
        words = words[1:]
    if len(words) < 2:
        return False
    placed = words[0].is_lower and words[0].lower_ in DETERMINER_ADJECTIVES
    first_is_common = words[0].is_lower or (words[0].is_sent_start and words[0].pos_ != "PROPN")
    if first_is_common and all(t.is_lower for t in words[1:]):
        return placed or words[-1].lower_ not in LOWER_CASE_NAME_HEADS
    return placed and words[-1].is_lower


def without_leading_adjectives(span: Span) -> Span:
    """'the former Soviet Union' -> 'Soviet Union': an adjective of time or order is no part of a name."""
    start = span.start
    while start + 1 < span.end and (span.doc[start].lower_ in LEADING_WORDS or span.doc[start].is_space):
        start += 1
    first = span.doc[start]
    if start + 1 < span.end and first.is_lower and first.lower_ in DETERMINER_ADJECTIVES:
        return Span(span.doc, start + 1, span.end, label=span.label_)
    return span


def without_trailing_verb(span: Span) -> Span:
    """'Pascal Cygan missed' -> 'Pascal Cygan': a verb in lower case the tagger took into the name."""
    last = span[-1]
    if len(span) > 1 and last.is_lower and last.is_alpha and last.pos_ in ("VERB", "AUX"):
        return Span(span.doc, span.start, span.end - 1, label=span.label_)
    return span


def without_figures(span: Span) -> Span:
    """'Rafael Nadal 6-2 6-7 (3/7)' -> 'Rafael Nadal': scores stuck to a name, before or after it, are
    no part of it, nor are plain numbers stuck to a person's name. 'Channel 4' keeps its number."""
    doc, start, end = span.doc, span.start, span.end
    tail = end
    while tail > start + 1 and _is_figure(doc[tail - 1]):
        tail -= 1
    if tail < end and _stuck_on(doc[tail:end], doc[start:tail]):
        end = tail
    head = start
    while head < end - 1 and _is_figure(doc[head]):
        head += 1
    if head > start and _stuck_on(doc[start:head], doc[head:end]):
        start = head
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def _is_figure(token: Token) -> bool:
    return bool(NUMBER.match(token.text) or SCORE.fullmatch(token.text)) or token.text in FIGURE_PUNCTUATION


def _stuck_on(figures: Span, rest: Span) -> bool:
    """Scores never belong to a name; plain numbers do not belong to a person's."""
    if SCORE.search(figures.text):
        return True
    numbers = any(NUMBER.match(t.text) for t in figures)
    return numbers and is_person_name(rest.text.split())


def is_fragment(text: str) -> bool:
    """A word for a kind of organisation alone ('Bank', 'Association'), a legal suffix alone ('AG'),
    or a name cut after a preposition or a conjunction ('Stars on') or the adjective after one
    ('Association of British'): part of a longer name."""
    words = text.split()
    if len(words) == 1 and words[0].lower().rstrip(".") in GENERIC_ORGANISATION_WORDS | LEGAL_SUFFIXES:
        return True
    if len(words) > 2 and words[-2] in DANGLING_WORDS and country_of_demonym(words[-1]):
        return True  # 'Association of British' (insurers): a name does not end on a nationality
    return len(words) > 1 and (words[-1] in DANGLING_WORDS or words[-1].lower() in LEADING_WORDS)


def nationality_of(span: Span) -> tuple[Span, str] | None:
    """The demonym's words and its country when the span is a nationality with at most common nouns
    after it: 'Chilean', 'Chilean officials', 'the Chilean authorities', 'the New Zealander'."""
    first = span[0] if span[0].lower_ not in LEADING_WORDS or len(span) == 1 else span[1]
    two_words = span.doc[first.i : first.i + 2]
    if two_words.end <= span.end and country_of_demonym(two_words.text) is not None:
        demonym = two_words  # 'New Zealander'
    else:
        demonym = span.doc[first.i : first.i + 1]
    country = country_of_demonym(demonym.text)
    rest = span.doc[demonym.end : span.end]
    if country is None or any(not t.is_lower for t in rest if t.is_alpha):
        return None
    return demonym, country


def country_of_nationality(demonym: Span, country: str) -> Mention | None:
    """'Chilean' in 'Chilean officials' names no entity of its own: it stands for Chile. Used as a
    noun ('the American won') it is a person, so neither a country nor an entity."""
    if demonym.root.dep_ not in ("amod", "compound", "nmod"):
        return None
    return Mention(text=demonym.text, cls=EntityClass.Country, start=demonym.start_char, end=demonym.end_char,
                   refers_to=country)


def is_page_furniture(span: Span) -> bool:
    """Bylines, photo credits and buttons that scraped pages leave in the text: 'LEAVE A REPLY',
    'Monitoring Desk', 'Jane Doe/Reuters'."""
    words = {t.lower_ for t in span}
    shouting = span.text.isupper() and len(span) > 1 and any(t.is_stop for t in span)
    return shouting or bool(words & PAGE_FURNITURE_WORDS) or "/" in span.text


def is_title_modifier(span: Span) -> bool:
    """A single capitalised word right before a position word: 'Trade Representative', 'Treasury
    Secretary'. Acronyms ('EU Commissioner') stay names."""
    doc = span.doc
    return (
        len(span) == 1
        and not span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].lower_ in ROLE_WORDS
    )


def clean_name(text: str, start: int, *, initial: bool = False) -> tuple[str, int]:
    """Drop a leading article (unless it is an `initial`), an 'ex-', a possessive ending and edge
    punctuation; keep offsets right."""
    stripped = text.lstrip(EDGE_PUNCTUATION)
    start += len(text) - len(stripped)
    first, _, rest = stripped.partition(" ")
    if first.lower() in LEADING_WORDS and rest and not initial:
        start += len(first) + 1
        stripped = rest
    if stripped[:3].lower() == "ex-" and stripped[3:4].isupper():
        start += 3  # 'ex-Yukos boss': the name is Yukos
        stripped = stripped[3:]
    for ending in POSSESSIVE_ENDINGS:
        if stripped.endswith(ending) and len(stripped) > len(ending):
            stripped = stripped[: -len(ending)]
            break
    return stripped.rstrip(TRAILING_PUNCTUATION), start


def is_capitalised_common_phrase(mention: Mention, text: str) -> bool:
    """'Iron Ore' in a shouty quote, where the article otherwise writes 'iron ore': a phrase
    the article itself writes in lower case is no name (unless its words say it is an
    organisation of a known kind, like 'Commerce Ministry')."""
    if mention.cls in NAMED_KIND_CLASSES or " " not in mention.text:
        return False
    lower = mention.text.lower()
    return lower != mention.text and _written_in_lower_case(lower, text)


def without_common_words(mentions: list[Mention], doc: Doc, lower_case: frozenset[str]) -> list[Mention]:
    """'Registering names is easy', 'Mobile phone sales doubled ... mobile users': a single capitalised
    word the parser reads as a verb, or as an adjective or adverb the article also writes in lower
    case, or that only opens a sentence as a modifier and is written in lower case elsewhere, is no
    name, unless it is a word of a person's name the article gives in full ('Brown')."""
    in_names = {word for m in mentions if m.cls == EntityClass.Person for word in m.text.split()[1:] if " " in m.text}
    kept = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and not mention.text.isupper() and mention.refers_to is None \
                and mention.text not in in_names and _is_common_word(span[0], lower_case):
            continue
        kept.append(mention)
    return kept


def _is_common_word(token: Token, lower_case: frozenset[str]) -> bool:
    # a verb ('Registering'; a capitalised word read as 'VBZ' is more often a name: 'Crookshanks')
    verb = token.pos_ == "VERB" and token.tag_ != "VBZ"
    # an adjective or adverb the article writes in lower case
    modifier = token.pos_ in COMMON_WORD_POS and token.lower_ in lower_case
    # capitalised only by the sentence it opens, as a modifier ('Mobile phone sales'); 'Total said' stays
    opening = token.is_sent_start and token.dep_ in MODIFIER_DEPS and _written_in_lower_case(token.lower_, text_of(token.doc))
    return verb or modifier or opening


def _written_in_lower_case(words: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None

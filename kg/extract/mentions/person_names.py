"""People's names: what a person's name looks like ('Cesc Fabregas', 'G Rowntree', 'Rafael de la
Cruz'), when a name the tagger gave another label is a person's, the title and description before
it that are no part of it, and names right after a position word ('spokesperson Jane Doe')."""

from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from kg.extract.doc_lookups import sentence, tokens_where
from kg.lexicon.geo import capital_country, country_of_demonym, is_country
from kg.lexicon.name_words import (
    NAME_PARTICLES,
    NOT_FIRST_NAMES,
    NOT_PERSON_END_WORDS,
    bare_word,
)
from kg.lexicon.names import first_name_frequency, is_first_name, person_gender
from kg.lexicon.titles import HONORIFICS, ROLE_WORDS, is_title_word
from kg.model import EntityClass, Mention

# Labels the tagger is mostly right about: overruled for a person only on the article's word (the
# surname tagged as a person elsewhere, a courtesy title) or an initial ('G Rowntree').
SURE_LABELS = frozenset({"ORG", "GPE", "LOC"})
# A capitalised word of a person's name: 'Smith', "O'Brien", 'McCartney', 'Henin-Hardenne'.
NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’]*[a-z](?:-[A-Z][A-Za-z'’]*[a-z])*$")
INITIAL = re.compile(r"^[A-Z]\.?$")  # 'G Rowntree', 'J. Smith'
# The name dictionary holds many rare 'first names' that are common words or places ('Sheffield',
# 'Night', 'River'): a name the tagger did not call a person needs a first name at least this common
# (its codes run 1-13), or the article's word for it.
MIN_FIRST_NAME_FREQUENCY = 3
MAX_PERSON_NAME_WORDS = 4
MAX_TITLED_NAME_WORDS = 3
# '"..." ― Jane Q Doe': a name alone on the rest of the line after a quote and a dash signs the quote
# (readers' comments, epigraphs); two to five capitalised words.
SIGNATURE = re.compile(r"""[”"][ \t]*[―—–]+[ \t]*((?:[A-Z]\.|[A-Z][\w'’-]*)(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]*)){1,4})[ \t.]*$""",
                       re.MULTILINE)


def is_person_name(words: list[str]) -> bool:
    """A courtesy title, a known first name or an initial, then capitalised surname words ('Cesc
    Fabregas', 'G Rowntree', 'Rafael de la Cruz', 'Lord Butler'), not ending on a word of
    organisations or places ('Morgan Stanley Bank', 'Victoria Park') and naming no country ('Chad
    Basin', 'El Salvador')."""
    if not 2 <= len(words) <= MAX_PERSON_NAME_WORDS:
        return False
    first, rest = words[0], words[1:]
    known = NAME_WORD.match(first) and first.lower() not in NOT_FIRST_NAMES and is_first_name(first)
    if not (INITIAL.match(first) or known or first.lower() in HONORIFICS):
        return False
    surnames = [word for word in rest if word not in NAME_PARTICLES]
    if not surnames or not all(NAME_WORD.match(word) and not is_title_word(word) for word in surnames):
        return False  # 'Lord Chancellor' is a position
    if bare_word(words[-1]) in NOT_PERSON_END_WORDS:
        return False
    phrases = [*words, " ".join(words), " ".join(rest)]
    return not any(is_country(p) or country_of_demonym(p) or capital_country(p) for p in phrases)


def is_person(words: list[str], label: str, people: frozenset[str]) -> bool:
    """Whether a name the tagger gave another label is a person's: shaped like one, and, for a label
    the tagger is mostly right about, with the article's word for it or an initial; for the others
    a common first name will do ('Elena Dementieva' tagged as a building)."""
    if not is_person_name(words):
        return False
    titled = words[0].lower() in HONORIFICS  # 'Dame Judi Dench'
    # 'G Rowntree' in a team list; 'J Walter Thompson' is a firm's name
    initialled = INITIAL.match(words[0]) is not None and not is_first_name(words[1])
    confirmed = titled or initialled or words[-1] in people
    if label in SURE_LABELS:
        return confirmed
    return confirmed or (first_name_frequency(words[0]) >= MIN_FIRST_NAME_FREQUENCY and person_gender(words[0]) is not None)


def after_courtesy_title(name: Span, words: list[str]) -> bool:
    before = name.doc[name.start - 1] if name.start > 0 else None
    return (before is not None and before.lower_ in HONORIFICS and len(words) == 1
            and NAME_WORD.match(words[0]) is not None and bare_word(words[0]) not in NOT_PERSON_END_WORDS)


def without_title(text: str, start: int) -> tuple[str, int]:
    """'Commerce Minister Jane Doe' -> 'Jane Doe', 'Mr. Smith' -> 'Smith': the title is a role."""
    words = text.split(" ")
    titled = [i for i, word in enumerate(words[:-1]) if is_title_word(word)]
    if not titled:
        return text, start
    kept = " ".join(words[titled[-1] + 1 :])
    return kept, start + len(text) - len(kept)


def without_description(text: str, start: int) -> tuple[str, int]:
    """'Comedian Jane Doe', 'Unemployed John Doe' -> the name: words before a known first name that
    are no first names themselves describe the person (a name keeps at least two words)."""
    words = text.split(" ")
    while len(words) > 2 and not is_first_name(words[0]) and is_first_name(words[1]) and words[0].isalpha():
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def starts_with_initial_a(name: Span) -> bool:
    """'A Troncon' in a team list: inside a sentence, a capital 'A' before a surname is an initial."""
    return len(name) == 2 and name[0].text == "A" and not name[0].is_sent_start and NAME_WORD.match(name[1].text) is not None


def with_initial(span: Span) -> Span:
    """'A Troncon', 'C Stoica' in a team list: the tagger often leaves the initial out of the name. A
    capital 'A' opening a sentence is the article; 'I' is the pronoun."""
    doc = span.doc
    if span.start == 0 or len(span) != 1 or NAME_WORD.match(span.text) is None:
        return span
    before = doc[span.start - 1]
    if INITIAL.match(before.text) is None or before.text in ("I", "I.") or before.ent_type_ \
            or (before.text == "A" and before.is_sent_start):
        return span
    return Span(doc, before.i, span.end, label=span.label_)


def titled_names(doc: Doc) -> list[Mention]:
    """Names the tagger missed right after a position word: 'spokesperson Jane Doe told ...'. A
    capitalised word there is a name even when it looks like a pronoun ('Spokesperson He said')."""
    in_entity = {t.i for ent in doc.ents for t in ent}
    names = []
    for title in tokens_where(doc, LOWER, ROLE_WORDS):
        if title.i in in_entity or title.i + 1 == len(doc):
            continue
        words = []
        for token in doc[title.i + 1 : title.i + 1 + MAX_TITLED_NAME_WORDS]:
            if not words and (is_title_word(token.text) or token.text == "." and is_title_word(token.nbor(-1).text)):
                continue  # 'spokesman Lt. Pat Philbin': the rank (and the full stop split off it) is a title too
            is_name = token.pos_ == "PROPN" or (token.pos_ == "PRON" and not token.is_sent_start)
            if not token.is_title or not is_name or token.i in in_entity or sentence(token) != sentence(title):
                break
            words.append(token)
        if words:
            span = doc[words[0].i : words[-1].i + 1]
            names.append(Mention(text=span.text, cls=EntityClass.Person, start=span.start_char, end=span.end_char))
    return names


def signed_names(doc: Doc) -> list[Mention]:
    """The names that sign a quote, people whatever the tagger took them for: '"We need a change."
    ― Jane Q Doe'."""
    names = []
    for signature in SIGNATURE.finditer(doc.text):
        span = doc.char_span(*signature.span(1), alignment_mode="contract")
        if span is not None:
            names.append(Mention(text=span.text, cls=EntityClass.Person, start=span.start_char, end=span.end_char))
    return names

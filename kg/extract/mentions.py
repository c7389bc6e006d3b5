"""Named-entity mentions: spaCy's entities, cleaned and typed into ontology classes.

Numbers, dates, money and quantities are figures, not entities; a nationality ('Chinese
officials') is a mention of its country, never an entity of its own. Pronouns, determiners and bare
common nouns never become mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.headlines import headline_parts, lower_case_words, without_headline_words
from kg.extract.places import place_mentions
from kg.geo import country_of_demonym, is_country
from kg.extract.spans import sentence, text_of, tokens_where
from kg.extract.titles import ROLE_WORDS, is_title_word
from kg.model import ORGANISATION_CLASSES, Mention
from kg.names import is_first_name, normalise, person_gender

# spaCy (OntoNotes) label -> ontology class. Labels not listed are not entities.
LABEL_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "GeopoliticalEntity",
    "LOC": "Location",
    "FAC": "Facility",
    "PRODUCT": "Product",
    "EVENT": "Event",
    "LAW": "Policy",
    "WORK_OF_ART": "CreativeWork",
}
# Words in an organisation's name that tell its kind ("Ministry of Commerce", "Ford Motor Co").
GOVERNMENT_WORDS = frozenset(
    "ministry department government agency commission council parliament congress senate "
    "administration bureau cabinet customs authority authorities police army navy military "
    "court treasury embassy consulate municipality assembly".split()
)
COMPANY_WORDS = frozenset(
    "inc inc. corp corp. corporation ltd ltd. llc plc co co. company companies group holdings "
    "motors motor bank airlines airways industries technologies systems pharmaceuticals "
    "enterprises gmbh ag sa".split()
)
RESEARCH_WORDS = frozenset(
    "university academy institute institution college laboratory laboratories lab school "
    "observatory think-tank".split()
)
MEDIA_WORDS = frozenset(
    "news times post journal herald tribune gazette media press broadcasting television tv "
    "radio newspaper magazine reuters bloomberg agency-france-presse".split()
)
# Words of web-page furniture that the tagger takes for names.
PAGE_FURNITURE_WORDS = frozenset(
    "reply comment comments subscribe newsletter desk newsroom staff advertisement copyright "
    "login signup".split()
)
MAX_TITLED_NAME_WORDS = 3
# Classes read from a name's own words ('Commerce Ministry'): such a name may be written in lower case too.
NAMED_KIND_CLASSES = frozenset({"GovernmentBody", "Company", "ResearchOrganization", "MediaOrganization"})
LEADING_WORDS = frozenset({"the", "a", "an"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
EDGE_PUNCTUATION = " \t\n\"'“”‘’.,;:!?()[]{}-–—"
# A final full stop usually belongs to the name ("U.S.", "Inc."): spaCy leaves sentence stops out.
TRAILING_PUNCTUATION = EDGE_PUNCTUATION.replace(".", "")


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One Mention per usable named entity of `doc`, in text order."""
    lower_case = lower_case_words(doc)
    spans = [part for ent in doc.ents for part in headline_parts(ent, lower_case)]
    found = [m for m in map(mention_from_span, spans) if m is not None]
    found = [m for m in found if not _is_capitalised_common_phrase(m, text_of(doc))]
    found = without_headline_words(found, text_of(doc))
    found = _typed_like_conjuncts(found, doc)
    found += _titled_names(doc)
    # 'Chisholm, Minn.': the pair says what both words are, whatever the tagger took them for
    places = place_mentions(doc)
    found = [m for m in found if not any(p.start < m.end and m.start < p.end for p in places)] + places
    yield from sorted(found, key=lambda m: m.start)


def _is_capitalised_common_phrase(mention: Mention, text: str) -> bool:
    """'Iron Ore' in a shouty quote, where the article otherwise writes 'iron ore': a phrase
    the article itself writes in lower case is no name (unless its words say it is an
    organisation of a known kind, like 'Commerce Ministry')."""
    if mention.cls in NAMED_KIND_CLASSES or " " not in mention.text:
        return False
    lower = mention.text.lower()
    return lower != mention.text and re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


def _typed_like_conjuncts(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """'GM, Ford and Brennatek': a one-word 'person' listed mostly with organisations, and with no
    person, is an organisation too (unless it is a known first name)."""
    spans = {m: doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions}
    by_token = {t.i: m for m, span in spans.items() if span is not None for t in span}
    typed = []
    for mention in mentions:
        span = spans[mention]
        if mention.cls == "Person" and span is not None and len(span) == 1 and person_gender(mention.text) is None:
            listed = [by_token[t.i] for t in span.root.conjuncts if t.i in by_token]
            organisations = [m for m in listed if m.cls in ORGANISATION_CLASSES]
            # most of the list are organisations and nobody in it is a person
            if 2 * len(organisations) >= len(listed) > 0 and all(m.cls != "Person" for m in listed):
                cls = "Company" if any(m.cls == "Company" for m in organisations) else "Organization"
                mention = Mention(text=mention.text, cls=cls, start=mention.start, end=mention.end)
        typed.append(mention)
    return typed


def _titled_names(doc: Doc) -> list[Mention]:
    """Names the tagger missed right after a position word: 'spokesperson Jane Doe told ...'. A
    capitalised word there is a name even when it looks like a pronoun ('Spokesperson He said')."""
    in_entity = {t.i for ent in doc.ents for t in ent}
    names = []
    for title in tokens_where(doc, LOWER, ROLE_WORDS):
        if title.i in in_entity or title.i + 1 == len(doc):
            continue
        words = []
        for token in doc[title.i + 1 : title.i + 1 + MAX_TITLED_NAME_WORDS]:
            is_name = token.pos_ == "PROPN" or (token.pos_ == "PRON" and not token.is_sent_start)
            if not token.is_title or not is_name or token.i in in_entity or sentence(token) != sentence(title):
                break
            words.append(token)
        if words:
            span = doc[words[0].i : words[-1].i + 1]
            names.append(Mention(text=span.text, cls="Person", start=span.start_char, end=span.end_char))
    return names


def mention_from_span(span: Span) -> Mention | None:
    nationality = _nationality(span)
    if nationality is not None:
        return _country_of_nationality(*nationality)
    cls = LABEL_CLASSES.get(span.label_)
    if cls is None or any(token.pos_ == "PRON" for token in span) or _is_page_furniture(span):
        return None
    text, start = _clean(span.text, span.start_char)
    if cls == "Person":
        text, start = _without_description(*_without_title(text, start))
    if not any(ch.isalpha() for ch in normalise(text)) or "\n" in text:
        return None  # nothing of a name is left ('> ’s')
    if len(text) == 1 or (text.islower() and " " not in text):  # "a", "trade": not a name
        return None
    if cls == "Organization":
        if _is_title_modifier(span):
            return None  # "Commerce" in "Commerce Minister X" is part of a title, not a name
        cls = organisation_class(text)
    elif cls == "GeopoliticalEntity" and is_country(text):
        cls = "Country"
    return Mention(text=text, cls=cls, start=start, end=start + len(text))


def _nationality(span: Span) -> tuple[Token, str] | None:
    """The demonym and its country when the span is a nationality with at most common nouns after
    it: 'Chinese', 'Chinese officials', 'the Chinese authorities'."""
    first = span[0] if span[0].lower_ not in LEADING_WORDS or len(span) == 1 else span[1]
    country = country_of_demonym(first.text)
    rest = span.doc[first.i + 1 : span.end]
    if country is None or any(not t.is_lower for t in rest if t.is_alpha):
        return None
    return first, country


def _country_of_nationality(demonym: Token, country: str) -> Mention | None:
    """'Chinese' in 'Chinese officials' names no entity of its own: it stands for China. Used as a
    noun ('the American won') it is a person, so neither a country nor an entity."""
    if demonym.dep_ not in ("amod", "compound", "nmod"):
        return None
    return Mention(text=demonym.text, cls="Country", start=demonym.idx, end=demonym.idx + len(demonym),
                   refers_to=country)


def organisation_class(name: str) -> str:
    """The most specific organisation class its name reveals, else Organization."""
    words = set(re.findall(r"[\w.&-]+", name.lower()))
    for cls, cue_words in (
        ("GovernmentBody", GOVERNMENT_WORDS),
        ("ResearchOrganization", RESEARCH_WORDS),
        ("MediaOrganization", MEDIA_WORDS),
        ("Company", COMPANY_WORDS),
    ):
        if words & cue_words:
            return cls
    return "Organization"


def _is_page_furniture(span: Span) -> bool:
    """Bylines, photo credits and buttons that scraped pages leave in the text: 'LEAVE A REPLY',
    'Monitoring Desk', 'Jane Doe/Reuters'."""
    words = {t.lower_ for t in span}
    shouting = span.text.isupper() and len(span) > 1 and any(t.is_stop for t in span)
    return shouting or bool(words & PAGE_FURNITURE_WORDS) or "/" in span.text


def _is_title_modifier(span: Span) -> bool:
    """A single capitalised word right before a position word: 'Trade Representative', 'Treasury
    Secretary'. Acronyms ('EU Commissioner') stay names."""
    doc = span.doc
    return (
        len(span) == 1
        and not span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].lower_ in ROLE_WORDS
    )


def _without_title(text: str, start: int) -> tuple[str, int]:
    """'Commerce Minister Jane Doe' -> 'Jane Doe', 'Mr. Smith' -> 'Smith': the title is a role."""
    words = text.split(" ")
    titled = [i for i, word in enumerate(words[:-1]) if is_title_word(word)]
    if not titled:
        return text, start
    kept = " ".join(words[titled[-1] + 1 :])
    return kept, start + len(text) - len(kept)


def _without_description(text: str, start: int) -> tuple[str, int]:
    """'Comedian Jane Doe', 'Unemployed John Doe' -> the name: words before a known first name that
    are no first names themselves describe the person (a name keeps at least two words)."""
    words = text.split(" ")
    while len(words) > 2 and not is_first_name(words[0]) and is_first_name(words[1]) and words[0].isalpha():
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _clean(text: str, start: int) -> tuple[str, int]:
    """Drop a leading article, a possessive ending and edge punctuation; keep offsets right."""
    stripped = text.lstrip(EDGE_PUNCTUATION)
    start += len(text) - len(stripped)
    first, _, rest = stripped.partition(" ")
    if first.lower() in LEADING_WORDS and rest:
        start += len(first) + 1
        stripped = rest
    for ending in POSSESSIVE_ENDINGS:
        if stripped.endswith(ending) and len(stripped) > len(ending):
            stripped = stripped[: -len(ending)]
            break
    return stripped.rstrip(TRAILING_PUNCTUATION), start

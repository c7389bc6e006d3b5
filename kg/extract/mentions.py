"""Named-entity mentions: spaCy's entities, cleaned and typed into ontology classes.

Numbers, dates, money and quantities are figures, not entities; nationalities (NORP) link to
countries in entity resolution, so they are not entities either. Pronouns, determiners and bare
common nouns never become mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pycountry
from spacy.tokens import Doc, Span

from kg.model import Mention
from kg.names import normalise

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
LEADING_WORDS = frozenset({"the", "a", "an"})
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
EDGE_PUNCTUATION = " \t\n\"'“”‘’.,;:!?()[]{}-–—"
# A final full stop usually belongs to the name ("U.S.", "Inc."): spaCy leaves sentence stops out.
TRAILING_PUNCTUATION = EDGE_PUNCTUATION.replace(".", "")


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One Mention per usable named entity of `doc`, in text order."""
    for span in doc.ents:
        mention = mention_from_span(span)
        if mention is not None:
            yield mention


def mention_from_span(span: Span) -> Mention | None:
    cls = LABEL_CLASSES.get(span.label_)
    if cls is None or any(token.pos_ == "PRON" for token in span):
        return None
    text, start = _clean(span.text, span.start_char)
    if not any(ch.isalpha() for ch in normalise(text)) or "\n" in text:
        return None  # nothing of a name is left ('> ’s')
    if len(text) == 1 or (text.islower() and " " not in text):  # "a", "trade": not a name
        return None
    if cls == "Organization":
        cls = organisation_class(text)
    elif cls == "GeopoliticalEntity" and is_country(text):
        cls = "Country"
    return Mention(text=text, cls=cls, start=start, end=start + len(text))


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


def is_country(name: str) -> bool:
    """True for a country name or an upper-case ISO code ('China', 'U.S.', 'USA')."""
    bare = name.replace(".", "")
    if len(bare) <= 3 and not bare.isupper():
        return False
    try:
        pycountry.countries.lookup(bare)
    except LookupError:
        return False
    return True


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

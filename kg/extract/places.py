"""Where places and organisations are, as news writes it.

- 'Town, Region': 'Aiken, S.C.', 'Chisholm, Minn.', datelines such as 'BANGKOK, Thailand (AP) —',
  and a place the tagger knows followed by its country ('in Riga, Latvia, in 1938').
  The region is a US state (full name or AP style-book abbreviation) or a country (kg.lexicon.geo). The tagger often misses one half or takes 'Minn' for a person, so the pair
  fixes both mentions; and the pair itself says the town is located in the region.
- A public body named after its country or its demonym ('U.S. Congress', 'Haitian Parliament')
  is based in that country.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import sentence, sentence_of, tokens_where
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.lexicon.geo import country_of_demonym, is_country, us_state
from kg.model import (
    ORGANISATION_CLASSES,
    PLACE_CLASSES,
    EntityClass,
    Evidence,
    Mention,
    Relation,
    RelationKind,
)

MAX_TOWN_WORDS = 4
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_REGION_TOKENS = 3


def region_pairs(doc: Doc) -> Iterator[tuple[Span, Span, str, str]]:
    """(town, region, region's full name, rule) for each 'Town, Region' in `doc`: the region a US
    state ('town-region'); or a country when the pair opens a paragraph in capitals (a dateline,
    'town-region') or when the tagger took the town for a place and the country ends the phrase
    ('Riga, Latvia, in 1938', 'to Caracas, Venezuela.': 'town-country'). A town that is itself a
    state or country is a list ('Texas, Ohio and Utah'), not a location; so is a country followed by
    'and' ('Lima, Peru and Chile'), and a town after another name and a comma ('Deacon Blue,
    Idlewild, Texas, Mogwai')."""
    for comma in tokens_where(doc, ORTH, [","]):
        if not 0 < comma.i < len(doc) - 1:
            continue
        region = _region_after(comma)
        town = _town_before(comma)
        if region is None or town is None:
            continue
        region_span, full_name = region
        if us_state(town.text) or is_country(town.text) or _listed(town, region_span):
            continue
        if us_state(region_span.text) is not None or _is_dateline(town):
            yield town, region_span, full_name, "town-region"
        elif _is_named_place(town) and _ends_phrase(region_span) and not _after_comma(town):
            yield town, region_span, full_name, "town-country"


def _region_after(comma: Token) -> tuple[Span, str] | None:
    doc = comma.doc
    for length in range(MAX_REGION_TOKENS, 0, -1):
        span = doc[comma.i + 1 : comma.i + 1 + length]
        if len(span) < length or not span[0].is_title and not span[0].is_upper:
            continue
        state = us_state(span.text)
        if state is not None:
            return span, state
        if _is_dateline_region(span) and is_country(span.text):
            return span, span.text
        # 'Riga, Latvia, ...': the country's own words only, not the full stop or line break after it
        if all(t.is_alpha for t in span) and _ends_phrase(span) and is_country(span.text):
            return span, span.text
    return None


def _ends_phrase(span: Span) -> bool:
    """The region closes the place's phrase: the end of the sentence, punctuation, or a comma and
    no further name follows ('Riga, Latvia, in 1938'); not 'and', a possessive ('Baghdad, Iraq's
    capital') or a list going on ('England, Ireland, France and Wales')."""
    doc = span.doc
    if span.end >= len(doc) or sentence(doc[span.end]) != sentence(span.root):
        return True
    follower = doc[span.end]
    if follower.is_space:
        return True
    if follower.text == ",":
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        return after is None or not (after.is_title or after.is_upper) or not after.is_alpha
    return follower.is_punct and follower.text not in ("-", "'", "’")


def is_region_after(town: Token, region: Token) -> bool:
    """'Toronto, Canada', 'of Bethany, Conn.': the place `region` stands after the place `town`,
    apart only by a comma, and closes the phrase (not a list of places)."""
    doc = town.doc
    region_span = doc[region.left_edge.i : region.i + 1]
    between = doc[town.i + 1 : region_span.start]
    if town.ent_type_ not in PLACE_LABELS or [t.text for t in between] != [","]:
        return False
    return _ends_phrase(region_span) and not (town.i > 0 and doc[town.left_edge.i - 1].text == ",")


def _after_comma(town: Span) -> bool:
    """'Tokyo, Osaka, Japan': a town after a comma may be an item of a list."""
    return town.start > 0 and town.doc[town.start - 1].text == ","


def _is_named_place(town: Span) -> bool:
    """The tagger read every word of the town as (part of) a place's name."""
    return all(token.ent_type_ in PLACE_LABELS for token in town)


def _is_dateline_region(span: Span) -> bool:
    """A country after a dateline town: followed by the agency in brackets or a dash."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in ("(", "—", "--", "-", "–")


def _town_before(comma: Token) -> Span | None:
    """The capitalised words right before the comma, in the same sentence."""
    doc = comma.doc
    words: list[Token] = []
    for token in reversed(doc[max(0, comma.i - MAX_TOWN_WORDS) : comma.i]):
        if not (token.is_title or token.is_upper) or not token.is_alpha or sentence(token) != sentence(comma):
            break
        words.insert(0, token)
    if not words or words[0].is_stop and words[0].is_title and len(words) == 1:
        return None
    return doc[words[0].i : words[-1].i + 1]


def _listed(town: Span, region: Span) -> bool:
    """Town and region are two items of a list of names: a name that is no region and a comma
    before, a comma and another name after ('Deacon Blue, Idlewild, Texas, Mogwai and ...'); unlike
    'Aiken, S.C., Chisholm, Minn., and ...' or 'Fort Hamilton, Brooklyn, N.Y.;'."""
    doc = town.doc
    if town.start < 2 or region.end + 1 >= len(doc) or doc[town.start - 1].text != ",":
        return False
    before, after = doc[town.start - 2], doc[region.end + 1]
    named_before = before.is_title and not (us_state(before.text) or is_country(before.text))
    return named_before and doc[region.end].text == "," and after.is_title and after.is_alpha


def _is_dateline(town: Span) -> bool:
    """An all-capital town opening a paragraph: 'BANGKOK, Thailand (AP) —'."""
    doc = town.doc
    opens = town.start == 0 or "\n" in doc[town.start - 1].text_with_ws
    return opens and town.text.isupper()


def place_mentions(doc: Doc) -> list[Mention]:
    """A mention for each half of every 'Town, Region' pair: the town a place, the region the state
    or country it names (an abbreviation stands for the full name)."""
    found = []
    for town, region, full_name, _ in region_pairs(doc):
        found.append(Mention(text=town.text, cls=EntityClass.GeopoliticalEntity, start=town.start_char, end=town.end_char))
        cls = EntityClass.Country if us_state(region.text) is None else EntityClass.GeopoliticalEntity
        refers_to = full_name if full_name != region.text else None
        found.append(Mention(text=region.text, cls=cls, start=region.start_char, end=region.end_char,
                             refers_to=refers_to))
    return found


def located_in(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Relation]:
    """'Aiken, S.C.': Aiken is located in South Carolina."""
    for town, region, _, rule in region_pairs(doc):
        town_mention, region_mention = mentions.get(town.root.i), mentions.get(region.root.i)
        if town_mention is None or region_mention is None:
            continue
        if town_mention.cls in PLACE_CLASSES and region_mention.cls in PLACE_CLASSES:
            yield _relation(town_mention, RelationKind.locatedIn, region_mention, town.root, rule)


def home_countries(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[tuple[Mention, Mention]]:
    """(organisation, country) for each organisation whose name starts with a country or its
    demonym: 'U.S. Congress' -> U.S., 'Haitian Parliament' -> Haiti (the demonym stands for it)."""
    for mention in mentions:
        if mention.cls not in ORGANISATION_CLASSES or mention.refers_to:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) < 2 or any(t.lower_ in ("of", "in") for t in span):
            continue  # 'American University of Beirut': the rest of the name says where
        for length in range(len(span) - 1, 0, -1):
            prefix = span[:length]
            country = country_of_demonym(prefix.text)
            if country is None and is_country(prefix.text):
                country = prefix.text
            if country is not None:
                yield mention, Mention(text=prefix.text, cls=EntityClass.Country, start=prefix.start_char,
                                       end=prefix.end_char, refers_to=None if country == prefix.text else country)
                break


def based_in_home_country(doc: Doc, homes: list[tuple[Mention, Mention]]) -> Iterator[Relation]:
    """'U.S. Congress', 'the British government': a public body is based in the country its name
    starts with. A company's or an association's is its brand ('British Airways', 'American
    Airlines', 'British Medical Association'): readers did not take it for a stated base."""
    for organisation, country in homes:
        if organisation.cls != EntityClass.GovernmentBody:
            continue
        anchor = doc.char_span(country.start, country.end, alignment_mode="expand")
        yield _relation(organisation, RelationKind.basedIn, country, anchor.root, "country-in-name")


def _relation(subject: Mention, kind: str, obj: Mention, anchor: Token, rule: str) -> Relation:
    """A relation of a known kind, evidenced by the sentence of `anchor`."""
    return Relation(subject=subject, predicate=kind, object=obj, kind=kind,
                    evidence=Evidence(sentence=sentence_of(anchor), rule=rule, confidence=RULE_CONFIDENCE[rule]))

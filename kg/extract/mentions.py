"""Named-entity mentions: spaCy's entities, cleaned and typed into ontology classes.

Numbers, dates, money and quantities are figures, not entities; a nationality ('Chinese
officials') is a mention of its country, never an entity of its own. Pronouns, determiners and bare
common nouns never become mentions.

A mention is the name of one thing: scores stuck to it are cut off ('Rafael Nadal 6-2'), two names
run together are two ('Leeds v Burnley'), and common nouns ('the federal court', 'the next Labour
government') and fragments of longer names ('the Bank', 'AG', 'Stars on') are none. Its class is the
tagger's label checked against the name itself, in the order of `_class_of`: the noun before it
('the film X'), the shape of a person's name ('G Rowntree', 'Cesc Fabregas'), the last word of an
organisation or a place ('Munich Re', 'Leeds United'), and the words that confirm a facility, an
event, a product or a law ('Millennium Stadium', 'Davis Cup', 'Nokia 6600', 'Kyoto Protocol').
The small model's facilities, products, works and events are right only a third of the time, so
without such words they are plain kg:Entity: named things of unsure kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.headlines import headline_parts, lower_case_words, without_headline_words
from kg.extract.places import place_mentions
from kg.lexicon.geo import capital_country, country_of_demonym, is_country
from kg.extract.doc_lookups import sentence, text_of, tokens_where
from kg.lexicon.organisations import COMPANY_WORDS, GOVERNMENT_WORDS, MEDIA_WORDS, RESEARCH_WORDS
from kg.lexicon.titles import HONORIFICS, ROLE_WORDS, is_honorific_or_rank, is_title_word
from kg.model import GENERIC_CLASS, ORGANISATION_CLASSES, Mention
from kg.lexicon.names import first_name_frequency, is_first_name, normalise, person_gender

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
    # not spaCy's: one of two names the tagger ran together ('Leeds v Sheffield'); its kind is unsure
    "NAME": "Entity",
}
# Labels the small model gets right about a third of the time on news (bench/precision, BBC): their
# class stands only when the name's own words confirm it, else the name is a plain kg:Entity.
UNSURE_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NAME"})
# Legal forms of a company: no name on their own ('AG' of 'Deutsche Bank AG').
LEGAL_SUFFIXES = frozenset("inc corp co ltd llc plc ag sa nv bv gmbh".split())
# Words naming a kind of organisation: alone ('the Bank', 'the Association') they are a fragment
# of a longer name, which coreference may find ('the Bank' -> Bank of England).
GENERIC_ORGANISATION_WORDS = frozenset(
    "bank association council group party union committee commission company corporation board "
    "federation league society institute university college ministry department agency authority "
    "organisation organization foundation trust club fund".split()
)
# Last words of the names of clubs, parties and other organisations that are no surname
# ('Leeds United', 'Lib Dems', 'Swiss Re').
ORGANISATION_END_WORDS = LEGAL_SUFFIXES | frozenset(
    "re group holdings fc afc club united rovers athletic wanderers albion hotspur "
    "dems democrats republicans conservatives tories liberals socialists party".split()
)
# Name words that confirm a built structure, an event, a law ("Millennium Stadium", "Davis Cup",
# "Kyoto Protocol"): the last word of the name, or the word before its 'of' / 'on'.
FACILITY_WORDS = frozenset(
    "stadium arena airport bridge tower station terminal harbour port dock hospital prison jail museum "
    "gallery theatre theater cathedral church abbey mosque temple synagogue palace castle hall house "
    "centre center building hotel casino racecourse circuit velodrome road street avenue lane square "
    "motorway highway tunnel dam canal park opera".split()
)
# Competitions and occasions ('Davis Cup', 'Cannes Film Festival') may be tagged as organisations;
# wars and disasters are events only where the tagger said so ('Stop the War' is a campaign).
OCCASION_WORDS = frozenset(
    "cup championship championships open games olympics olympiad tournament marathon marathons prix bowl "
    "festival awards summit conference election elections referendum".split()
)
# Words that make a place into an event's name when the tagger left them out ('US Open', 'Boston
# Marathon'); not 'Cup', which follows clubs' names ('Chelsea Cup run').
EVENT_NAME_ENDINGS = frozenset("open championships games olympics marathon".split())
EVENT_NAME_STARTS = frozenset({"GPE", "NORP", "LOC", "ORG"})
EVENT_WORDS = OCCASION_WORDS | frozenset("war wars battle revolution earthquake tsunami hurricane".split())
POLICY_WORDS = frozenset("treaty act accord accords agreement charter protocol directive pact plan".split())
# ... and words that name a law only with its subject after them ('Convention on Human Rights'; a
# 'National Convention' is a party's meeting).
TOPICAL_POLICY_WORDS = frozenset({"convention", "treaty", "agreement"})
# Prizes are named things of no class of their own ('Booker Prize', 'Golden Bear'): plain entities.
AWARD_WORDS = frozenset("award prize prizes medal trophy".split())
# A number or Roman numeral ending a name ('World War II', 'Rocky IV'): the word before it is the head.
ORDINAL_WORDS = frozenset("i ii iii iv v vi one two three".split())
# Facility words that also end organisations' names ('Carnegie Hall', 'White House'): an ORG keeps
# its kind unless its name ends with one of these.
ORGANISATION_FACILITY_WORDS = frozenset("stadium arena airport bridge".split())
# Places and organisations, never people: a name ending with one of these is no person ('Leeds
# United', 'Hampden Park', 'Davis Cup', 'Morgan Stanley Bank').
NOT_PERSON_END_WORDS = (
    ORGANISATION_END_WORDS | FACILITY_WORDS | EVENT_WORDS | POLICY_WORDS | AWARD_WORDS | GOVERNMENT_WORDS | COMPANY_WORDS
    | RESEARCH_WORDS | MEDIA_WORDS | GENERIC_ORGANISATION_WORDS
    | frozenset("city town county village island islands river lake bay beach valley hills mountains falls "
                "forest harbour airways national international global capital financial securities partners "
                "brothers bros mail express energy insurance mutual entertainment records pictures studios "
                "stores foods fair exchange".split())
)
# First words that begin the names of places and things and are in the first-name dictionary too
# ('Santa Barbara', 'River Tyne', 'Le Figaro', 'El Salvador', 'Al Jazeera').
NOT_FIRST_NAMES = frozenset(
    "saint santa san st st. mount fort port lake cape river royal grand new north south east west great "
    "al el le la les los las il lo da de di du der die das del".split()
)
# The name dictionary holds many rare 'first names' that are common words or places ('Sheffield',
# 'Night', 'River'): a name the tagger did not call a person needs a first name at least this common
# (its codes run 1-13), or the article's word for it.
MIN_FIRST_NAME_FREQUENCY = 3
# Lower-case words between a first name and a surname ('Rafael de la Cruz').
NAME_PARTICLES = frozenset("de del della di da dal dos das van von der den du la le al bin ibn ter".split())
# A capitalised word of a person's name: 'Smith', "O'Brien", 'McCartney', 'Henin-Hardenne'.
NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’]*[a-z](?:-[A-Z][A-Za-z'’]*[a-z])*$")
INITIAL = re.compile(r"^[A-Z]\.?$")  # 'G Rowntree', 'J. Smith'
MAX_PERSON_NAME_WORDS = 4
# Labels the tagger is mostly right about: overruled for a person only on the article's word (the
# surname tagged as a person elsewhere, a courtesy title) or an initial ('G Rowntree').
SURE_LABELS = frozenset({"ORG", "GPE", "LOC"})
# Labels a person's name may be mistaken for (a law named after a person is still a law: 'Marshall Plan').
NOT_PERSON_LABELS = SURE_LABELS | UNSURE_LABELS
# A score or result stuck to a name ('Rafael Nadal 6-2 6-7 (3/7)'): no part of it.
# The tokenizer splits a score ('6', '-', '2'), so figures are read on the text of the tokens.
SCORE = re.compile(r"(?<!\d)\d{1,2}\s*[-–/]\s*\d{1,2}(?!\d)")
NUMBER = re.compile(r"^\d[\d.,]*$")
FIGURE_PUNCTUATION = frozenset("( ) [ ] - – /".split())
# A model or version number ending a name ('Nokia 6600', 'Firefox 1.0', 'Airbus A380'), not a year.
MODEL_NUMBER = re.compile(r"^(?=[A-Z]*\d)(?:[A-Z]{0,3}\d{3,}[A-Z]?|\d+\.\d+)$")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Nouns right before a name that say what it is ('the film Vera Drake', 'the browser Firefox').
CREATIVE_WORK_NOUNS = frozenset(
    "film movie album single song book novel play musical opera show series sitcom drama "
    "documentary programme program soap hit painting poem titled entitled".split()
)
PRODUCT_NOUNS = frozenset("phone handset smartphone console browser car jet airliner aircraft drug vaccine laptop".split())
# Words that separate two names the tagger ran together ('Jenas, Milner', 'Leeds v Sheffield').
NAME_SEPARATORS = frozenset({",", "v", "vs", "v.", "vs."})
# Adjectives that place a common noun in time or order ('the present government', 'the next
# Labour government', 'the former Soviet Union'): no part of a name.
DETERMINER_ADJECTIVES = frozenset(
    "present next former new previous current last future incoming outgoing then late existing "
    "interim same whole entire".split()
)
# A name may be written all in lower case only when it heads on one of these ('the commerce ministry').
LOWER_CASE_NAME_HEADS = frozenset("ministry department bureau".split())  # not "the news agency"
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
# Words a name does not end on, written in lower case: a preposition or a conjunction means it was
# cut ('Stars on'); an article in any case ('Jerry Springer - The').
DANGLING_WORDS = frozenset("of on in for at to with by from and or &".split())
COMMON_WORD_POS = frozenset({"VERB", "ADJ", "ADV"})
MODIFIER_DEPS = frozenset({"amod", "compound"})


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One Mention per usable named entity of `doc`, in text order."""
    lower_case = lower_case_words(doc)
    spans = [part for ent in doc.ents for part in headline_parts(_with_initial(_with_event_ending(ent)), lower_case)]
    spans = [name for span in spans for name in separate_names(span)]
    evidence = article_evidence(doc, spans)
    found = [m for m in (mention_from_span(span, evidence=evidence) for span in spans) if m is not None]
    found = [m for m in found if not _is_capitalised_common_phrase(m, text_of(doc))]
    found = _without_common_words(found, doc, lower_case)
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
    return lower != mention.text and _written_in_lower_case(lower, text)


def _without_common_words(mentions: list[Mention], doc: Doc, lower_case: frozenset[str]) -> list[Mention]:
    """'Registering names is easy', 'Mobile phone sales doubled ... mobile users': a single capitalised
    word the parser reads as a verb, or as an adjective or adverb the article also writes in lower
    case, or that only opens a sentence as a modifier and is written in lower case elsewhere, is no
    name, unless it is a word of a person's name the article gives in full ('Brown')."""
    in_names = {word for m in mentions if m.cls == "Person" for word in m.text.split()[1:] if " " in m.text}
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


def _with_initial(span: Span) -> Span:
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


def _with_event_ending(span: Span) -> Span:
    """'US Open', 'Boston Marathon': the tagger took the place and left the competition's word out."""
    doc = span.doc
    if span.label_ not in EVENT_NAME_STARTS or span.end == len(doc):
        return span
    after = doc[span.end]
    if after.is_title and after.lower_ in EVENT_NAME_ENDINGS and not after.is_sent_start and not after.ent_type_:
        return Span(doc, span.start, span.end + 1, label="EVENT")
    return span


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
            if not words and (is_title_word(token.text) or token.text == "." and is_title_word(token.nbor(-1).text)):
                continue  # 'spokesman Lt. Pat Philbin': the rank (and the full stop split off it) is a title too
            is_name = token.pos_ == "PROPN" or (token.pos_ == "PRON" and not token.is_sent_start)
            if not token.is_title or not is_name or token.i in in_entity or sentence(token) != sentence(title):
                break
            words.append(token)
        if words:
            span = doc[words[0].i : words[-1].i + 1]
            names.append(Mention(text=span.text, cls="Person", start=span.start_char, end=span.end_char))
    return names


@dataclass(frozen=True)
class ArticleEvidence:
    """What the whole article says of its names, beyond the sentence one of them stands in."""

    # names the tagger called a person (and the surnames of those with a known first name:
    # 'Cingular Wireless' is no evidence), and words after a courtesy title ('Mr Cable')
    people: frozenset[str] = frozenset()
    # names the article describes somewhere: 'the film Vera Drake' -> CreativeWork
    kinds: Mapping[str, str] = field(default_factory=dict)


def article_evidence(doc: Doc, spans: list[Span]) -> ArticleEvidence:
    people = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            people.add(ent.text)
            if len(ent) > 1 and is_first_name(ent[0].text):
                people.add(ent[-1].text)
    people.update(t.nbor().text for t in tokens_where(doc, LOWER, HONORIFICS) if t.i + 1 < len(doc) and t.nbor().is_title)
    kinds = {}
    for span in spans:
        kind = _described_as(span)
        if kind is not None:
            kinds[_clean(span.text, 0)[0]] = kind
    return ArticleEvidence(people=frozenset(people), kinds=kinds)


def mention_from_span(span: Span, *, evidence: ArticleEvidence = ArticleEvidence()) -> Mention | None:
    nationality = _nationality(span)
    if nationality is not None:
        return _country_of_nationality(*nationality)
    if span.label_ not in LABEL_CLASSES or _has_pronoun(span) or _is_page_furniture(span):
        return None
    if _is_common_noun_phrase(span):
        return None  # 'the federal court', 'the next Labour government'
    unscored = _without_leading_adjectives(_without_trailing_verb(span))
    name = _without_figures(unscored)
    if name is not unscored and is_person_name(_clean(name.text, 0)[0].split()):
        # 'Karol Brisk 4-6 6-3': a person's name with a score stuck on is a player's
        evidence = replace(evidence, people=evidence.people | {name[-1].text})
    text, start = _clean(name.text, name.start_char, initial=_starts_with_initial_a(name))
    if not text.split():
        return None  # cleaning left nothing ('&', '-', a figure alone)
    cls = _class_of(name, text, evidence)
    if cls == "Person":
        text, start = _without_description(*_without_title(text, start))
    if not any(ch.isalpha() for ch in normalise(text)) or "\n" in text:
        return None  # nothing of a name is left ('> ’s')
    if len(text) == 1 or (text.islower() and " " not in text):  # "a", "trade": not a name
        return None
    if " " not in text and is_honorific_or_rank(text):  # 'Dr', 'Lt.': a title whose name was cut off
        return None
    if _is_fragment(text):
        return None  # 'Bank' of 'Bank of England', 'AG', 'Stars on' of 'Stars on Thin Ice'
    if span.label_ == "ORG" and _is_title_modifier(span):
        return None  # "Commerce" in "Commerce Minister X" is part of a title, not a name
    return Mention(text=text, cls=cls, start=start, end=start + len(text))


def _has_pronoun(span: Span) -> bool:
    """'he', 'it' are no names; an initial the tagger read as one is ('A Masi')."""
    return any(token.pos_ == "PRON" and not (token.i == span.start and _starts_with_initial_a(span)) for token in span)


def _class_of(name: Span, text: str, evidence: ArticleEvidence) -> str:
    """The ontology class of a name: the tagger's label, checked against the name's own words, the
    noun right before it and what the article says of it. The checks run in this order."""
    label, words = name.label_, text.split()
    cls = LABEL_CLASSES[label]
    described = evidence.kinds.get(text)
    worded = _class_from_words(words)
    if described is not None:
        return described  # 'the film Vera Drake' (here or elsewhere in the article), 'the browser Firefox'
    if label in NOT_PERSON_LABELS and _is_person(words, label, evidence.people):
        return "Person"  # 'Cate Blanchett' or 'G Rowntree' tagged as an organisation or a place
    if label in NOT_PERSON_LABELS and _after_courtesy_title(name, words):
        return "Person"  # 'Lord Butler' with only 'Butler' tagged, as an organisation
    last = _bare(words[-1])
    if label == "PERSON":
        # 'Munich Re', 'Lib Dems': a person's name does not end with an organisation's word
        return organisation_class(text) if last in ORGANISATION_END_WORDS else cls
    if label == "PRODUCT" and (len(words) > 1 and any(ch.isdigit() for ch in words[-1]) or MODEL_NUMBER.match(text)):
        return "Product"  # 'PlayStation 3', 'Rover 75', 'A380'
    if label in UNSURE_LABELS:
        # 'Millennium Stadium' is a facility, 'Davis Cup' an event; 'Grand Slam' only a named thing
        kind = organisation_class(text)
        return worded or (kind if kind != "Organization" else GENERIC_CLASS)
    if label == "ORG":
        # 'Davis Cup', 'Nokia 6600', 'Good Friday Agreement', 'Booker Prize', 'Wembley Stadium' tagged
        # as organisations ('Stop the War' is a campaign, 'White House' an office)
        occasion_or_site = last in OCCASION_WORDS | ORGANISATION_FACILITY_WORDS
        if worded in ("Product", "Policy", GENERIC_CLASS) or (worded is not None and occasion_or_site):
            return worded
        return organisation_class(text)
    if label in ("GPE", "LOC") and last in ORGANISATION_END_WORDS:
        return organisation_class(text)  # 'Leeds United' tagged as a place
    if cls == "GeopoliticalEntity" and is_country(text):
        return "Country"
    return cls


def _is_person(words: list[str], label: str, people: frozenset[str]) -> bool:
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


def _after_courtesy_title(name: Span, words: list[str]) -> bool:
    before = name.doc[name.start - 1] if name.start > 0 else None
    return (before is not None and before.lower_ in HONORIFICS and len(words) == 1
            and NAME_WORD.match(words[0]) is not None and _bare(words[0]) not in NOT_PERSON_END_WORDS)


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
    if _bare(words[-1]) in NOT_PERSON_END_WORDS:
        return False
    phrases = [*words, " ".join(words), " ".join(rest)]
    return not any(is_country(p) or country_of_demonym(p) or capital_country(p) for p in phrases)


def _bare(word: str) -> str:
    """A word as the word lists hold it: 'Theatre.' -> 'theatre'."""
    return word.lower().strip(".,;:'’")


def _class_from_words(words: list[str]) -> str | None:
    """The class a name's own words confirm: a model number ('Nokia 6600') is a product; the last
    word, or the word before 'of'/'on', names a facility ('Millennium Stadium', 'Palace of
    Westminster'), an event ('Davis Cup', 'War of Independence') or a law ('Kyoto Protocol',
    'Convention on Human Rights')."""
    if len(words) > 1 and MODEL_NUMBER.match(words[-1]) and not YEAR.match(words[-1]):
        return "Product"
    bare = [_bare(word) for word in words]
    if len(bare) > 1 and bare[-1] in ORDINAL_WORDS:
        bare = bare[:-1]  # 'World War II'
    heads = {bare[-1]}
    topic_heads = set()
    for before, word in zip(bare, bare[1:]):
        if word in ("of", "on"):
            topic_heads.add(before)
            break
    heads |= topic_heads
    for cls, cue_words in (("Facility", FACILITY_WORDS), ("Event", EVENT_WORDS), ("Policy", POLICY_WORDS),
                           (GENERIC_CLASS, AWARD_WORDS)):
        # a lone 'Bridge' or 'Park' is more often a surname; a lone 'Olympics' is the event
        if heads & cue_words and (len(bare) > 1 or cls == "Event"):
            return cls
    return "Policy" if topic_heads & TOPICAL_POLICY_WORDS else None


def _described_as(name: Span) -> str | None:
    """The class the noun right before a name gives it: 'the film Vera Drake', 'titled Stars on Thin
    Ice' (a creative work), 'the browser Firefox' (a product)."""
    first = name.start + (1 if name[0].lower_ in LEADING_WORDS else 0)
    if first == 0:
        return None
    before = name.doc[first - 1]
    if not before.is_lower or (before.pos_ != "NOUN" and before.lower_ not in ("titled", "entitled")):
        return None
    if name.root.head != before and before.head not in name:
        return None  # 'the show Jonathan Ross once hosted': the noun is not the name's
    if any(child.tag_ == "JJS" for child in before.children):
        return None  # 'the best film Oscar': a category, not what the name is
    if before.lower_ in CREATIVE_WORK_NOUNS:
        return "CreativeWork"
    if before.lower_ in PRODUCT_NOUNS:
        return "Product"
    return None


def _is_common_noun_phrase(span: Span) -> bool:
    """'the federal court', 'Local council', 'the present government', 'the next Labour government':
    a phrase in lower case (but for a first word that starts the sentence) is a common noun, and so
    is one placed in time or order by its first word. A lower-case phrase that heads on 'ministry'
    or 'department' is a name all the same ('the commerce ministry')."""
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


def _without_leading_adjectives(span: Span) -> Span:
    """'the former Soviet Union' -> 'Soviet Union': an adjective of time or order is no part of a name."""
    start = span.start
    while start + 1 < span.end and (span.doc[start].lower_ in LEADING_WORDS or span.doc[start].is_space):
        start += 1
    first = span.doc[start]
    if start + 1 < span.end and first.is_lower and first.lower_ in DETERMINER_ADJECTIVES:
        return Span(span.doc, start + 1, span.end, label=span.label_)
    return span


def _without_trailing_verb(span: Span) -> Span:
    """'Pascal Cygan missed' -> 'Pascal Cygan': a verb in lower case the tagger took into the name."""
    last = span[-1]
    if len(span) > 1 and last.is_lower and last.is_alpha and last.pos_ in ("VERB", "AUX"):
        return Span(span.doc, span.start, span.end - 1, label=span.label_)
    return span


def _without_figures(span: Span) -> Span:
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


def _is_fragment(text: str) -> bool:
    """A word for a kind of organisation alone ('Bank', 'Association'), a legal suffix alone ('AG'),
    or a name cut after a preposition or a conjunction ('Stars on') or the adjective after one
    ('Association of British'): part of a longer name."""
    words = text.split()
    if len(words) == 1 and words[0].lower().rstrip(".") in GENERIC_ORGANISATION_WORDS | LEGAL_SUFFIXES:
        return True
    if len(words) > 2 and words[-2] in DANGLING_WORDS and country_of_demonym(words[-1]):
        return True  # 'Association of British' (insurers): a name does not end on a nationality
    return len(words) > 1 and (words[-1] in DANGLING_WORDS or words[-1].lower() in LEADING_WORDS)


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


def _starts_with_initial_a(name: Span) -> bool:
    """'A Troncon' in a team list: inside a sentence, a capital 'A' before a surname is an initial."""
    return len(name) == 2 and name[0].text == "A" and not name[0].is_sent_start and NAME_WORD.match(name[1].text) is not None


def _clean(text: str, start: int, *, initial: bool = False) -> tuple[str, int]:
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

"""Reported figures: value and unit, what is measured, about whom, when, and according to whom.

"China's exports dropped 15.6 percent month-on-month to 4,785 metric tons in April, according to
customs data" gives two measurements of "exports" about China in April from "customs data": a
decrease of 15.6 percent and a level of 4,785 metric tons.

Everything but the value is read from the syntax around the figure, not from the nearest words:
the noun, verb or adverb the figure hangs on says whether it is a change ('a 22% fall', 'rose
12%', '12% higher') or a level ('rose to 12%'); the noun it belongs to or the subject of its verb
says what it measures; a modal, a condition or a target word above it ('could reach', 'if
adopted', 'aims for', 'a growth target of 5%') marks it as hypothetical (`Evidence.modality`).
When the syntax gives nothing good, an attribute is left empty rather than filled with a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.claims.cues import INSERTED_CUE_DEPS, is_cue
from kg.extract.claims.sources import according_to_object, document_source, source_of
from kg.extract.doc_lookups import sentence, sentence_of, text_of, tokens_where
from kg.extract.modality import modality
from kg.extract.noun_phrases import content_head, phrase_tokens
from kg.model import Evidence, Measurement, Mention, Source

FIGURE_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
COUNTED_LABELS = FIGURE_LABELS | {"CARDINAL"}
# Magnitudes glued to the number or in the next token ('$136m', '£2.2 bn', '5 million'); spaCy
# splits '$136m' into '$', '136', 'm' and often leaves the 'm' out of the entity.
SCALE_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                  "tn": 1_000_000_000_000}
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000}
SCALES = SCALE_SUFFIXES | SCALE_WORDS
NUMBER_WORDS = {
    word: index for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100, "half": Decimal("0.5")}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "hk$": "HKD",
                    "a$": "AUD", "c$": "CAD", "nz$": "NZD", "s$": "SGD"}
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "yen": "JPY", "rupee": "INR", "won": "KRW", "rouble": "RUB", "ruble": "RUB", "franc": "CHF",
}
# A qualifier that names another country's dollar or franc ('1.3bn Australian dollars').
QUALIFIED_CURRENCIES = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("zealand", "dollar"): "NZD",
    ("kong", "dollar"): "HKD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("cfa", "franc"): "CFA franc", ("swiss", "franc"): "CHF",
}
CURRENCY_WORD_FORMS = frozenset(CURRENCY_WORDS) | {word + "s" for word in CURRENCY_WORDS}
# Hundredths of a currency: '70 euro cents' is 0.70 EUR.
SUBUNITS = frozenset({"cent", "cents", "penny", "pence"})
# Nouns that name a currency as a thing whose price moves ('the dollar was buying 104 yen').
CURRENCY_NOUNS = frozenset(CURRENCY_WORDS) | {"currency", "greenback"}
PERCENT_WORDS = ("%", "percent", "per cent", "pc")
PERCENTAGE_POINT = re.compile(r"percentage points?")
NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
# '$5bn', '1.2m', '61%', 'A$458.4': an optional currency prefix, the number, an optional suffix
COMPACT = re.compile(r"^((?:[a-z]{1,2})?[$£€¥₹])?(\d[\d,]*(?:\.\d+)?)([a-z]*)$", re.IGNORECASE)
# '9-2', '2-1', '2008-09': odds, scores and years joined by a hyphen
HYPHENED_NUMBERS = re.compile(r"^\d+-\d+$")
# A price or an amount mis-tagged as a date ('1130p', '10bn').
AMOUNT_AS_DATE = re.compile(r"^\d[\d,.]*(p|k|m|mn|bn|tn)$", re.IGNORECASE)

# Change words. Verbs whose subject changes ('profits fell 5%'):
INCREASE_VERBS = frozenset(
    "rise increase grow jump surge climb gain soar rebound expand advance rally add double triple "
    "lift boost raise hike".split())
DECREASE_VERBS = frozenset(
    "fall drop decrease decline plunge slump slide tumble sink dip shrink contract lose ease slip cut "
    "halve reduce slash trim lower shed".split())
# ... of which these change their object and count only with 'by' or a percentage ('raised its
# stake by 5%', 'lifted prices 3%'; 'raised $5m' is money collected, not a rise).
OBJECT_INCREASE_VERBS = frozenset("lift boost raise hike".split())
# Nouns of change the figure qualifies ('a 22% fall', 'growth of 5%', 'a 53% pay rise').
INCREASE_NOUNS = frozenset(
    "rise increase growth jump surge climb rebound hike boost expansion upturn advance rally "
    "uplift".split())
DECREASE_NOUNS = frozenset(
    "fall drop decrease decline plunge slump slide cut reduction dip contraction downturn "
    "shrinkage tumble".split())
# A direction word the figure hangs on: '12% higher', '7.5% below the levels of a year ago',
# 'up 5.1 percent', '12% down'.
DIRECTION_WORDS = {"up": "increase", "higher": "increase", "above": "increase",
                   "down": "decrease", "lower": "decrease", "below": "decrease"}
# A figure after these is where a change ends or starts, a level: 'rose to 5%', 'from 11.2%'.
LEVEL_PREPOSITIONS = frozenset({"to", "from", "at"})
# How a figure is attached to a verb that moves by it: 'fell 3%', 'rose almost 4%'.
CHANGE_ARGUMENT_DEPS = frozenset({"dobj", "npadvmod", "advmod", "attr", "oprd", "conj"})

# Dependencies that lead from a figure up to the verb it belongs to.
GOVERNING_DEPS = frozenset(
    "prep pobj npadvmod dobj nummod quantmod compound appos conj acomp advmod amod attr oprd nmod".split())
# How a figure qualifies a noun: 'a $5bn deal', 'an 80% employment rate'.
QUALIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
# Verbs whose subject is what the figure measures: 'inflation stood at 2.6%', 'shares ended the day
# 12% down', 'the deal is worth £12bn', besides the verbs of change. Not 'pay', 'put', 'earmark':
# their subject is an actor ('Shareholders lost $180bn' says who lost it, not what it measures).
LEVEL_VERBS = frozenset(
    "be stand total reach hit top exceed remain stay end close finish open trade amount go average "
    "peak".split())
# Of the change verbs, these have an actor as subject unless the figure is a percentage ('shares
# lost 3%' but 'investors lost $2bn').
ACTOR_CHANGE_VERBS = frozenset("lose gain add shed cut reduce slash trim lower lift boost raise hike".split())
# Verbs whose subject has the change the figure qualifies: 'profits saw a 5% rise'.
CHANGE_HOLDER_VERBS = frozenset("see show post record enjoy suffer experience register".split())
# Nouns that only mark a level ('broke through the $50 mark'): what is measured is elsewhere.
PLACEHOLDER_NOUNS = frozenset(
    "mark level barrier threshold record high low peak total sum amount figure worth average".split())
# Head nouns that name an amount of something rather than the thing: the measure key is their
# modifier ('mining volume' measures mining, 'market share' the market, 'processing capacity'
# processing, 'growth target' growth).
AMOUNT_NOUNS = frozenset(
    "share volume amount level number total figure capacity capability quantity value rate proportion "
    "percentage portion part sum target goal".split())
# Dependencies inside a noun phrase, up to the object it belongs to: 'the cost of rebuilding'.
OBJECT_INTERNAL_DEPS = frozenset({"pcomp", "pobj", "prep", "acl"})
# Nouns that a percentage measures as such: 'its share of the market from 62% to 68%'.
SHARE_NOUNS = frozenset("share proportion percentage portion part majority minority stake".split())
# Organisations as subjects act rather than being measured: 'the firm ended the day at $8.08'
# measures its shares, 'the company paid $5m' says who paid.
ACTOR_NOUNS = frozenset(
    "firm company group bank business carmaker maker brewer retailer insurer airline lender operator "
    "producer supplier manufacturer investor shareholder government".split())
# Verbs that move their object to or from a figure: 'raised its share from 62% to 68%'.
OBJECT_CHANGE_VERBS = frozenset(
    "raise lift boost hike increase cut reduce slash trim lower halve double bring push take drive".split())
# Prepositions whose object owns the measured thing: 'sales of Acme', 'shares in Cairn', 'profits at HSBC'.
OWNER_PREPOSITIONS = frozenset({"of", "in", "at"})
# Prepositions after a change noun that name what changed: 'a 22% fall in profits'.
CHANGED_THING_PREPOSITIONS = frozenset({"in", "of"})
# A measure in capitals is an acronym ('GDP', 'CPI'); a longer word in capitals is a name ('BURNLEY').
MAX_ACRONYM = 4
# Named-entity types that are names, never what a figure measures ('Germans').
NAME_LABELS = frozenset("PERSON NORP ORG GPE LOC FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
# Entity types that end a measured phrase: 'profits for the year to 31 December' -> 'profits for the year'.
NOT_MEASURE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
TRAILING_FILLER_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"})
# Between an amount and its conversions: '400m euros ($527.61m; £274.73m)', '64 pence, or 6%'.
CONVERSION_WORDS = frozenset({"(", ";", ",", "/", "or"})
# A relative pronoun stands for the noun its clause hangs on ('China, which holds 60 percent').
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})

# Hypothetical figures: words above the figure that make it a target, a plan, a hope or a forecast
# rather than a fact ('aims for an 80% rate', 'plans to cut 25%', 'hopes to reach 10%', 'analysts
# expect growth of 5%'). Modal verbs ('could', 'would', 'will') come from kg.extract.modality.
HYPOTHETICAL_VERBS = {
    "aim": "target", "target": "target", "aspire": "target",
    "plan": "plan", "intend": "plan", "propose": "plan",
    "hope": "hope", "want": "hope", "wish": "hope", "seek": "hope",
    "expect": "forecast", "forecast": "forecast", "predict": "forecast", "project": "forecast",
    "anticipate": "forecast", "tip": "forecast",
}
HYPOTHETICAL_NOUNS = {
    "target": "target", "aim": "target", "goal": "target", "aspiration": "target", "ambition": "target",
    "objective": "target", "plan": "plan", "intention": "plan", "proposal": "plan", "hope": "hope",
    "expectation": "forecast", "forecast": "forecast", "prediction": "forecast", "projection": "forecast",
}
HYPOTHETICAL_ADJECTIVES = {"likely": "likely", "unlikely": "likely"}
HYPOTHETICAL_WORDS = {"VERB": HYPOTHETICAL_VERBS, "NOUN": HYPOTHETICAL_NOUNS, "ADJ": HYPOTHETICAL_ADJECTIVES}
# Conjunctions that make a clause a condition: 'sales would rise 5% if the deal goes ahead'.
CONDITION_MARKS = frozenset({"if", "unless"})
# How a figure is attached below the words that could make it hypothetical: through its noun
# phrase, its verb and the verbs and nouns that control it ('plans to cut', 'aspiration of moving
# towards'), but not through a relative, adverbial or reported clause, which states its own fact.
MODALITY_CLIMB_DEPS = frozenset(
    "nummod quantmod compound amod npadvmod nmod dobj pobj prep pcomp attr acomp oprd xcomp acl "
    "advmod appos nsubj nsubjpass".split())
INFLECTION_SUFFIXES = ("s", "es", "ed", "d", "ing")

# Source words kept for a figure: an entity, or a noun phrase headed by a word that can be the
# source of a number ('analysts', 'official figures', 'a report by X', 'minutes have shown').
SOURCE_NOUNS = frozenset(
    "analyst economist expert official spokesman spokeswoman spokesperson executive observer "
    "estimate data figure statistic report survey study poll research researcher forecast forecaster "
    "calculation document filing statement minute census agency office ministry department "
    "government regulator authority commission bureau institute source".split())
# Of those, the documents that can be the subject of the figure's own verb ('estimates put the cost at').
DOCUMENT_SOURCE_NOUNS = frozenset(
    "estimate data datum figure statistic report survey study poll research forecast calculation".split())
MAX_SOURCE_TOKENS = 12
# Pronouns for a company or a group as a source: which one is meant is too often wrong to say.
IMPERSONAL_PRONOUNS = frozenset({"it", "they", "them"})
# Cue verbs that report a figure (not 'agree', 'decide' or 'continue', which claims also reads as cues).
FIGURE_CUE_LEMMAS = frozenset(
    "say tell add claim confirm state announce report show reveal indicate estimate forecast predict "
    "expect find note warn disclose suggest accuse allege believe think insist argue admit "
    "acknowledge".split())

CONFIDENCE = 0.7


def extract_measurements(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Measurement]:
    previous: tuple[Span, Measurement] | None = None
    for figure in _figures(doc):
        parsed = _value_and_unit(figure)
        if parsed is None:
            continue
        value, unit = parsed
        root = _anchor(_root(figure))
        part = _part(root)
        verb = _governing_verb(root)
        verb = verb if verb is not None and _within(verb, part) else None
        if _is_score_or_odds(figure, unit) or _is_exchange_rate(figure, root, verb, value, unit):
            previous = None
            continue
        start, end = _bounds(figure)
        if previous is not None and _is_conversion(figure, previous[0], unit):
            # '400m euros ($527.61m; £274.73m)': the same amount in other currencies, the same facts
            measurement = replace(previous[1], value=value, unit=unit, text=text_of(doc)[start:end],
                                  start=start, end=end)
            previous = (figure, measurement)
            yield measurement
            continue
        change_noun = _change_noun(root)
        facts = _Figure(figure, root, verb, change_noun, unit, mentions)
        measure_head = _measure_head(facts)
        measure_head = measure_head if measure_head is not None and _within(measure_head, part) else None
        measure = _measure_text(measure_head, figure, root, mentions) if measure_head is not None else None
        shared = _share_of(facts)
        if measure is not None and unit == "percent" and isinstance(shared, Token) and shared.i == measure_head.i:
            measure = f"share of {measure}"  # '45% of GDP' measures a share of GDP, not GDP
        subject = _subject(measure_head, verb, mentions)
        reported_by, source = _attribution(figure, verb, mentions, part)
        measurement = Measurement(
            value=value,
            unit=unit,
            text=text_of(doc)[start:end],
            start=start,
            end=end,
            change=_change(figure, root, verb, change_noun, unit),
            measure=measure,
            measure_key=_measure_key(measure_head) if measure else None,
            subject=subject if subject is not None and part.start_char <= subject.start < part.end_char else None,
            period=_period(figure, root, verb, part),
            reported_by=reported_by,
            source=source,
            evidence=Evidence(sentence=sentence_of(root), rule="figure", confidence=CONFIDENCE,
                              modality=_modality(root, part)),
        )
        previous = (figure, measurement)
        yield measurement


def _part(root: Token) -> Span:
    """The figure's sentence, or the part of it on the figure's side of a full stop that the
    tagger glued to a magnitude ('... put at $640m. Allianz said ...' is two sentences)."""
    sent = sentence(root)
    start, end = sent.start, sent.end
    for token in sent[:-1]:
        if token.text.endswith(".") and len(token) > 1 and _scale_word(token) is not None \
                and (token.nbor().is_title or token.nbor().is_quote):
            if token.i < root.i:
                start = token.i + 1
            elif token.i >= root.i:
                end = token.i + 1
                break
    return root.doc[start:end]


def _within(token: Token, part: Span) -> bool:
    return part.start <= token.i < part.end


def _is_conversion(figure: Span, previous: Span, unit: str) -> bool:
    """The same amount said again right after another: in brackets in other currencies ('2.9bn
    euros (£1.99bn)', '($527.61m; £274.73m)') or after 'or' ('up 64 pence, or 6%')."""
    between = [t.lower_ for t in figure.doc[previous.end : figure.start]]
    if not between or not all(word in CONVERSION_WORDS for word in between):
        return False
    if "or" in between:
        return between[0] == ","
    opened = figure.doc[previous.start - 1].text == "(" if previous.start > 0 else False
    return _is_money(unit) and ("(" in between or opened)


# --- Finding the figures -----------------------------------------------------------------------


def _figures(doc: Doc) -> list[Span]:
    """The tagger's figures with their currency symbol and magnitude ('$136m', not '136'), plus
    amounts it missed after a currency symbol ('£1.2bn') or before a currency word ('100m euros')."""
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ in FIGURE_LABELS:
            found.extend(_split_range(ent))
        # 'less than 100m euros': the tagger read a count, the currency word says it is money
        elif ent.label_ == "CARDINAL" and _currency_word_after(doc, ent.end):
            found.append(Span(doc, ent.start, ent.end, label="MONEY"))
    # numbers the tagger read as figures or counts are handled above; '10bn' read as a date is not
    tagged = {t.i for e in doc.ents for t in e if e.label_ in COUNTED_LABELS or not AMOUNT_AS_DATE.match(t.text)}
    # 'a 1.5bn euro charge' left untagged before its currency word
    for word in tokens_where(doc, LOWER, CURRENCY_WORD_FORMS):
        number = _number_before(doc, word.i)
        if number is not None and number.i not in tagged:
            found.append(Span(doc, number.i, number.i + 1, label="MONEY"))
    found = [span for span in found if not _names_other_thing(span)]
    # '£1.2bn', '$5 million' left untagged after their symbol
    for symbol in tokens_where(doc, LOWER, CURRENCY_SYMBOLS):
        if symbol.i + 1 == len(doc):
            continue
        number = doc[symbol.i + 1]
        if number.i not in tagged and COMPACT.match(number.text):
            found.append(Span(doc, number.i, number.i + 1, label="MONEY"))
    spans = {(s.start, s.end): s for s in (_extended(s) for s in found)}
    return sorted(spans.values(), key=lambda span: span.start)


def _split_range(ent: Span) -> list[Span]:
    """'0.25% to 5.5%', '$1.89 to $48.62' as two figures when each side has its own unit; '11 to
    12 percent' stays one (its first number has no unit of its own)."""
    doc = ent.doc
    for token in ent[1:-1]:
        if token.lower_ != "to":
            continue
        left, right = doc[ent.start : token.i], doc[token.i + 1 : ent.end]
        if _has_number(left) and _has_number(right) and _has_own_unit(left):
            return [Span(doc, left.start, left.end, label=ent.label_),
                    Span(doc, right.start, right.end, label=ent.label_)]
    return [ent]


def _has_number(span: Span) -> bool:
    return any(COMPACT.match(t.text) or t.lower_ in NUMBER_WORDS for t in span)


def _has_own_unit(span: Span) -> bool:
    """A percent sign, a currency or a magnitude of its own: '$1.89', '0.25%'."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in CURRENCY_SYMBOLS:
        return True
    for token in span:
        compact = COMPACT.match(token.text)
        if token.lower_ in CURRENCY_SYMBOLS or token.lower_ in PERCENT_WORDS or (compact and compact.group(1)):
            return True
    return False


def _names_other_thing(span: Span) -> bool:
    """'the 12 Euro zone countries': a plain count before a currency word that is part of a name."""
    doc = span.doc
    if span.end >= len(doc) or span.label_ != "MONEY" or len(span) != 1:
        return False
    word = doc[span.end]
    return _currency_word(word) is not None and word.dep_ == "compound" \
        and NUMBER.match(span[0].text) is not None and "." not in span[0].text


def _number_before(doc: Doc, i: int) -> Token | None:
    """The number before a currency word, past a magnitude: '1.5bn euro', '5 million dollars'."""
    i -= 1
    if i >= 0 and _scale_word(doc[i]) is not None and doc[i].text.isalpha():
        i -= 1
    return doc[i] if i >= 0 and COMPACT.match(doc[i].text) and not COMPACT.match(doc[i].text).group(1) else None


def _currency_word_after(doc: Doc, end: int) -> bool:
    """A currency word right after a number, past a magnitude: '100m euros', '5 million dollars'."""
    if end < len(doc) and _scale_word(doc[end]) is not None:
        end += 1
    return end < len(doc) and _currency_word(doc[end]) is not None


def _currency_word(token: Token) -> str | None:
    """The currency word a token is, in any form: 'euros' -> 'euro' (its lemma is not always)."""
    for form in (token.lemma_.lower(), token.lower_, token.lower_[:-1]):
        if form in CURRENCY_WORDS:
            return form
    return None


def _is_number(token: Token) -> bool:
    return token.like_num or COMPACT.match(token.text) is not None


def _extended(span: Span) -> Span:
    """The figure with its glued currency symbol before it ('$' of '$136m'), the magnitude after
    it ('m' of '$136m', 'million'), 'points' of 'percentage points' and a currency word after a
    magnitude ('100m euros')."""
    doc = span.doc
    start, end = span.start, span.end
    # '4% to' of 'fell from 4% to 2.5%': the tagger took the next word in
    while end - start > 1 and doc[end - 1].pos_ in ("ADP", "CCONJ", "PART") and not doc[end - 1].like_num:
        end -= 1
    # '$' of '$136m' when the tagger left it out
    if start > 0 and doc[start - 1].lower_ in CURRENCY_SYMBOLS and not doc[start - 1].whitespace_:
        start -= 1
    # 'm' of '$136m', 'million' of '5 million'
    if end < len(doc) and not any(_scale_word(t) for t in doc[span.start:end]) and _trails_as_scale(doc, end):
        end += 1
    # 'points' of '0.3 percentage points'
    if end < len(doc) and doc[end - 1].lower_ == "percentage" and doc[end].lower_ in ("point", "points"):
        end += 1
    # 'euros' of '100m euros', when nothing in the figure names its currency yet
    if span.label_ == "MONEY" and end < len(doc) and _currency_word(doc[end]) \
            and not any(_currency_word(t) or t.lower_ in CURRENCY_SYMBOLS for t in doc[start:end]):
        end += 1
    return Span(doc, start, end, label=span.label_)


def _trails_as_scale(doc: Doc, i: int) -> bool:
    """A magnitude after a number: a suffix glued to it ('136' 'm') or a magnitude word ('5 million')."""
    token = doc[i]
    word = _scale_word(token)
    if word is None or not doc[i - 1].like_num:
        return False
    return word in SCALE_WORDS or not doc[i - 1].whitespace_


def _scale_word(token: Token) -> str | None:
    """The magnitude a token names, 'm.' (a sentence's full stop glued to 'm') included."""
    word = token.lower_.rstrip(".") if token.lower_.endswith(".") and len(token) <= 4 else token.lower_
    return word if word in SCALES else None


def _bounds(figure: Span) -> tuple[int, int]:
    """Character offsets of the figure as written, without a full stop glued to its magnitude."""
    last = figure[-1]
    end = figure.end_char
    if last.text.endswith(".") and _scale_word(last) is not None:
        end -= 1
    return figure.start_char, end


def _root(figure: Span) -> Token:
    """The figure's own head word: of the words whose head lies outside it, the last number or
    noun ('about "27%' hangs on '%', not on 'about'; 'less than 100m euros' on 'euros')."""
    outside = [t for t in figure if not figure.start <= t.head.i < figure.end or t.head == t]
    words = [t for t in outside if t.pos_ in ("NUM", "NOUN", "PROPN")]
    return words[-1] if words else figure.root


def _anchor(root: Token) -> Token:
    """Where the figure attaches to the sentence: the first half of a split range borrows the
    attachment of the second ('adding $1.89 to $48.62': '$1.89' is what was added)."""
    while root.dep_ == "quantmod" and root.head.like_num and root.head.i > root.i:
        root = root.head
    return root


# --- Value and unit ----------------------------------------------------------------------------


def _value_and_unit(figure: Span) -> tuple[Decimal, str] | None:
    """'15.6 percent' -> (15.6, percent); '$5.2 billion' -> (5200000000, USD); '$136m' ->
    (136000000, USD); '4,785 metric tons' -> (4785, metric ton). None when no number can be read."""
    doc = figure.doc
    before = doc[figure.start - 1].lower_ if figure.start > 0 else ""
    words = [t for t in figure if not t.is_punct or t.text in CURRENCY_SYMBOLS or t.text == "%"]
    value: Decimal | None = None
    scale = Decimal(1)
    currency = CURRENCY_SYMBOLS.get(before)
    unit_words: list[Token] = []
    for token in words:
        lower = token.lower_
        compact = COMPACT.match(token.text)
        scale_word = _scale_word(token)
        if value is None and compact and compact.group(2):
            value = _decimal(compact.group(2))
            currency = CURRENCY_SYMBOLS.get((compact.group(1) or "").lower(), currency)
            suffix = compact.group(3).lower()
            if suffix in SCALES:
                scale *= SCALES[suffix]
            elif suffix:
                unit_words.append(token)
        elif lower in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[lower]
        elif value is None and lower in NUMBER_WORDS and lower != "hundred":
            value = Decimal(NUMBER_WORDS[lower])
        elif scale_word is not None and value is not None:
            scale *= SCALES[scale_word]
        elif value is not None:
            unit_words.append(token)
    if value is None:
        return None
    unit_text = " ".join(t.lower_ for t in unit_words)
    if figure.label_ == "PERCENT" or unit_text in PERCENT_WORDS:
        unit = "percentage point" if PERCENTAGE_POINT.fullmatch(unit_text) else "percent"
    elif currency or figure.label_ == "MONEY":
        unit = _currency(unit_words) or currency or (unit_text or "money")
        if unit != unit_text and any(t.lower_ in SUBUNITS for t in unit_words):
            scale /= 100  # '70 euro cents'
    else:
        unit = " ".join(t.lemma_.lower() for t in unit_words) or _next_noun(figure)
        if not unit:
            return None
    return _plain(value * scale), unit


def _currency(unit_words: list[Token]) -> str | None:
    """The currency the words name: 'euros' -> EUR, 'Australian dollars' -> AUD."""
    for index, token in enumerate(unit_words):
        lemma = _currency_word(token)
        if lemma is not None:
            qualifier = unit_words[index - 1].lower_ if index > 0 else ""
            return QUALIFIED_CURRENCIES.get((qualifier, lemma), CURRENCY_WORDS[lemma])
    return None


def _plain(value: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: 70 rather than 7E+1, 15.6 rather than 15.60."""
    normalised = value.normalize()
    return normalised.quantize(Decimal(1)) if normalised.as_tuple().exponent > 0 else normalised


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _next_noun(figure: Span) -> str:
    doc = figure.doc
    if figure.end < len(doc) and doc[figure.end].pos_ == "NOUN":
        return doc[figure.end].lemma_.lower()
    return ""


# --- What is not a figure ----------------------------------------------------------------------


def _is_score_or_odds(figure: Span, unit: str) -> bool:
    """'won 2-1', 'a 9-2 favourite', 'in 2008-09': two numbers joined by a hyphen, with no percent
    sign or currency, are a score, odds or years, not an amount."""
    if unit == "percent" or _is_money(unit) or any(t.lower_ in CURRENCY_SYMBOLS for t in figure):
        return False
    doc = figure.doc
    start = max(figure.start - 2, 0)
    end = min(figure.end + 2, len(doc))
    joined = "".join(t.text_with_ws for t in doc[start:end])
    return any(HYPHENED_NUMBERS.match(part) for part in joined.split())


def _is_exchange_rate(figure: Span, root: Token, verb: Token | None, value: Decimal, unit: str) -> bool:
    """Money that is the price of a currency, not an amount: '($1 = 0.53 pounds)', 'at $1.90 to
    the pound', 'the dollar was buying 104.76 yen', 'one euro worth $1.32'."""
    if not _is_money(unit):
        return False
    doc = figure.doc
    neighbours = [doc[i] for i in (figure.start - 1, figure.end) if 0 <= i < len(doc)]
    # '$1 = 0.53 pounds': an exchange-rate note
    if any(t.text == "=" for t in neighbours):
        return True
    # '$1.90 to the pound', '104 yen against the dollar'
    after = doc[figure.end : figure.end + 3]
    if len(after) and after[0].lower_ in ("to", "against") and any(_is_currency_noun(t) for t in after[1:]):
        return True
    # 'the dollar was buying 104.76 yen', 'one euro worth $1.3218', 'the pound broke through the $1.90 level'
    token = root
    while token.head != token and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if _is_currency_noun(token):
            return True
    if verb is not None:
        subject = _clause_subject(verb)
        if subject is not None and _is_currency_noun(subject):
            return True
    # 'one euro worth $1.3218', 'one pound buying $1.9094': a single unit of a currency beside its price
    siblings = [c for c in root.head.children if not _inside(c, figure)] if root.head != root else []
    if any(_is_single_unit_of_currency(c) for c in siblings):
        return True
    return value == 1 and (root.dep_ in ("nsubj", "nsubjpass") or any(
        t.ent_type_ == "MONEY" or t.lower_ in CURRENCY_SYMBOLS for c in siblings for t in c.subtree))


def _is_money(unit: str) -> bool:
    return unit in CURRENCY_SYMBOLS.values() or unit in CURRENCY_WORDS.values() or unit == "money" \
        or unit in QUALIFIED_CURRENCIES.values() or unit in CURRENCY_WORDS


def _is_currency_noun(token: Token) -> bool:
    """A currency as a thing ('the dollar'), not the unit of an amount ('2.9bn euros (£1.99bn)')."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lemma_.lower() not in CURRENCY_NOUNS and not _currency_word(token):
        return False
    return _number_before(token.doc, token.i) is None and not any(_is_number(c) for c in token.lefts)


def _is_amount_unit(token: Token) -> bool:
    """The unit word of an amount: 'euros' of '10bn euros'."""
    return _currency_word(token) is not None and (
        _number_before(token.doc, token.i) is not None or any(_is_number(c) for c in token.lefts))


def _is_single_unit_of_currency(token: Token) -> bool:
    """'one euro', 'a pound': the base of an exchange rate."""
    return _currency_word(token) is not None and any(
        c.dep_ in ("nummod", "det") and c.lower_ in ("one", "1", "a", "each", "every") for c in token.children)


# --- Change or level ---------------------------------------------------------------------------


def _governing_verb(token: Token) -> Token | None:
    """The verb the figure belongs to: 'dropped 15.6 percent', 'rose by $5bn', 'accounted for 61
    percent', 'was worth $1m'."""
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ not in GOVERNING_DEPS:
            return None
    return None


def _change_noun(root: Token) -> Token | None:
    """The noun of change the figure qualifies: 'a 22% fall', 'a 53% pay rise', 'growth of 5%'."""
    head = root.head
    if root.dep_ in QUALIFIER_DEPS:
        while head.dep_ == "compound" and head.head != head:
            head = head.head  # 'a 53% pay rise': '%' hangs on 'pay', which hangs on 'rise'
        return head if _noun_direction(head) else None
    if root.dep_ == "pobj" and head.lower_ in ("of", "by") and _noun_direction(head.head):
        return head.head
    return None


def _noun_direction(token: Token) -> str | None:
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    return "increase" if lemma in INCREASE_NOUNS else "decrease" if lemma in DECREASE_NOUNS else None


def _change(figure: Span, root: Token, verb: Token | None, change_noun: Token | None, unit: str) -> str | None:
    """Whether the figure is a change, from the word it hangs on; None for a level."""
    doc = figure.doc
    # 'a 22% fall in profits', 'growth of 5%': the noun of change it qualifies
    if change_noun is not None:
        return _noun_direction(change_noun)
    # 'rose to 5%', 'from 11.2% to 9.6%', 'closed at $51.15': where a change ends or starts
    if figure.start > 0 and doc[figure.start - 1].lower_ in LEVEL_PREPOSITIONS:
        return None
    # '12% higher', '7.5% below the levels of a year ago', 'up 5.1 percent', 'down by 3%'
    # ('above $50' is a threshold, a level: the figure is the object of the word, not its measure)
    by = root.dep_ == "pobj" and root.head.lower_ == "by"
    head = root.head.head if by else root.head
    if (by or root.dep_ in ("npadvmod", "nummod", "advmod")) and _is_direction(head) and head != root:
        return DIRECTION_WORDS[head.lower_]
    # 'ended the day 12% down', 'closed up $2.80': a direction adverb of the verb right beside the figure
    if verb is not None:
        for word in verb.children:
            if _is_direction(word) and word.dep_ in ("advmod", "prt", "acomp") \
                    and (word.i == figure.end or word.i == figure.start - 1):
                return DIRECTION_WORDS[word.lower_]
    return _verb_change(root, verb, unit)


def _is_direction(token: Token) -> bool:
    """'up', 'lower', 'below' as words of direction, not the noun of 'a write-down'."""
    return token.lower_ in DIRECTION_WORDS and token.pos_ in ("ADV", "ADJ", "ADP", "PART")


def _verb_change(root: Token, verb: Token | None, unit: str) -> str | None:
    """'fell 3%', 'rose by 3%', 'cut costs by 25%', 'lifted its share by 12%': a figure that is
    the amount a change verb moves by. 'rose to 3%' and 'fell from 5%' are levels."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    direction = "increase" if lemma in INCREASE_VERBS else "decrease" if lemma in DECREASE_VERBS else None
    if direction is None:
        return None
    root = _attachment(root)
    by = root.dep_ == "pobj" and root.head.lower_ == "by" and _governor(root.head) == verb
    direct = root.head == verb and root.dep_ in CHANGE_ARGUMENT_DEPS
    if not (by or direct):
        return None
    if lemma in OBJECT_INCREASE_VERBS and not (by or unit in ("percent", "percentage point")):
        return None
    return direction


# --- What is measured, and about whom ----------------------------------------------------------


class _Figure(NamedTuple):
    """A figure and the words it hangs on, as the measure rules see it."""

    span: Span
    root: Token
    verb: Token | None
    change_noun: Token | None
    unit: str
    mentions: dict[int, Mention]


# A measure rule decided that nothing is measured ('analyst expectations of 374m euros').
NOTHING = None
# A measure rule does not apply: the next one is tried.
UNDECIDED = object()


def _measure_head(figure: _Figure) -> Token | None:
    """The noun the figure measures, from the syntax, or None: the first rule that decides wins."""
    for rule in (_share_of, _changed_thing, _direction_noun, _where_change_ends, _owning_noun_measure,
                 _object_of_verb, _subject_of_verb):
        decided = rule(figure)
        if decided is not UNDECIDED:
            return decided
    return None


def _share_of(figure: _Figure) -> Token | None | object:
    """'61 percent of global production', '25% of its staff'."""
    of_objects = _prep_objects(figure.root, ("of",), figure.span)
    return _measured(of_objects[0]) if of_objects else UNDECIDED


def _changed_thing(figure: _Figure) -> Token | None | object:
    """A noun of change: its in- or of-object ('a 22% fall in profits'), else the noun before it
    ('a 53% pay rise', 'sales growth of 5%'); else, below, the subject of the verb that has the
    change ('profits saw a 22% fall')."""
    if figure.change_noun is None:
        return UNDECIDED
    changed = _prep_objects(figure.change_noun, CHANGED_THING_PREPOSITIONS, figure.span)
    if changed:
        return content_head(changed[0])
    modifiers = _compounds_before(figure.change_noun, figure.span)
    return modifiers[-1] if modifiers else UNDECIDED


def _direction_noun(figure: _Figure) -> Token | None | object:
    """'with copper up 36%', 'on sales up 21%': the noun the direction word describes."""
    host = _direction_host(figure.root) if figure.change_noun is None else None
    return host if host is not None else UNDECIDED


def _where_change_ends(figure: _Figure) -> Token | None | object:
    """'a 6% rise in profits to £280.2m', 'a cut in rates to 4.5%': the noun the change of which
    ends or starts at the figure, or what that change is in."""
    root = figure.root
    if figure.change_noun is not None or root.dep_ != "pobj" or root.head.lower_ not in ("to", "from") \
            or root.head.head.pos_ != "NOUN":
        return UNDECIDED
    noun = root.head.head
    if _noun_direction(noun):
        changed = _prep_objects(noun, CHANGED_THING_PREPOSITIONS, figure.span)
        return content_head(changed[0]) if changed else NOTHING
    return noun


def _owning_noun_measure(figure: _Figure) -> Token | None | object:
    """The noun the figure belongs to: 'a $5bn deal', 'pre-tax profits of £1.99bn'; what a target
    is for ('a 1.4% growth target'); the of-object of a word that only marks an amount ('$1.2bn
    worth of the beans'); nothing for an expectation ('analyst expectations of 374m euros': the
    words before it name who expects)."""
    owner = _owning_noun(figure.root, figure.span) if figure.change_noun is None else None
    if owner is None:
        return UNDECIDED
    lemma = owner.lemma_.lower()
    if HYPOTHETICAL_NOUNS.get(lemma) == "target":
        modifiers = _compounds_before(owner, figure.span)
        return modifiers[-1] if modifiers else NOTHING
    if lemma in HYPOTHETICAL_NOUNS:
        return NOTHING
    if lemma in PLACEHOLDER_NOUNS:
        of_objects = _prep_objects(owner, ("of",), figure.span)
        return content_head(of_objects[0]) if of_objects else UNDECIDED
    return owner


def _object_of_verb(figure: _Figure) -> Token | None | object:
    """'put the amount of aid at $5bn', 'lifted its audience share by 12%', 'raised its share from
    62% to 68%': the verb's object; also when the parser put 'at' inside the object ('put the cost
    of rebuilding at $4bn')."""
    verb = figure.verb
    attachment = _attachment(figure.root)
    if figure.change_noun is not None or attachment.dep_ != "pobj" or not _moves_object(attachment.head, verb) \
            or _governor(attachment.head) != verb:
        return UNDECIDED
    objects = [c for c in verb.children
               if c.dep_ == "dobj" and not _inside(c, figure.span) and c.ent_type_ not in NOT_MEASURE_LABELS]
    holder = objects[0] if objects else _object_holding(verb)
    return _measured(holder) if holder is not None else UNDECIDED


def _subject_of_verb(figure: _Figure) -> Token | None | object:
    """'profits rose 5%', 'inflation stood at 2.6%', 'the deal is worth £12bn', 'profits saw a 5%
    rise': the subject of a verb of amount or change, when it is a common noun and not an actor,
    an entity, a date or the data that report the figure ('data showed ...')."""
    verb = figure.verb
    if verb is None:
        return NOTHING
    holds_change = figure.change_noun is not None and verb.lemma_.lower() in CHANGE_HOLDER_VERBS
    if not (holds_change or _subject_is_measured(verb, figure.unit)):
        return NOTHING
    subject = _clause_subject(verb)
    if subject is None or _inside(subject, figure.span) or subject.i in figure.mentions or subject.pos_ != "NOUN" \
            or subject.ent_type_ in NOT_MEASURE_LABELS or subject.lemma_.lower() in ACTOR_NOUNS \
            or any(f in SOURCE_NOUNS for f in _base_forms(subject)):
        return NOTHING
    return _measured(subject)


def _compounds_before(noun: Token, figure: Span) -> list[Token]:
    return [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and not _inside(c, figure)]


def _attachment(root: Token) -> Token:
    """Where the figure attaches, through a noun that only marks an amount: 'cut prices by an
    average of 24%' attaches as 'cut prices by 24%' does."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACEHOLDER_NOUNS:
        return root.head.head
    return root


def _object_holding(token: Token) -> Token | None:
    """The direct object whose phrase a word sits in: 'rebuilding' in 'put [the cost of
    rebuilding] at $4bn'."""
    while token.dep_ in OBJECT_INTERNAL_DEPS and token.head != token:
        token = token.head
        if token.dep_ == "dobj" and token.pos_ == "NOUN":
            return token
    return None


def _governor(preposition: Token) -> Token:
    """The word a preposition hangs on, past a preposition it pairs with ('from 62% to 68%') or
    is coordinated with ('rose by 8% in January and by 24% in China')."""
    while preposition.dep_ == "conj" and preposition.head != preposition:
        preposition = preposition.head
    head = preposition.head
    while head.pos_ == "ADP" and head != head.head:
        head = head.head
    return head


def _measured(token: Token) -> Token:
    """The noun a figure measures: 'the amount of aid' -> 'aid', but 'its share of the market' stays."""
    return token if token.lemma_.lower() in SHARE_NOUNS else content_head(token)


def _moves_object(preposition: Token, verb: Token | None) -> bool:
    """'put the cost at $5bn', 'lifted its share by 12%' (any verb); 'raised its share from 62% to
    68%' (a verb that changes its object)."""
    if verb is None:
        return False
    if preposition.lower_ in ("at", "by"):
        return True
    return preposition.lower_ in ("to", "from") and verb.lemma_.lower() in OBJECT_CHANGE_VERBS


def _direction_host(root: Token) -> Token | None:
    """The noun a direction word with the figure describes: 'sales up 21%' (the word modifies the
    noun), 'with copper up 36%' (the noun is the word's subject)."""
    word = root.head
    if root.dep_ not in ("npadvmod", "advmod") or not _is_direction(word):
        return None
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        host = subjects[0]
    elif word.dep_ in ("amod", "advmod", "acl", "prep"):
        host = word.head
    else:
        return None
    return host if host.pos_ in ("NOUN", "PROPN") and host.ent_type_ not in NOT_MEASURE_LABELS else None


def _prep_objects(token: Token, prepositions: tuple[str, ...] | frozenset[str], figure: Span) -> list[Token]:
    """Objects of the token's prepositions, not the figure itself nor a date ('in the third quarter')."""
    return [
        g for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions
        for g in p.children
        if g.dep_ == "pobj" and not _inside(g, figure) and g.ent_type_ not in NOT_MEASURE_LABELS
    ]


def _owning_noun(root: Token, figure: Span) -> Token | None:
    """The noun the figure belongs to: 'a $5bn deal', 'an 80% employment rate', 'pre-tax profits
    of £1.99bn', 'a stake of 20%'."""
    head = root.head
    if root.dep_ in QUALIFIER_DEPS:
        while head.dep_ == "compound" and head.head != head:
            head = head.head
    elif root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    else:
        return None
    return head if head.pos_ == "NOUN" and not _inside(head, figure) else None


def _subject_is_measured(verb: Token, unit: str) -> bool:
    """Whether the verb's subject is what the figure measures ('profits fell 5%') rather than an
    actor ('the firm paid $5m', 'investors lost $2bn')."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if lemma in ACTOR_CHANGE_VERBS and not passive:  # 'the dividend was raised to 45 cents' is measured
        return unit in ("percent", "percentage point")
    return lemma in LEVEL_VERBS or lemma in INCREASE_VERBS or lemma in DECREASE_VERBS


def _clause_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the clause it shares one with ('..., adding $1.89'),
    or the noun a relative clause hangs on ('sales, which rose 5%')."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
            return verb.head  # 'one pound buying $1.91', 'with losses halved to $200m'
        # 'X rose ..., adding $1.89', 'X fell ... to trade at 104 yen'
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        shares = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or infinitive))
        if not shares or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head


def _inside(token: Token, figure: Span) -> bool:
    return figure.start <= token.i < figure.end


def _measure_text(head: Token, figure: Span, root: Token, mentions: dict[int, Mention]) -> str | None:
    """The measured noun phrase without its owner, the figure or a cut-off end: "Japan's steel
    exports" -> "steel exports"; "a 15% stake in the unit" -> "stake in the unit"; "profits for
    the year to 31 December" -> "profits for the year". None when no common noun phrase is left."""
    if head.i in mentions or not _is_common_noun(head) or _is_amount_unit(head):
        return None  # the entity itself ('China accounted for ...'), a name, or the unit of an amount
    tokens = phrase_tokens(head)
    # the figure and the words that carry it are not what it measures: 'a 15% stake in X' ->
    # 'stake in X', 'sales up 21%' -> 'sales'
    carriers = [t for t in tokens if t != head and (root in t.subtree or _inside(t, figure))]
    if carriers:
        before = [t for t in carriers if t.i < head.i]
        after = [t for t in carriers if t.i > head.i]
        tokens = [t for t in tokens if (not before or t.i > before[-1].i) and (not after or t.i < after[0].i)]
    # the owner before the head: "Japan's", "Channel 4's", "US" of "US crude"
    owner = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
    tokens = [t for t in tokens if t.i not in owner]
    # ... and what a misparse puts before it ('warned growth', '-worth')
    while tokens[0] != head and (tokens[0].i in mentions or tokens[0].dep_ in ("case", "poss", "det")
                                 or tokens[0].tag_ == "VBD" or tokens[0].is_punct):
        tokens.pop(0)
    after = [t for t in tokens if t.i > head.i]
    # 'sales of Acme' -> 'sales', about Acme
    if after and after[0].lower_ == "of" and any(g.dep_ == "pobj" and g.i in mentions for g in after[0].children):
        tokens = [t for t in tokens if t.i <= head.i]
    # a number, a date or another figure ends the phrase at the preposition before it
    for index, token in enumerate(tokens):
        if token.i > head.i and (token.like_num or token.ent_type_ in NOT_MEASURE_LABELS
                                 or token.lower_ in CURRENCY_SYMBOLS):
            tokens = tokens[:index]
            break
    while tokens and tokens[-1] != head and tokens[-1].pos_ in TRAILING_FILLER_POS:
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text if any(ch.isalpha() for ch in text) else None


def _is_common_noun(token: Token) -> bool:
    """A common noun, not a name the tagger took for one ('BURNLEY', 'Germans', 'Ahold')."""
    if token.is_upper and token.is_alpha:
        return len(token) <= MAX_ACRONYM  # 'GDP', not 'BURNLEY'
    if token.pos_ != "NOUN" or token.ent_type_ in NAME_LABELS:
        return False
    return not (token.is_title and token.i != sentence(token).start)


def _measure_key(head: Token) -> str:
    """The lemma of the measured noun, or of its modifier when the noun only names an amount."""
    if head.lemma_.lower() in AMOUNT_NOUNS:
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "VERB", "PROPN")]
        if modifiers:
            return modifiers[-1].lemma_.lower()
    return head.lemma_.lower()


def _subject(measure_head: Token | None, verb: Token | None, mentions: dict[int, Mention]) -> Mention | None:
    """The entity the figure is about: the measured phrase's owner ('China's exports', 'sales of
    Acme', 'shares in Cairn'), or the subject of the verb itself ('China accounted for ...', also
    through clauses that share it)."""
    if measure_head is not None:
        if measure_head.i in mentions:
            return mentions[measure_head.i]
        for child in measure_head.children:
            if child.dep_ in ("poss", "compound") and child.i in mentions:
                return mentions[child.i]
            if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
                owners = [g for g in child.children if g.dep_ == "pobj" and g.i in mentions]
                if owners:
                    return mentions[owners[0].i]
    return _verb_subject(verb, mentions) if verb is not None else None


def _verb_subject(verb: Token, mentions: dict[int, Mention]) -> Mention | None:
    """The entity that is the subject of `verb`, or of the clause it shares a subject with."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if subject.i in mentions:
            return mentions[subject.i]
        # 'China, which holds 60 percent': the relative clause's noun
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i in mentions:
            return mentions[verb.head.i]
    # 'X accounted for 61 percent and controlled 92 percent', 'X dominates, accounting for 70 percent'
    shares_subject = verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG")
    if not subjects and shares_subject and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_subject(verb.head, mentions)
    return None


# --- Period, modality, source ------------------------------------------------------------------


def _period(figure: Span, root: Token, verb: Token | None, part: Span) -> str | None:
    """The date the figure refers to: a DATE on the figure itself ('62% at the end of 2003'), else
    on the same verb but not on another figure. A date elsewhere in the sentence is another
    event's ('accused of an $11bn fraud when WorldCom collapsed in 2002'): no period is better
    than a wrong one."""
    dates = [e for e in sentence(root).ents
             if e.label_ == "DATE" and not AMOUNT_AS_DATE.match(e.text) and part.start <= e.start < part.end]
    own = [d for d in dates if root in d.root.ancestors]
    if own:
        return _nearest(own, figure).text
    if verb is not None:
        attached = [d for d in dates if verb in d.root.ancestors and not _on_other_figure(d, figure, verb)]
        if attached:
            return _nearest(attached, figure).text
    return None


def _on_other_figure(date: Span, figure: Span, verb: Token) -> bool:
    """'from 62% at the end of 2003 to 68%': the date hangs on another figure below the verb."""
    for ancestor in date.root.ancestors:
        if ancestor == verb:
            return False
        if ancestor.ent_type_ in FIGURE_LABELS and not _inside(ancestor, figure):
            return True
    return False


def _nearest(spans: list[Span], figure: Span) -> Span:
    return min(spans, key=lambda s: abs(s.start - figure.start))


def _modality(root: Token, part: Span) -> str | None:
    """Why the figure is not stated as a fact: a modal ('could reach 10%'), a condition ('if
    adopted'), or a target, plan, hope or forecast it belongs to ('aims for an 80% rate', 'plans
    to cut 25%', 'a growth target of 5%', '47.3% forecast by analysts'). None for a fact."""
    # '47.3% forecast by analysts'
    for child in root.children:
        if child.dep_ == "acl" and _hypothetical(child):
            return _hypothetical(child)
    token = root
    while True:
        if token.pos_ in ("VERB", "AUX"):
            found = modality(token) or _condition(token) or _hypothetical(token)
        else:
            # 'a 2-3% target range': the noun or a compound before it
            found = _hypothetical(token) or next(
                (_hypothetical(c) for c in token.lefts if c.dep_ == "compound" and _hypothetical(c)), None)
        if found:
            return found
        if token.head == token or not _within(token.head, part):
            return None
        if token.dep_ == "ccomp":
            # 'analysts expect house prices to rise 1%': a reported clause is a fact unless
            # the verb it reports is itself one of expecting, planning or hoping
            return _hypothetical(token.head) if token.head.pos_ == "VERB" else None
        if token.dep_ not in MODALITY_CLIMB_DEPS:
            return None
        token = token.head


def _condition(verb: Token) -> str | None:
    """'if sales rise 10%' (the figure's clause is the condition), 'taxes need to rise by £10bn if
    finances are to be put in order' (a condition hangs on the figure's clause)."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    marked = any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for c in clauses for m in c.children)
    return "if" if marked else None


def _hypothetical(token: Token) -> str | None:
    """The kind of hypothetical the word makes, from its lemma or, when the tagger's lemma is off
    ('hopes' -> 'hop'), its inflected form."""
    words = HYPOTHETICAL_WORDS.get(token.pos_, {})
    return next((words[form] for form in _base_forms(token) if form in words), None)


def _base_forms(token: Token) -> list[str]:
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    for suffix in INFLECTION_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            forms += [stem, stem + "e"]
    return forms


def _attribution(figure: Span, verb: Token | None, mentions: dict[int, Mention],
                 part: Span) -> tuple[Mention | None, Source | None]:
    """'according to X' in the sentence, or a reporting verb above the figure ('data from X
    showed ...', 'X said ...'), when its words name a source."""
    for according in part:
        obj = according_to_object(according)
        if obj is not None:
            return _kept(document_source(obj, mentions), _words(obj), figure, mentions, part)
    for cue in (c for c in _cues_above(verb) if _within(c, part) and _reports(c, verb)):
        found = source_of(cue, mentions)
        if found is not None:
            return _kept(*found, figure, mentions, part)
    # 'Estimates from the World Bank put the cost at $4bn': a document as the subject of the figure's verb
    subjects = (c for v in _cues_above(verb) for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))
    subject = next(subjects, None)
    if subject is not None and _within(subject, part) and subject.lemma_.lower() in DOCUMENT_SOURCE_NOUNS:
        tokens = phrase_tokens(subject)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        words = Source(text_of(subject.doc)[start:end], start, end)
        return _kept(document_source(subject, mentions), words, figure, mentions, part)
    return None, None


def _reports(cue: Token, verb: Token | None) -> bool:
    """A verb that reports the figure: not a verb of change that has it as its amount ('Brent
    crude rose, adding $1.89': 'add' says what it rose by, not who says so)."""
    lemma = cue.lemma_.lower()
    if cue == verb and (lemma in INCREASE_VERBS or lemma in DECREASE_VERBS):
        return False
    # 'is expected to', 'accused of overseeing an $11bn fraud': a passive or a participle has no speaker
    if cue.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in cue.children):
        return False
    return is_cue(cue) and lemma in FIGURE_CUE_LEMMAS


def _kept(reported_by: Mention | None, source: Source, figure: Span, mentions: dict[int, Mention],
          part: Span) -> tuple[Mention | None, Source | None]:
    """The source when its words are a noun phrase of a source: an entity ('Unilever') or a noun
    such as 'analysts', 'official figures', 'a report by X' ('she' when coreference knows her). Not 'it', 'The
    number eight', 'the second', or words running over the figure or past a sentence end."""
    words = figure.doc.char_span(source.start, source.end, alignment_mode="expand")
    if words is None or len(words) > MAX_SOURCE_TOKENS or any(_inside(t, figure) for t in words) \
            or not (part.start <= words.start and words.end <= part.end):
        return None, None
    if any(t.text in (".", ";", "!", "?") or "\n" in t.text for t in words):
        return None, None
    head = words.root
    if head.lower_ in IMPERSONAL_PRONOUNS:
        return None, None  # 'it said': readers found the wrong company behind 'it' too often
    if reported_by is not None or head.i in mentions or any(f in SOURCE_NOUNS for f in _base_forms(head)):
        return reported_by, source
    return None, None


def _cues_above(verb: Token | None) -> Iterator[Token]:
    """The verb and its heads up to the root, then the verbs the parser hangs off the root
    ('..., statistics from X show.': an appended cue)."""
    token = top = verb
    while token is not None:
        yield token
        top = token
        token = token.head if token.head != token else None
    if top is not None:
        yield from (c for c in top.children if c.dep_ in INSERTED_CUE_DEPS)


def _words(head: Token) -> Source:
    tokens = [t for t in head.subtree if not t.is_punct]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Source(text_of(head.doc)[start:end], start, end)

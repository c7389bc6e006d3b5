"""Reported figures: value and unit, what is measured, about whom, when, and according to whom.

"China's exports dropped 15.6 percent month-on-month to 4,785 metric tons in April, according to
customs data" gives two measurements of "exports" about China in April from "customs data": a
decrease of 15.6 percent and a level of 4,785 metric tons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.claims import INSERTED_CUE_DEPS, according_to_object, document_source, is_cue, source_of
from kg.extract.spans import phrase_tokens, sentence, sentence_of, text_of, tokens_where
from kg.model import Evidence, Measurement, Mention, Source

FIGURE_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}
NUMBER_WORDS = {
    word: index for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "half": Decimal("0.5")}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "hk$": "HKD"}
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "yen": "JPY", "rupee": "INR", "won": "KRW", "rouble": "RUB", "ruble": "RUB", "franc": "CHF",
}
PERCENT_WORDS = ("%", "percent", "per cent", "pc")
PERCENTAGE_POINT = re.compile(r"percentage points?")
INCREASE_VERBS = frozenset(
    "rise increase grow jump surge climb gain soar rebound expand advance rally add double triple".split())
DECREASE_VERBS = frozenset(
    "fall drop decrease decline plunge slump slide tumble sink dip shrink contract lose ease slip cut "
    "halve".split())
# Head nouns that name an amount of something rather than the thing: the measure is their modifier
# ('mining volume' measures mining, 'market share' the market, 'processing capacity' processing).
AMOUNT_NOUNS = frozenset(
    "share volume amount level number total figure capacity capability quantity value rate proportion "
    "percentage portion part sum".split())
# A relative pronoun stands for the noun its clause hangs on ('China, which holds 60 percent').
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
COMPACT = re.compile(r"^([$£€¥₹]?)(\d[\d,]*(?:\.\d+)?)([a-z]*)$", re.IGNORECASE)  # '$5bn', '1.2m', '61%'

CONFIDENCE = 0.7


def extract_measurements(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Measurement]:
    for ent in _figures(doc):
        parsed = _value_and_unit(ent)
        if parsed is None:
            continue
        value, unit = parsed
        verb = _governing_verb(ent.root)
        change = _change(ent.root, verb)
        measure_head = _measure_head(ent.root, verb)
        measure = _measure_text(measure_head, mentions) if measure_head is not None else None
        reported_by, source = _attribution(ent, verb, mentions)
        yield Measurement(
            value=value,
            unit=unit,
            text=ent.text,
            start=ent.start_char,
            end=ent.end_char,
            change=change,
            measure=measure,
            measure_key=_measure_key(measure_head) if measure else None,
            subject=_subject(measure_head, verb, mentions),
            period=_period(ent, verb),
            reported_by=reported_by,
            source=source,
            evidence=Evidence(sentence=sentence_of(ent.root), rule="figure", confidence=CONFIDENCE),
        )


def _figures(doc: Doc) -> list[Span]:
    """The tagger's figures, plus amounts it missed after a currency symbol ('£1.2bn', '$5 million')."""
    figures = [e for e in doc.ents if e.label_ in FIGURE_LABELS]
    tagged = {t.i for e in doc.ents for t in e}
    for symbol in tokens_where(doc, LOWER, CURRENCY_SYMBOLS):
        if symbol.i + 1 == len(doc):
            continue
        number = doc[symbol.i + 1]
        if number.i not in tagged and COMPACT.match(number.text):
            end = number.i + 1
            if end < len(doc) and doc[end].lower_ in SCALES:
                end += 1
            figures.append(Span(doc, number.i, end, label="MONEY"))
    return sorted(figures, key=lambda span: span.start)


def _value_and_unit(ent: Span) -> tuple[Decimal, str] | None:
    """'15.6 percent' -> (15.6, percent); '$5.2 billion' -> (5200000000, USD); '4,785 metric tons'
    -> (4785, metric ton). None when no number can be read."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    words = [t for t in ent if not t.is_punct or t.text in CURRENCY_SYMBOLS or t.text == "%"]
    value: Decimal | None = None
    scale = Decimal(1)
    currency = CURRENCY_SYMBOLS.get(before)
    unit_words: list[Token] = []
    for token in words:
        lower = token.lower_
        compact = COMPACT.match(token.text)
        if value is None and compact and compact.group(2):
            value = _decimal(compact.group(2))
            currency = CURRENCY_SYMBOLS.get(compact.group(1), currency)
            suffix = compact.group(3).lower()
            if suffix in SCALES:
                scale *= SCALES[suffix]
            elif suffix:
                unit_words.append(token)
        elif lower in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[lower]
        elif value is None and lower in NUMBER_WORDS and lower != "hundred":
            value = Decimal(NUMBER_WORDS[lower])
        elif lower in SCALES and value is not None:
            scale *= SCALES[lower]
        elif value is not None:
            unit_words.append(token)
    if value is None:
        return None
    unit_text = " ".join(t.lower_ for t in unit_words)
    if ent.label_ == "PERCENT" or unit_text in PERCENT_WORDS:
        unit = "percentage point" if PERCENTAGE_POINT.fullmatch(unit_text) else "percent"
    elif currency or ent.label_ == "MONEY":
        named = [CURRENCY_WORDS[t.lemma_.lower()] for t in unit_words if t.lemma_.lower() in CURRENCY_WORDS]
        unit = named[0] if named else currency or (unit_text or "money")
    else:
        unit = " ".join(t.lemma_.lower() for t in unit_words) or _next_noun(ent)
        if not unit:
            return None
    return _plain(value * scale), unit


def _plain(value: Decimal) -> Decimal:
    """Without trailing zeros or an exponent: 70 rather than 7E+1, 15.6 rather than 15.60."""
    normalised = value.normalize()
    return normalised.quantize(Decimal(1)) if normalised.as_tuple().exponent > 0 else normalised


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _next_noun(ent: Span) -> str:
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].pos_ == "NOUN":
        return doc[ent.end].lemma_.lower()
    return ""


def _governing_verb(token: Token) -> Token | None:
    """The verb the figure belongs to: 'dropped 15.6 percent', 'rose by $5bn', 'accounted for 61 percent'."""
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ not in ("prep", "pobj", "npadvmod", "dobj", "nummod", "quantmod", "compound", "appos", "conj"):
            return None
    return None


def _change(root: Token, verb: Token | None) -> str | None:
    """A figure directly on a change verb ('fell 3%', 'rose by 3%') is the change; 'to'/'from' give levels."""
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    direction = "increase" if lemma in INCREASE_VERBS else "decrease" if lemma in DECREASE_VERBS else None
    if direction is None:
        return None
    attachment = root.head if root.dep_ == "pobj" else None
    if attachment is not None and attachment.lower_ in ("to", "from", "at"):
        return None
    return direction


def _measure_head(root: Token, verb: Token | None) -> Token | None:
    """What the figure measures: 'of global production' after it, else the subject of its verb
    ('exports dropped'), else the noun the figure modifies ('a $5bn deal')."""
    of_objects = [g for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if of_objects:
        return of_objects[0]
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return subjects[0]
    if root.dep_ in ("nummod", "compound", "amod") and root.head.pos_ == "NOUN":
        return root.head
    return None


def _measure_text(head: Token, mentions: dict[int, Mention]) -> str | None:
    """The measured phrase without its owner: "Japan's steel exports" -> "steel exports"."""
    if head.i in mentions:
        return None  # the subject is the entity itself ('China accounted for ...')
    tokens = [t for t in phrase_tokens(head) if t.i not in mentions and t.dep_ not in ("case", "poss")]
    of_owner = [t for t in tokens if t.i > head.i]
    if of_owner and of_owner[0].lower_ == "of" and any(t.i in mentions for t in head.subtree if t.i > head.i):
        tokens = [t for t in tokens if t.i <= head.i]  # 'sales of Acme' -> 'sales', about Acme
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text or None


def _measure_key(head: Token) -> str:
    """The lemma of the measured noun, or of its modifier when the noun only names an amount."""
    if head.lemma_.lower() in AMOUNT_NOUNS:
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "VERB", "PROPN")]
        if modifiers:
            return modifiers[-1].lemma_.lower()
    return head.lemma_.lower()


def _subject(measure_head: Token | None, verb: Token | None, mentions: dict[int, Mention]) -> Mention | None:
    """The entity the figure is about: the measured phrase's owner ('China's exports', 'sales of Acme'),
    or the subject of the verb itself ('China accounted for ...', also through clauses that share it)."""
    if measure_head is not None:
        if measure_head.i in mentions:
            return mentions[measure_head.i]
        for child in measure_head.children:
            if child.dep_ in ("poss", "compound") and child.i in mentions:
                return mentions[child.i]
            if child.dep_ == "prep" and child.lower_ == "of":
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


def _period(ent: Span, verb: Token | None) -> str | None:
    """The date the figure refers to: a DATE on the same verb, else the only DATE of the sentence."""
    dates = [e for e in sentence(ent.root).ents if e.label_ == "DATE"]
    if verb is not None:
        attached = [d for d in dates if verb in d.root.ancestors]
        if attached:
            return _nearest(attached, ent).text
    return dates[0].text if len(dates) == 1 else None


def _nearest(spans: list[Span], ent: Span) -> Span:
    return min(spans, key=lambda s: abs(s.start - ent.start))


def _attribution(ent: Span, verb: Token | None, mentions: dict[int, Mention]) -> tuple[Mention | None, Source | None]:
    """'according to X' in the sentence, or a cue verb above the figure ('data from X showed ...',
    'X said ...')."""
    for according in sentence(ent.root):
        obj = according_to_object(according)
        if obj is not None:
            return document_source(obj, mentions), _words(obj)
    for cue in (c for c in _cues_above(verb) if is_cue(c)):
        found = source_of(cue, mentions)
        if found is not None:
            return found
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

"""The value and unit of a figure ('$136m' -> 136000000 USD, '15.6 percent' -> 15.6 percent), and the
figures that are no amount: scores, odds and the prices of currencies."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from spacy.tokens import Span, Token

from kg.extract.figures.attachment import clause_subject, inside
from kg.extract.figures.finding import (
    COMPACT,
    currency_word,
    is_number,
    magnitude_word,
    number_before,
)
from kg.lexicon.amounts import (
    CURRENCY_NOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    QUALIFIED_CURRENCIES,
    SCALES,
    SUBUNITS,
)

PERCENTAGE_POINT = re.compile(r"percentage points?")
# '9-2', '2-1', '2008-09': odds, scores and years joined by a hyphen
HYPHENED_NUMBERS = re.compile(r"^\d+-\d+$")


def value_and_unit(figure: Span) -> tuple[Decimal, str] | None:
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
        scale_word = magnitude_word(token)
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
        lemma = currency_word(token)
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


def is_money(unit: str) -> bool:
    return unit in CURRENCY_SYMBOLS.values() or unit in CURRENCY_WORDS.values() or unit == "money" \
        or unit in QUALIFIED_CURRENCIES.values() or unit in CURRENCY_WORDS


def is_score_or_odds(figure: Span, unit: str) -> bool:
    """'won 2-1', 'a 9-2 favourite', 'in 2008-09': two numbers joined by a hyphen, with no percent
    sign or currency, are a score, odds or years, not an amount."""
    if unit == "percent" or is_money(unit) or any(t.lower_ in CURRENCY_SYMBOLS for t in figure):
        return False
    doc = figure.doc
    start = max(figure.start - 2, 0)
    end = min(figure.end + 2, len(doc))
    joined = "".join(t.text_with_ws for t in doc[start:end])
    return any(HYPHENED_NUMBERS.match(part) for part in joined.split())


def is_exchange_rate(figure: Span, root: Token, verb: Token | None, value: Decimal, unit: str) -> bool:
    """Money that is the price of a currency, not an amount: '($1 = 0.53 pounds)', 'at $1.90 to
    the pound', 'the dollar was buying 104.76 yen', 'one euro worth $1.32'."""
    if not is_money(unit):
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
        subject = clause_subject(verb)
        if subject is not None and _is_currency_noun(subject):
            return True
    # 'one euro worth $1.3218', 'one pound buying $1.9094': a single unit of a currency beside its price
    siblings = [c for c in root.head.children if not inside(c, figure)] if root.head != root else []
    if any(_is_single_unit_of_currency(c) for c in siblings):
        return True
    return value == 1 and (root.dep_ in ("nsubj", "nsubjpass") or any(
        t.ent_type_ == "MONEY" or t.lower_ in CURRENCY_SYMBOLS for c in siblings for t in c.subtree))


def _is_currency_noun(token: Token) -> bool:
    """A currency as a thing ('the dollar'), not the unit of an amount ('2.9bn euros (£1.99bn)')."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lemma_.lower() not in CURRENCY_NOUNS and not currency_word(token):
        return False
    return number_before(token.doc, token.i) is None and not any(is_number(c) for c in token.lefts)


def _is_single_unit_of_currency(token: Token) -> bool:
    """'one euro', 'a pound': the base of an exchange rate."""
    return currency_word(token) is not None and any(
        c.dep_ in ("nummod", "det") and c.lower_ in ("one", "1", "a", "each", "every") for c in token.children)

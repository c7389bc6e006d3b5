"""Finding the figures of a Doc: the tagger's amounts with their currency symbol and magnitude ('$136m',
not '136'), the amounts it missed, and the words of numbers, magnitudes and currencies."""

from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import tokens_where
from kg.lexicon.amounts import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORD_FORMS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    SCALE_WORDS,
    SCALES,
)

FIGURE_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
COUNTED_LABELS = FIGURE_LABELS | {"CARDINAL"}
NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$")
# '$5bn', '1.2m', '61%', 'A$458.4': an optional currency prefix, the number, an optional suffix
COMPACT = re.compile(r"^((?:[a-z]{1,2})?[$£€¥₹])?(\d[\d,]*(?:\.\d+)?)([a-z]*)$", re.IGNORECASE)
# A price or an amount mis-tagged as a date ('1130p', '10bn').
AMOUNT_AS_DATE = re.compile(r"^\d[\d,.]*(p|k|m|mn|bn|tn)$", re.IGNORECASE)


def find_figures(doc: Doc) -> list[Span]:
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
        number = number_before(doc, word.i)
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
    return currency_word(word) is not None and word.dep_ == "compound" \
        and NUMBER.match(span[0].text) is not None and "." not in span[0].text


def number_before(doc: Doc, i: int) -> Token | None:
    """The number before a currency word, past a magnitude: '1.5bn euro', '5 million dollars'."""
    i -= 1
    if i >= 0 and magnitude_word(doc[i]) is not None and doc[i].text.isalpha():
        i -= 1
    return doc[i] if i >= 0 and COMPACT.match(doc[i].text) and not COMPACT.match(doc[i].text).group(1) else None


def _currency_word_after(doc: Doc, end: int) -> bool:
    """A currency word right after a number, past a magnitude: '100m euros', '5 million dollars'."""
    if end < len(doc) and magnitude_word(doc[end]) is not None:
        end += 1
    return end < len(doc) and currency_word(doc[end]) is not None


def currency_word(token: Token) -> str | None:
    """The currency word a token is, in any form: 'euros' -> 'euro' (its lemma is not always)."""
    for form in (token.lemma_.lower(), token.lower_, token.lower_[:-1]):
        if form in CURRENCY_WORDS:
            return form
    return None


def is_number(token: Token) -> bool:
    return token.like_num or COMPACT.match(token.text) is not None


def is_amount_unit(token: Token) -> bool:
    """The unit word of an amount: 'euros' of '10bn euros'."""
    return currency_word(token) is not None and (
        number_before(token.doc, token.i) is not None or any(is_number(c) for c in token.lefts))


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
    if end < len(doc) and not any(magnitude_word(t) for t in doc[span.start:end]) and _trails_as_scale(doc, end):
        end += 1
    # 'points' of '0.3 percentage points'
    if end < len(doc) and doc[end - 1].lower_ == "percentage" and doc[end].lower_ in ("point", "points"):
        end += 1
    # 'euros' of '100m euros', when nothing in the figure names its currency yet
    if span.label_ == "MONEY" and end < len(doc) and currency_word(doc[end]) \
            and not any(currency_word(t) or t.lower_ in CURRENCY_SYMBOLS for t in doc[start:end]):
        end += 1
    return Span(doc, start, end, label=span.label_)


def _trails_as_scale(doc: Doc, i: int) -> bool:
    """A magnitude after a number: a suffix glued to it ('136' 'm') or a magnitude word ('5 million')."""
    token = doc[i]
    word = magnitude_word(token)
    if word is None or not doc[i - 1].like_num:
        return False
    return word in SCALE_WORDS or not doc[i - 1].whitespace_


def magnitude_word(token: Token) -> str | None:
    """The magnitude a token names, 'm.' (a sentence's full stop glued to 'm') included."""
    word = token.lower_.rstrip(".") if token.lower_.endswith(".") and len(token) <= 4 else token.lower_
    return word if word in SCALES else None


def bounds(figure: Span) -> tuple[int, int]:
    """Character offsets of the figure as written, without a full stop glued to its magnitude."""
    last = figure[-1]
    end = figure.end_char
    if last.text.endswith(".") and magnitude_word(last) is not None:
        end -= 1
    return figure.start_char, end

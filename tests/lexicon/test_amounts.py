from __future__ import annotations

from kg.lexicon.amounts import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORD_FORMS,
    CURRENCY_WORDS,
    SCALES,
)


def test_currencies_are_iso_codes():
    assert all(len(code) == 3 and code.isupper() for code in {*CURRENCY_SYMBOLS.values(), *CURRENCY_WORDS.values()})


def test_currency_words_are_read_in_the_plural_too():
    assert {"euros", "dollars", "pounds"} <= CURRENCY_WORD_FORMS


def test_magnitudes_are_powers_of_ten():
    assert SCALES["m"] == SCALES["million"] == 10**6 and SCALES["bn"] == 10**9

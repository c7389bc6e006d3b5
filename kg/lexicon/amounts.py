"""Words of amounts as news writes them: number words, magnitudes ('m', 'bn', 'million'), currency
symbols and words, and the words of percent."""

from __future__ import annotations

from decimal import Decimal

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

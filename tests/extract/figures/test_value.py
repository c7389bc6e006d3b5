from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.figures import one_figure

# (text, the figure as written, expected (value, unit, measure))
MAGNITUDE_CASES = [
    # a magnitude glued to the number, which the tokenizer splits off: '$48m' is '$', '48', 'm'
    ("The retailer agreed to pay $48m to settle the claims.", "$48m", (Decimal("48000000"), "USD", None)),
    # 'more than' stays outside the measure, which is the subject of the verb
    ("Profits climbed to more than £640m.", "more than £640m", (Decimal("640000000"), "GBP", "Profits")),
    # the measure is never the amount itself
    ("The deal is worth £15bn.", "£15bn", (Decimal("15000000000"), "GBP", "deal")),
    # a magnitude word after the number
    ("The club paid a £3.4 million fee for the winger.", "£3.4 million", (Decimal("3400000"), "GBP", "fee")),
    # 'k' for thousands
    ("The charity raised £50k in a week.", "£50k", (Decimal("50000"), "GBP", None)),
    # a count the tagger read, a magnitude and a currency word: money
    ("The insurer said its exposure was 200m euros.", "200m euros", (Decimal("200000000"), "EUR", "exposure")),
    # conversions in brackets restate the amount before them, with its facts
    ("The insurer said its exposure was less than 200m euros (£140m; $270m).", "$270m",
     (Decimal("270000000"), "USD", "exposure")),
    # a country's own dollar, and cents of a currency
    ("Net profit was 1.2bn Australian dollars.", "1.2bn Australian dollars",
     (Decimal("1200000000"), "AUD", "Net profit")),
    ("The dividend was raised to 45 euro cents.", "45 euro cents", (Decimal("0.45"), "EUR", "dividend")),
]


@pytest.mark.parametrize(("text", "figure", "expected"), MAGNITUDE_CASES)
def test_magnitudes_multiply_the_value(read, text, figure, expected):
    found = one_figure(read, text, figure)
    assert (found.value, found.unit, found.measure) == expected


# (text, the figures as written)
NOT_AMOUNT_CASES = [
    # an exchange-rate note
    ("The deal is worth $12m ($1 = 0.78 euros).", {"$12m"}),
    # the price of a currency is not an amount
    ("The pound closed at $1.95 in London.", set()),
    ("The dollar was buying 108.5 yen in Tokyo.", set()),
    ("Sterling fell to $1.85 against the dollar.", set()),
    ("It edged higher, with one euro worth $1.3218.", set()),
    # odds and scores
    ("The favourite is quoted at 7-2, with the outsider at 20-1.", set()),
    ("Leeds won 3-1 at home, and the 12 euro zone economies grew 1.8%.", {"1.8%"}),
]


@pytest.mark.parametrize(("text", "expected"), NOT_AMOUNT_CASES)
def test_rates_odds_and_scores_are_not_amounts(read, text, expected):
    assert {m.text for m in read(text).measurements} == expected

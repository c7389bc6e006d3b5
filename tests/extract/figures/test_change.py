from __future__ import annotations

import pytest

from tests.extract.figures import one_figure

# (text, the figure as written, expected (change, measure))
CHANGE_CASES = [
    # the noun the figure qualifies is a change
    ("The company reported a 17% fall in profits.", "17%", ("decrease", "profits")),
    ("The bank announced a 30% cut in its dividend.", "30%", ("decrease", "dividend")),
    ("Orders suffered a 40% plunge.", "40%", ("decrease", "Orders")),
    ("Workers are demanding a 12% pay rise.", "12%", ("increase", "pay")),
    # 'growth of 5%': the figure is the of-object of the noun of change
    ("The economy recorded growth of 3% last year.", "3%", ("increase", "economy")),
    # a direction word the figure hangs on, or beside it
    ("Shares in the airline closed 9% down.", "9%", ("decrease", "Shares in the airline")),
    ("Retail sales were 4.5% below the levels of a year ago.", "4.5%", ("decrease", "Retail sales")),
    ("Car sales were 6% higher than a year earlier.", "6%", ("increase", "Car sales")),
    ("Output was up 2.1% on the year.", "2.1%", ("increase", "Output")),
    ("Nickel rose 20% in the year, with copper up 16%.", "16%", ("increase", "copper")),
    # a verb of change and the amount it moves by; 'to' and 'from' give levels
    ("Exports rose 8% to $3bn.", "8%", ("increase", "Exports")),
    ("Exports rose 8% to $3bn.", "$3bn", (None, "Exports")),
    ("Inflation fell from 4% to 2.5% in March.", "4%", (None, "Inflation")),
    ("The regulator lifted its estimate of the deficit by 12%.", "12%", ("increase", "estimate of the deficit")),
    # a second 'by' coordinated with the first
    ("Copper prices rose by 5% in Europe and by 9% in Asia.", "9%", ("increase", "Copper prices")),
    # 'cut prices by an average of 8%'
    ("The grocer has cut prices by an average of 8%.", "8%", ("decrease", "prices")),
    # a threshold is a level, not a rise
    ("Oil stayed above $60 a barrel.", "above $60", (None, "Oil")),
    # the same change said again after 'or'
    ("Shares in the bank closed up 64 pence, or 6%, at 1,130 pence.", "6%", ("increase", "Shares in the bank")),
]


@pytest.mark.parametrize(("text", "figure", "expected"), CHANGE_CASES)
def test_change_or_level_from_the_word_the_figure_hangs_on(read, text, figure, expected):
    found = one_figure(read, text, figure)
    assert (found.change, found.measure) == expected

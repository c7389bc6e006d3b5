from __future__ import annotations

import pytest

from tests.extract.figures import one_figure

# (text, the figure as written, expected modality)
MODALITY_CASES = [
    ("The ministry aims for a 75% employment rate by 2010.", "75%", "target"),
    ("The government has set a growth target of 4% for next year.", "4%", "target"),
    ("The group plans to cut 20% of its staff.", "20%", "plan"),
    ("The airline hopes to win 15% of the market.", "15%", "hope"),
    ("Analysts expect growth of 2% next year.", "2%", "forecast"),
    ("Homeowners expect house prices to rise by 1% this year.", "1%", "expect"),
    ("Savings of £3bn could be made by 2009 if the proposals are adopted.", "£3bn", "could"),
    ("Taxes would need to rise by £10bn.", "£10bn", "need"),
    ("If sales rise 10%, the firm will hire more staff.", "10%", "if"),
    ("Sales would have risen 8% if the pound had been weaker.", "8%", "would"),
    # a fact
    ("Sales rose 5% last year, the company said.", "5%", None),
]


@pytest.mark.parametrize(("text", "figure", "expected"), MODALITY_CASES)
def test_hypothetical_figures_carry_a_modality(read, text, figure, expected):
    assert one_figure(read, text, figure).evidence.modality == expected

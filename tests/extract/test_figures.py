from __future__ import annotations

from decimal import Decimal

import pytest

# (text, expected (value, unit, change, measure, subject, period, reported by, source words))
CASES = [
    # a change and a level on one verb, with the owner, period and an 'according to' source
    ("Chile's steel exports dropped 15.6 percent to 4,785 metric tons in April, according to customs data.",
     {(Decimal("15.6"), "percent", "decrease", "steel exports", "Chile", "April", None, "customs data"),
      (Decimal("4785"), "metric ton", None, "steel exports", "Chile", "April", None, "customs data")}),
    # a percentage of something measures a share of it, attributed to the author of a report
    ("Chile accounted for 61 percent of global production in 2023, according to a report by the International Energy Agency.",
     {(Decimal("61"), "percent", None, "share of global production", "Chile", "2023",
       "International Energy Agency", "a report by the International Energy Agency")}),
    # money with a scale word; 'data from X showed' names the source
    ("Data from the Office for National Statistics showed revenue rose by $5.2 billion last year.",
     {(Decimal("5200000000"), "USD", "increase", "revenue", None, "last year",
       "Office for National Statistics", "Data from the Office for National Statistics")}),
    # '..., statistics from X show': an attribution appended to the sentence
    ("Steel output rose 4 percent in May, statistics from the National Bureau of Statistics show.",
     {(Decimal("4"), "percent", "increase", "Steel output", None, "May",
       "National Bureau of Statistics", "statistics from the National Bureau of Statistics")}),
    # a currency symbol outside the entity and a compact scale ('£1.2bn')
    ("Sales of Acme Corp fell 3% to £1.2bn.",
     {(Decimal("3"), "percent", "decrease", "Sales", "Acme Corp", None, None, None),
      (Decimal("1200000000"), "GBP", None, "Sales", "Acme Corp", None, None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_measurements(read, text, expected):
    found = {
        (m.value, m.unit, m.change, m.measure, m.subject.name if m.subject else None, m.period,
         m.reported_by.name if m.reported_by else None, m.source.text if m.source else None)
        for m in read(text).measurements
    }
    assert found == expected


def test_dates_and_plain_counts_are_not_figures(read):
    assert read("The two leaders met on Monday, 3 June 2024.").measurements == ()


def test_figure_offsets_point_at_the_figure(read):
    text = "Exports rose 12 percent."
    [figure] = read(text).measurements
    assert text[figure.start : figure.end] == figure.text == "12 percent"

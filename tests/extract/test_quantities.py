from __future__ import annotations

from decimal import Decimal

import pytest

# (text, expected (value, unit, change, measure, subject, period, reported by, source words))
CASES = [
    # a change and a level on one verb, with the owner, period and an 'according to' source
    ("China's steel exports dropped 15.6 percent to 4,785 metric tons in April, according to customs data.",
     {(Decimal("15.6"), "percent", "decrease", "steel exports", "China", "April", None, "customs data"),
      (Decimal("4785"), "metric ton", None, "steel exports", "China", "April", None, "customs data")}),
    # a percentage of something measures a share of it, attributed to the author of a report
    ("China accounted for 61 percent of global production in 2023, according to a report by the International Energy Agency.",
     {(Decimal("61"), "percent", None, "share of global production", "China", "2023",
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


# (text, the figure as written, expected (subject, measure key))
SHARED_SUBJECT_CASES = [
    # a conjoined verb shares the subject of the first
    ("Norway accounted for 40 percent of global cod catches and controlled 55 percent of salmon farming capacity.",
     "55 percent", ("Norway", "farming")),
    # a participle clause takes the subject of the main clause
    ("Chile dominates the copper market, accounting for 28 percent of mining.", "28 percent", ("Chile", "mining")),
    # a relative clause stands for the noun it hangs on
    ("Countries depend on Brazil, which holds about 60% of the global market share in soybeans.",
     "about 60%", ("Brazil", "market")),
    # a noun that names the thing measured is its own key
    ("Japan's steel exports fell 3 percent.", "3 percent", ("Japan", "export")),
]


@pytest.mark.parametrize(("text", "figure", "expected"), SHARED_SUBJECT_CASES)
def test_subject_through_shared_clauses_and_measure_key(read, text, figure, expected):
    [found] = [m for m in read(text).measurements if m.text == figure]
    assert (found.subject.name if found.subject else None, found.measure_key) == expected


def _one(read, text, figure):
    """The measurement written as `figure` in `text`."""
    found = [m for m in read(text).measurements if m.text == figure]
    assert len(found) == 1, [m.text for m in read(text).measurements]
    return found[0]


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
    found = _one(read, text, figure)
    assert (found.value, found.unit, found.measure) == expected


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
    found = _one(read, text, figure)
    assert (found.change, found.measure) == expected


# (text, the figure as written, expected (measure, subject, source words))
MEASURE_CASES = [
    # a measure with its owner kept whole: 'Shares in X', about X
    ("Shares in Vodafone rose 3% on Tuesday.", "3%", ("Shares in Vodafone", "Vodafone", None)),
    # a noun of change: what changed is its in-object; the entity is the subject of the verb
    ("Unilever reported a 22% fall in profits.", "22%", ("profits", "Unilever", "Unilever")),
    # a people as the of-object is not what is measured
    ("Sixty percent of Germans said price mattered most.", "Sixty percent", (None, None, None)),
    # the subject of 'pay' is the payer, not what the figure measures
    ("The retailer agreed to pay $48m to settle the claims.", "$48m", (None, None, None)),
    # a verb that sets its object at a figure measures the object; a document as its subject is the source
    ("Estimates from the World Bank put the cost of rebuilding at about $4bn.", "about $4bn",
     ("cost", None, "Estimates from the World Bank")),
    # a subject that is not a source: no source words
    ("The number ten found a gap and ran 30 yards to score.", "30 yards", (None, None, None)),
    # a full stop glued to 'm' ends the sentence the tagger ran on: 'Rivals' is not the source
    ("The firm valued the unit at $640m. Rivals said they had no plans to bid.", "$640m", (None, None, None)),
    # a target noun: what the target is for
    ("The government has set a growth target of 4% for next year.", "4%", ("growth", None, None)),
]


@pytest.mark.parametrize(("text", "figure", "expected"), MEASURE_CASES)
def test_measure_subject_and_source_from_the_syntax(read, text, figure, expected):
    found = _one(read, text, figure)
    assert (found.measure, found.subject.name if found.subject else None,
            found.source.text if found.source else None) == expected


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
    assert _one(read, text, figure).evidence.modality == expected

"""Reported figures: value and unit, what is measured, about whom, when, and according to whom.

"Chile's exports dropped 12.4 percent month-on-month to 3,120 metric tons in May, according to
customs data" gives two measurements of "exports" about Chile in May from "customs data": a
decrease of 15.6 percent and a level of 4,785 metric tons.

Everything but the value is read from the syntax around the figure, not from the nearest words:
the noun, verb or adverb the figure hangs on says whether it is a change ('a 22% fall', 'rose
12%', '12% higher') or a level ('rose to 12%'); the noun it belongs to or the subject of its verb
says what it measures; a modal, a condition or a target word above it ('could reach', 'if
adopted', 'aims for', 'a growth target of 5%') marks it as hypothetical (`Evidence.modality`).
When the syntax gives nothing good, an attribute is left empty rather than filled with a guess.

- finding.py: the figures of a Doc; value.py: their value and unit, and what is no amount;
- attachment.py: where a figure attaches to its sentence;
- change.py: change or level; measured.py: what is measured; whom_and_when.py: about whom, when;
- hypothetical.py: what makes a figure no fact; sources.py: according to whom.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.doc_lookups import sentence_of, text_of
from kg.extract.figures.attachment import (
    anchor,
    figure_head,
    governing_verb,
    sentence_part,
    within,
)
from kg.extract.figures.change import change_noun_of, change_of
from kg.extract.figures.finding import bounds, find_figures
from kg.extract.figures.hypothetical import figure_modality
from kg.extract.figures.measured import (
    Figure,
    measure_head_of,
    measure_key,
    measure_text,
    share_of,
)
from kg.extract.figures.sources import attribution
from kg.extract.figures.value import (
    is_exchange_rate,
    is_money,
    is_score_or_odds,
    value_and_unit,
)
from kg.extract.figures.whom_and_when import figure_subject, period_of
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.model import Evidence, Measurement, Mention

# Between an amount and its conversions: '400m euros ($527.61m; £274.73m)', '64 pence, or 6%'.
CONVERSION_WORDS = frozenset({"(", ";", ",", "/", "or"})


def extract_measurements(doc: Doc, mentions: dict[int, Mention]) -> Iterator[Measurement]:
    previous: tuple[Span, Measurement] | None = None
    for figure in find_figures(doc):
        parsed = value_and_unit(figure)
        if parsed is None:
            continue
        value, unit = parsed
        root = anchor(figure_head(figure))
        part = sentence_part(root)
        verb = governing_verb(root)
        verb = verb if verb is not None and within(verb, part) else None
        if is_score_or_odds(figure, unit) or is_exchange_rate(figure, root, verb, value, unit):
            previous = None
            continue
        start, end = bounds(figure)
        if previous is not None and _is_conversion(figure, previous[0], unit):
            # '400m euros ($527.61m; £274.73m)': the same amount in other currencies, the same facts
            measurement = replace(previous[1], value=value, unit=unit, text=text_of(doc)[start:end],
                                  start=start, end=end)
            previous = (figure, measurement)
            yield measurement
            continue
        change_noun = change_noun_of(root)
        facts = Figure(figure, root, verb, change_noun, unit, mentions)
        measure_head = measure_head_of(facts)
        measure_head = measure_head if measure_head is not None and within(measure_head, part) else None
        measure = measure_text(measure_head, figure, root, mentions) if measure_head is not None else None
        shared = share_of(facts)
        if measure is not None and unit == "percent" and isinstance(shared, Token) and shared.i == measure_head.i:
            measure = f"share of {measure}"  # '45% of GDP' measures a share of GDP, not GDP
        subject = figure_subject(measure_head, verb, mentions)
        reported_by, source = attribution(figure, verb, mentions, part)
        measurement = Measurement(
            value=value,
            unit=unit,
            text=text_of(doc)[start:end],
            start=start,
            end=end,
            change=change_of(figure, root, verb, change_noun, unit),
            measure=measure,
            measure_key=measure_key(measure_head) if measure else None,
            subject=subject if subject is not None and part.start_char <= subject.start < part.end_char else None,
            period=period_of(figure, root, verb, part),
            reported_by=reported_by,
            source=source,
            evidence=Evidence(sentence=sentence_of(root), rule="figure", confidence=RULE_CONFIDENCE["figure"],
                              modality=figure_modality(root, part)),
        )
        previous = (figure, measurement)
        yield measurement


def _is_conversion(figure: Span, previous: Span, unit: str) -> bool:
    """The same amount said again right after another: in brackets in other currencies ('2.9bn
    euros (£1.99bn)', '($527.61m; £274.73m)') or after 'or' ('up 64 pence, or 6%')."""
    between = [t.lower_ for t in figure.doc[previous.end : figure.start]]
    if not between or not all(word in CONVERSION_WORDS for word in between):
        return False
    if "or" in between:
        return between[0] == ","
    opened = figure.doc[previous.start - 1].text == "(" if previous.start > 0 else False
    return is_money(unit) and ("(" in between or opened)

from __future__ import annotations

import pytest

from tests.extract.figures import one_figure

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
    found = one_figure(read, text, figure)
    assert (found.measure, found.subject.name if found.subject else None,
            found.source.text if found.source else None) == expected

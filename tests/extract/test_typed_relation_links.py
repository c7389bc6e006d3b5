from __future__ import annotations

import pytest

# (text, the link's rule, its modality): each link shape is a rule of its own, judged on its own
RULES = [
    ("John Wilkes Booth, who assassinated President Lincoln, was an actor.", "kind-word", None),
    ("Tom Reed was convicted of killing Ann Gray in 1990.", "verdict", None),
    ("The Institute of Zoology of Kunming published the study.", "place-preposition", None),
    # an accusation is kept as a candidate, never asserted
    ("Tom Reed was charged with killing Ann Gray.", "accusation", "accused"),
    ("Tom Reed was tried for the murder of Ann Gray.", "accusation", "accused"),
]


@pytest.mark.parametrize(("text", "rule", "modality"), RULES)
def test_each_link_shape_is_its_own_rule(read, text, rule, modality):
    [relation] = [r for r in read(text).relations if r.kind and r.evidence.rule != "svo"]
    assert (relation.evidence.rule, relation.evidence.modality) == (rule, modality)
    assert 0.35 <= relation.evidence.confidence <= 1  # the model's probability

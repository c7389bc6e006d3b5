from __future__ import annotations

import pytest

from kg.extract.typed_relation_model import KINDS, model_weights, probabilities


def test_probabilities_are_a_softmax_over_the_kinds_and_unrelated():
    scores = probabilities({"worksFor": {"bias": 1.0}}, ["bias"])
    assert set(scores) == {*KINDS, None}
    assert sum(scores.values()) == pytest.approx(1)
    assert max(scores, key=scores.get) == "worksFor"


def test_the_shipped_model_has_weights_for_every_kind():
    assert set(model_weights()) == set(KINDS)

from __future__ import annotations

from kg.extract.rule_confidence import RULE_CONFIDENCE


def test_every_rule_scores_a_probability():
    assert all(0 < score <= 1 for score in RULE_CONFIDENCE.values())


def test_a_source_nobody_was_resolved_to_scores_below_its_rule():
    for rule in ("quote", "reported", "according-to"):
        assert RULE_CONFIDENCE[f"{rule}-pronoun"] < RULE_CONFIDENCE[rule]

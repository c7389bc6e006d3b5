from __future__ import annotations

import pytest

from kg.extract.claims.cue_model import (
    candidate,
    cue_features,
    cue_probability,
    cue_threshold,
)
from tests.extract.claims import judged


def _word(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_the_shipped_model_scores_a_verb_of_saying_above_its_threshold_and_an_act_below(nlp):
    assert 0 < cue_threshold() < 1
    said = _word(nlp, "Jane Doe said the copper mine would close in May.", "said")
    closed = _word(nlp, "The copper mine closed in May after a long strike.", "closed")
    assert cue_probability(said) >= cue_threshold() > cue_probability(closed)


def test_features_name_what_the_parser_says_of_the_verb(nlp):
    warned = _word(nlp, "The minister warned that prices would rise.", "warned")
    assert candidate(warned)
    features = cue_features(warned)
    assert {"bias", "lemma=warn", "child=ccomp", "lemma_child=warn_ccomp"} <= set(features)
    assert any(f.startswith("subject=") for f in features)


@pytest.mark.parametrize(("text", "expected"), [
    # a verb no list names, taken for a cue by the model: urging someone to do something
    ("Jane Doe is encouraging her supporters to ask why the mine closed.",
     {("Jane Doe", "Jane Doe", "stance", "her supporters to ask why the mine closed")}),
    # ... but not a bare infinitive, an aim or the reporter's view
    ("Jane Doe seems to forget that the mine closed in May.", set()),
    ("Jane Doe agreed to pay a fee to the mining company.", set()),
    # a cue under a refusal was never uttered
    ("Jane Doe refused to criticise the decision to close the mine.", set()),
])
def test_cues_the_model_finds(read, text, expected):
    assert judged(read(text).claims) == expected

"""How sure the graph is of each fact, and whether it asserts it.

A fact's confidence is the share of facts of its kind and rule that a careful reader accepted when
judging them one by one against their sentences (`bench/precision.py --calibrate` writes the
measurements to `calibration.json` from the tune half of the judged sample). A variant of a rule
not judged yet ('svo-passive-reported') takes its rule's measure ('svo-passive'); a rule not judged
at all keeps the score its extractor gives. A fact is asserted when its confidence reaches the build's
threshold and its sentence states it as a fact; otherwise it is kept as a candidate with the
reason it was held back.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from kg.model import Evidence

CALIBRATION_FILE = "calibration.json"
# Endings extractors give a rule so that its facts are measured apart (kg/extract/relations.py,
# claims/); a variant not judged yet falls back to the rule without them.
QUALIFIERS = frozenset({"reported", "claimed", "reference", "pronoun"})
# The default threshold, chosen on the tune half of the judged sample: the lowest that brings claims
# to 0.9 there. It holds back acts whose subject coreference found or that someone only claims or
# believes, claims whose speaker coreference found ('it said': 0.68) or is an unresolved pronoun,
# and appositive and title roles but for spokespersons and leaders by title; it keeps acts a
# source announces ('X approved Y, the company said': 0.72), without which the graph says little
# of who did what. On the held-out half no kind reaches the 0.9 target (README, "How sure the
# facts are").
DEFAULT_MIN_CONFIDENCE = 0.68


@dataclass(frozen=True)
class Decision:
    confidence: float
    held_back: str | None  # why the fact is a candidate, not asserted; None when it is asserted

    @property
    def asserted(self) -> bool:
        return self.held_back is None


def decide(kind: str, evidence: Evidence, min_confidence: float, predicate: str | None = None) -> Decision:
    """The fact's calibrated confidence (measured for 'relation/svo', 'role/title/leads',
    'claim/quote', 'figure/figure', ...) and, unless its sentence states it as a fact with enough
    confidence, why it is held back."""
    share = measured(kind, evidence.rule, predicate)
    confidence = share if share is not None else round(evidence.confidence, 3)
    if evidence.modality:  # 'may approve', 'wants to buy', 'if it approves': not a fact yet
        return Decision(confidence, f"modality: {evidence.modality}")
    if confidence < min_confidence:
        return Decision(confidence, f"confidence {confidence:g} below {min_confidence:g}")
    return Decision(confidence, None)


def measured(kind: str, rule: str, predicate: str | None, table: dict[str, float] | None = None) -> float | None:
    """The rule's measured share in `table` (the calibration), or its base rule's when this variant
    was never judged ('svo-passive-reported' -> 'svo-passive')."""
    table = calibration() if table is None else table
    while True:
        key = "/".join(filter(None, (kind, rule, predicate)))
        if key in table:
            return table[key]
        if "-" not in rule or rule.rsplit("-", 1)[1] not in QUALIFIERS:
            return None
        rule = rule.rsplit("-", 1)[0]


@functools.lru_cache(maxsize=1)
def calibration() -> dict[str, float]:
    table = json.loads(resources.files("kg").joinpath(CALIBRATION_FILE).read_text(encoding="utf-8"))
    return {key: entry["confidence"] for key, entry in table.items()}

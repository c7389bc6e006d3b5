"""What every claim carries besides its words: the evidence of its cue (sentence, rule, the rule's
confidence, negation, modality, time) and the entities its words mention."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.doc_lookups import sentence_of, text_of, time_of
from kg.extract.modality import modality
from kg.extract.rule_confidence import RULE_CONFIDENCE
from kg.model import Claim, Evidence, Mention, Source


def claim_confidence(rule: str) -> float:
    """The rule's own score; a resolved reference ('reported-reference') scores as its rule."""
    return RULE_CONFIDENCE[rule.removesuffix("-reference")]


def cue_evidence(cue: Token, rule: str) -> Evidence:
    return Evidence(
        sentence=sentence_of(cue),
        rule=rule,
        confidence=claim_confidence(rule),
        negated=any(c.dep_ == "neg" for c in cue.children),
        modality=modality(cue),
        when=time_of(cue),
    )


def mentions_within(mentions: dict[int, Mention], start: int, end: int) -> tuple[Mention, ...]:
    inside = {m for m in mentions.values() if start <= m.start and m.end <= end}
    return tuple(sorted(inside, key=lambda m: (m.start, m.end)))


def reported_claim(cue: Token, speaker: Mention | None, source: Source, tokens: list[Token], rule: str,
                   mentions: dict[int, Mention]) -> Claim:
    """The claim a cue (a verb, or a noun: 'X's claim that ...') reports in `tokens`, not quoted."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Claim(
        speaker=speaker,
        source=source,
        cue=cue.lemma_.lower(),
        content=text_of(cue.doc)[start:end],
        start=start,
        end=end,
        direct=False,
        evidence=cue_evidence(cue, rule),
        mentions=mentions_within(mentions, start, end),
    )

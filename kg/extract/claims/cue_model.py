"""The attribution cue model: how likely a verb is the cue of an attribution ('warned', 'cited',
'is pushing for', 'wants'), learned from the cues readers marked in annotated news.

A logistic model over what spaCy says of the verb: its lemma, tag and dependency, what hangs from it
(a clausal complement, an object, a preposition), what its subject is (a person, an organisation,
a pronoun, a plain noun) and whether it sits inside a quote. `train_cue_model.py` fits it on
PolNeAR's training split and writes `cue_model.json` (the weights of the features seen often enough,
and the threshold chosen on held-out training articles); here it only scores, by a sum of weights.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

from spacy.tokens import Token

from kg.extract.doc_lookups import SUBJECT_DEPS

MODEL_FILE = "cue_model.json"
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
PRONOUNS = frozenset("i you he she it we they who".split())


def candidate(token: Token) -> bool:
    """A word the model scores: a verb, or a noun the tagger took for one ('statistics show')."""
    return token.pos_ == "VERB" or (token.pos_ in ("NOUN", "AUX") and any(
        c.dep_ in ("ccomp", "nsubj") for c in token.children))


def cue_features(token: Token) -> list[str]:
    """The features of one candidate, as names ('lemma=warn', 'lemma_child=warn_ccomp', ...)."""
    lemma = token.lemma_.lower()
    subject = _subject_kind(token)
    child_deps = sorted({c.dep_ for c in token.children})
    features = [
        "bias", f"lemma={lemma}", f"tag={token.tag_}", f"dep={token.dep_}", f"dep_lemma={token.dep_}_{lemma}",
        f"subject={subject}", f"lemma_subject={lemma}_{subject.split(':')[0]}",
        f"head={token.head.lemma_.lower()}" if token.head is not token else "head=ROOT",
        f"in_quote={_inside_quote(token)}",
        f"quote_in_sentence={any(t.text in QUOTE_MARKS for t in token.sent)}",
    ]
    features += [f"child={dep}" for dep in child_deps]
    features += [f"lemma_child={lemma}_{dep}" for dep in child_deps]
    features += [f"lemma_prep={lemma}_{c.lower_}" for c in token.children if c.dep_ in ("prep", "agent")]
    return features


def cue_probability(token: Token) -> float:
    """The model's probability that `token` is an attribution cue."""
    return probability(score(cue_features(token), _model()["weights"]))


def score(features: list[str], weights: dict[str, float]) -> float:
    """The model's score of a candidate's features: the sum of their weights."""
    return sum(weights.get(feature, 0.0) for feature in features)


def probability(value: float) -> float:
    """The logistic function of a score (clamped: exp overflows past about 700)."""
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, value))))


def cue_threshold() -> float:
    """The probability from which a verb is taken for a cue (chosen in training, see the module)."""
    return _model()["threshold"]


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    return json.loads(resources.files("kg.extract.claims").joinpath(MODEL_FILE).read_text(encoding="utf-8"))


def _subject_kind(token: Token) -> str:
    """'none', 'pronoun:he', 'entity:PERSON' or 'noun:NOUN': what the verb's subject is."""
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return "none"
    if subject.lower_ in PRONOUNS:
        return f"pronoun:{subject.lower_}"
    if subject.ent_type_:
        return f"entity:{subject.ent_type_}"
    return f"noun:{subject.pos_}"


def _inside_quote(token: Token) -> bool:
    """An odd number of quotation marks before the token in its sentence."""
    marks = sum(1 for t in token.sent[: token.i - token.sent.start] if t.text in QUOTE_MARKS)
    return marks % 2 == 1

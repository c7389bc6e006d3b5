"""The typed-relation model: the candidate pairs of a sentence, the features of a pair (the words
between and around the two names, the parse path, their classes) and the softmax over the kinds of
the weights trained on CoNLL04 (kg/extract/train_typed_relations.py)."""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable, Iterator
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.extract.typed_relation_links import dependency_path
from kg.model import (
    ORGANISATION_CLASSES,
    PLACE_CLASSES,
    EntityClass,
    Mention,
    RelationKind,
)

MODEL_FILE = "typed_relations.json.gz"
# Coarse class of an ontology class, as far as these relations care.
COARSE = {
    EntityClass.Person: "person",
    **dict.fromkeys(ORGANISATION_CLASSES, "org"),
    **dict.fromkeys(PLACE_CLASSES, "place"),
}
KINDS = (RelationKind.worksFor, RelationKind.livesIn, RelationKind.locatedIn, RelationKind.basedIn, RelationKind.killed)
MAX_GAP_TOKENS = 12  # words between the names kept as features


def candidate_pairs(doc: Doc, sent: Span, mentions: dict[int, Mention]) -> Iterator[tuple[Mention, Span, Mention, Span]]:
    """Ordered pairs of different named people, organisations and places of one sentence."""
    named = [(m, span) for m, span in _named_spans(doc, sent, mentions) if m.cls in COARSE]
    for subject, subject_span in named:
        for obj, object_span in named:
            if subject.name != obj.name:
                yield subject, subject_span, obj, object_span


def _named_spans(doc: Doc, sent: Span, mentions: dict[int, Mention]) -> list[tuple[Mention, Span]]:
    """Each named mention of the sentence once, with its tokens (references like 'he' are left out:
    the model learnt from names)."""
    found: dict[Mention, Span] = {}
    for token in sent:
        mention = mentions.get(token.i)
        if mention is None or mention in found or token.pos_ in ("PRON", "NOUN"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            found[mention] = span
    return list(found.items())


def pair_features(subject: Span, obj: Span, classes: tuple[str, str]) -> list[str]:
    """Words between and around the two names, the dependency path from one to the other and the
    classes of both; the path and the words between also conjoined with the classes."""
    doc = subject.doc
    pair = f"{COARSE[classes[0]]}>{COARSE[classes[1]]}"
    first, second = sorted((subject, obj), key=lambda s: s.start)
    gap = doc[first.end : second.start]
    contextual = ["order=" + ("subject-first" if first is subject else "object-first")]
    if len(gap) <= MAX_GAP_TOKENS:
        contextual += [f"between={t.lemma_.lower()}" for t in gap]
        contextual.append("gap=" + "".join(_shape(t) for t in gap[:6]))
    else:
        contextual.append("gap=long")
    contextual.append(f"gap-length={min(len(gap), 8)}")
    path = dependency_path(subject.root, obj.root)
    if path is not None:
        contextual.append("path=" + " ".join(path))
        contextual += [f"path-word={step}" for step in path if not step.startswith(("<", ">"))]
        contextual.append(f"path-length={min(len(path), 8)}")
    plain = [
        "bias",
        f"classes={pair}",
        f"labels={subject.root.ent_type_}>{obj.root.ent_type_}",
        "before=" + (doc[first.start - 1].lower_ if first.start > 0 else "<s>"),
        "after=" + (doc[second.end].lower_ if second.end < len(doc) else "</s>"),
        "subject-last=" + subject[-1].lower_,
        "object-last=" + obj[-1].lower_,
        f"subject-role={subject.root.dep_}<{subject.root.head.lemma_.lower()}",
        f"object-role={obj.root.dep_}<{obj.root.head.lemma_.lower()}",
    ]
    return plain + contextual + [f"{pair}|{feature}" for feature in contextual]


def _shape(token: Token) -> str:
    """A one-letter shape of a gap word: comma, preposition, verb, name, other."""
    if token.text == ",":
        return ","
    return {"ADP": "p", "VERB": "v", "AUX": "v", "PROPN": "n", "NOUN": "n", "DET": "d"}.get(token.pos_, "o")


@functools.lru_cache(maxsize=1)
def model_weights() -> dict[str, dict[str, float]]:
    packed = resources.files("kg.extract").joinpath(MODEL_FILE).read_bytes()
    return json.loads(gzip.decompress(packed))["weights"]


def probabilities(weights: dict[str, dict[str, float]], features: Iterable[str]) -> dict[str | None, float]:
    """Softmax over the kinds and 'unrelated' (None, score 0)."""
    scores = {kind: sum(weights.get(kind, {}).get(f, 0.0) for f in features) for kind in KINDS}
    scores[None] = 0.0
    top = max(scores.values())
    exps = {kind: math.exp(score - top) for kind, score in scores.items()}
    total = sum(exps.values())
    return {kind: value / total for kind, value in exps.items()}

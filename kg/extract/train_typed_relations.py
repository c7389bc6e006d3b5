"""Train the typed-relation model (kg/extract/typed_relation_model.py) on CoNLL04's training split:

    python -m kg.extract.train_typed_relations ../shared/data/conll04/conll04_train.json

Examples are the candidate pairs kg itself finds (its own entities, as at run time) and the pairs
of gold entities. Training is deterministic: the same data gives the same file.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Span

from kg.extract.coref import link
from kg.extract.mentions import extract_mentions
from kg.extract.typed_relation_model import (
    KINDS,
    MODEL_FILE,
    candidate_pairs,
    pair_features,
    probabilities,
)
from kg.model import EntityClass, RelationKind

MIN_FEATURE_COUNT = 5  # features seen in fewer training pairs are dropped: a small model, barely worse


GOLD_CLASSES = {"Peop": EntityClass.Person, "Org": EntityClass.Organization, "Loc": EntityClass.Location}  # 'Other' relates to nothing here
CONLL_KINDS = {"Work_For": RelationKind.worksFor, "Live_In": RelationKind.livesIn, "Located_In": RelationKind.locatedIn,
               "OrgBased_In": RelationKind.basedIn, "Kill": RelationKind.killed}


def training_pairs(path: Path, nlp) -> list[tuple[list[str], str | None]]:
    """(features, kind or None) for every ordered pair of two kinds: the candidate pairs kg itself
    finds in a training sentence (its own entities, as at run time, with the tagger's errors),
    labelled by the gold relation whose arguments they overlap; and the pairs of gold entities,
    labelled exactly, which teach the relation step from clean arguments."""
    sentences = json.loads(path.read_text(encoding="utf-8"))
    texts = [" ".join(s["tokens"]) for s in sentences]
    examples = []
    for sentence, doc in zip(sentences, nlp.pipe(texts, batch_size=64), strict=True):
        offsets, position = [], 0
        for token in sentence["tokens"]:
            offsets.append(position)
            position += len(token) + 1
        entities = [
            (GOLD_CLASSES.get(e["type"]),
             offsets[e["start"]], offsets[e["end"] - 1] + len(sentence["tokens"][e["end"] - 1]))
            for e in sentence["entities"]
        ]
        related = {(r["head"], r["tail"]): CONLL_KINDS[r["type"]] for r in sentence["relations"]}
        _, by_token = link(doc, extract_mentions(doc))
        for sent in doc.sents:
            for subject, subject_span, obj, object_span in candidate_pairs(doc, sent, by_token):
                kind = next((k for (h, t), k in related.items()
                             if _overlap(entities[h][1:], subject_span) and _overlap(entities[t][1:], object_span)),
                            None)
                examples.append((pair_features(subject_span, object_span, (subject.cls, obj.cls)), kind))
        spans = [(cls, doc.char_span(start, end, alignment_mode="expand")) for cls, start, end in entities]
        for i, (subject_cls, subject_span) in enumerate(spans):
            for j, (object_cls, object_span) in enumerate(spans):
                if i != j and subject_cls and object_cls and subject_span is not None and object_span is not None:
                    features = pair_features(subject_span, object_span, (subject_cls, object_cls))
                    examples.append((features, related.get((i, j))))
    return examples


def _overlap(chars: tuple[int, int], span: Span) -> bool:
    return chars[0] < span.end_char and span.start_char < chars[1]


def train(examples: list[tuple[list[str], str | None]], *, epochs: int = 20, rate: float = 0.1,
          l2: float = 1e-2, seed: int = 0) -> dict[str, dict[str, float]]:
    """Multinomial logistic regression by AdaGrad ('unrelated' fixed at score 0); deterministic."""
    weights: dict[str, dict[str, float]] = {kind: {} for kind in KINDS}
    squares: dict[str, dict[str, float]] = {kind: {} for kind in KINDS}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            features, label = examples[index]
            chances = probabilities(weights, features)
            for kind in KINDS:
                error = chances[kind] - (1.0 if label == kind else 0.0)
                w, sq = weights[kind], squares[kind]
                for feature in features:
                    gradient = error + l2 * w.get(feature, 0.0)
                    sq[feature] = sq.get(feature, 0.0) + gradient * gradient
                    w[feature] = w.get(feature, 0.0) - rate * gradient / math.sqrt(sq[feature])
    return {kind: {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3} for kind, w in weights.items()}


def _frequent_features(examples: list[tuple[list[str], str | None]], min_count: int) -> list[tuple[list[str], str | None]]:
    counts = Counter(feature for features, _ in examples for feature in set(features))
    return [([f for f in features if counts[f] >= min_count], label) for features, label in examples]


def main(argv: list[str]) -> int:
    from kg.extract.nlp import load_pipeline

    if len(argv) != 1:
        print("usage: python -m kg.extract.train_typed_relations CONLL04_TRAIN_JSON", file=sys.stderr)
        return 2
    path = Path(argv[0])
    examples = _frequent_features(training_pairs(path, load_pipeline()), MIN_FEATURE_COUNT)
    weights = train(examples)
    target = Path(__file__).with_name(MODEL_FILE)
    model = {"trained_on": path.name, "examples": len(examples), "weights": weights}
    packed = json.dumps(model, sort_keys=True, separators=(",", ":")).encode("utf-8")
    target.write_bytes(gzip.compress(packed, mtime=0))  # mtime=0: the same data gives the same bytes
    related = sum(label is not None for _, label in examples)
    size = sum(len(w) for w in weights.values())
    print(f"{target}: {size} weights from {len(examples)} pairs ({related} related)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Train the attribution cue model (cue_model.py) on annotated news:

    pip install -e ".[train]"
    python -m kg.extract.claims.train_cue_model ../shared/data/polnear/train --leave-out bench/precision/sample.tsv

The split's directory holds text/NAME.txt and attributions/NAME_*.ann (brat standoff; one
annotator's file per article is read). The articles a file given with --leave-out names (the
judged precision sample) are left out, so that claims there are judged on articles the model
never saw. Every candidate word of every article is an example, a cue
when it lies inside an annotated Cue span. The articles are split in two by a hash of their names:
a model fitted on the first half chooses the threshold on the second (the lowest probability at
which TARGET_PRECISION of the words it takes are cues), then the model is fitted again on all of
them. The weights of features seen at least MIN_FEATURE_COUNT times are written to cue_model.json,
with the threshold and the measures on the second half.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from kg.extract.claims.cue_model import (
    MODEL_FILE,
    candidate,
    cue_features,
    probability,
    score,
)

MODEL_PATH = Path(__file__).with_name(MODEL_FILE)
TARGET_PRECISION = 0.9
MIN_FEATURE_COUNT = 10  # 9,000 weights instead of 24,000, for 0.005 less recall at the threshold
REGULARISATION = 0.3  # scikit-learn's C: smaller is smoother; 0.3 and 1.0 differed by 0.01 in F1
WEIGHT_DIGITS = 4


def cue_spans(annotations: Path) -> list[tuple[int, int]]:
    """The character spans of the Cue annotations in a brat .ann file (a span may be in pieces)."""
    spans = []
    for line in annotations.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for piece in parts[1][len("Cue "):].split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end)))
    return spans


def annotated_articles(split: Path, left_out: str = "") -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, cue spans) of every article with an annotation file whose file name is not in
    `left_out`."""
    articles = []
    for text in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text.stem}_*.ann"))
        if annotations and text.name not in left_out:
            articles.append((text.stem, text.read_text(encoding="utf-8"), cue_spans(annotations[0])))
    return articles


def examples(doc: Doc, spans: list[tuple[int, int]]) -> Iterable[tuple[list[str], bool]]:
    for token in doc:
        if candidate(token):
            yield cue_features(token), any(start <= token.idx < end for start, end in spans)


def in_second_half(name: str) -> bool:
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 1


def train(labelled: list[tuple[str, list[tuple[list[str], bool]]]]) -> dict:
    """The model from (article name, examples) pairs."""
    first = [e for name, es in labelled if not in_second_half(name) for e in es]
    second = [e for name, es in labelled if in_second_half(name) for e in es]
    counts = Counter(f for features, _ in first + second for f in set(features))
    kept = {f for f, n in counts.items() if n >= MIN_FEATURE_COUNT}
    threshold, measures = _choose_threshold(_fit(first, kept), second)
    return {
        "source": "PolNeAR train: Cue annotations over spaCy candidates (kg/extract/claims/train_cue_model.py)",
        "threshold": threshold,
        "second_half": measures,
        "weights": _fit(first + second, kept),
    }


def _fit(data: list[tuple[list[str], bool]], kept: set[str]) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([{f: 1 for f in features if f in kept} for features, _ in data])
    # the bias is a feature of its own ('bias'), so that the model is one table of weights
    model = LogisticRegression(C=REGULARISATION, max_iter=3000, fit_intercept=False)
    model.fit(matrix, [label for _, label in data])
    weights = dict(zip(vectoriser.get_feature_names_out(), model.coef_[0]))
    return {f: round(float(w), WEIGHT_DIGITS) for f, w in sorted(weights.items()) if round(float(w), WEIGHT_DIGITS)}


def _choose_threshold(weights: dict[str, float], data: list[tuple[list[str], bool]]) -> tuple[float, dict]:
    ranked = sorted(((score(features, weights), label) for features, label in data), reverse=True)
    cues = sum(label for _, label in data)
    best = (0.0, 0, 0)
    taken = right = 0
    for value, label in ranked:
        taken += 1
        right += label
        if right / taken >= TARGET_PRECISION:
            best = (value, taken, right)
    value, taken, right = best
    return round(probability(value), 3), {"precision": round(right / max(taken, 1), 3),
                                          "recall": round(right / max(cues, 1), 3), "words": len(data), "cues": cues}


def main(argv: list[str]) -> None:
    import argparse

    from kg.extract.nlp import load_pipeline

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path, help="a directory with text/ and attributions/")
    parser.add_argument("--leave-out", type=Path, help="a file naming articles not to train on")
    args = parser.parse_args(argv)
    articles = annotated_articles(args.split, args.leave_out.read_text(encoding="utf-8") if args.leave_out else "")
    docs = load_pipeline().pipe((text for _, text, _ in articles), batch_size=16)
    labelled = [(name, list(examples(doc, spans))) for doc, (name, _, spans) in zip(docs, articles)]
    model = train(labelled)
    MODEL_PATH.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(model['weights'])} weights, threshold {model['threshold']}, on held-out training articles "
          f"{model['second_half']} -> {MODEL_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])

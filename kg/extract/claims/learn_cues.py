"""Learn the cue verbs of attribution from annotated news: which verb lemmas readers marked as the
cue of a statement, and how often, in PolNeAR's training split.

    python -m kg.extract.claims.learn_cues ../shared/data/polnear/train

rewrites learned_cues.json next to this file: for each lemma that is a cue at least MIN_RATE of the
times it occurs as a verb, and at least MIN_CUES times, how often it was a cue and how often it
occurred. cues.py adds these lemmas to the hand-made lists (as cues of reported speech and
stances, never of a quote). The split's directory holds text/NAME.txt and attributions/NAME_*.ann
(brat standoff, one annotator's file per article is read).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LEARNED_FILE = Path(__file__).with_name("learned_cues.json")
MIN_RATE = 0.6  # a cue this often as a verb; 'call' (0.57) or 'show' (0.48) have other senses
MIN_CUES = 8


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


def count_cues(split: Path) -> tuple[Counter, Counter]:
    """How often each verb lemma occurs, and how often inside an annotated cue."""
    from kg.extract.nlp import load_pipeline

    articles = []
    for text in sorted((split / "text").glob("*.txt")):
        annotations = sorted((split / "attributions").glob(f"{text.stem}_*.ann"))
        if annotations:
            articles.append((text.read_text(encoding="utf-8"), cue_spans(annotations[0])))
    verbs, cues = Counter(), Counter()
    docs = load_pipeline().pipe((text for text, _ in articles), batch_size=16)
    for doc, (_, spans) in zip(docs, articles):
        for token in (t for t in doc if t.pos_ == "VERB"):
            lemma = token.lemma_.lower()
            verbs[lemma] += 1
            cues[lemma] += any(start <= token.idx < end for start, end in spans)
    return verbs, cues


def main(argv: list[str]) -> None:
    verbs, cues = count_cues(Path(argv[0]))
    learned = {lemma: [cues[lemma], verbs[lemma]] for lemma in sorted(verbs)
               if cues[lemma] >= MIN_CUES and cues[lemma] / verbs[lemma] >= MIN_RATE}
    table = {"source": "PolNeAR train: cue annotations over verb lemmas (spaCy)",
             "min_rate": MIN_RATE, "min_cues": MIN_CUES, "lemmas": learned}
    LEARNED_FILE.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(f"{len(learned)} cue lemmas -> {LEARNED_FILE}")


if __name__ == "__main__":
    main(sys.argv[1:])

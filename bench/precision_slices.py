"""Is there a kind of subject-verb-object fact that is right often enough to assert? Strict precision
of the judged svo relations (`bench/precision.py`), asserted ones and candidates, sliced by how the
evidence sentence parses around the verb, on both halves of the sample.

    python bench/precision_slices.py              # builds the sample unless out/precision/kg.ttl exists

A slice worth a rule of its own is one that is well above or below the rest on both halves; one
that reaches 0.9 on the tune half alone is noise. The verb is found again by its lemma in a fresh
parse of the evidence sentence (the first such verb), so a slice is approximate.
"""

from __future__ import annotations

import re
from collections import defaultdict

from precision import OUT, build_sample, read_facts, read_judgments, sample

from kg.extract.nlp import load_pipeline

MIN_FACTS = 12  # slices with fewer judged facts over both halves are not printed


def verb_slices(nlp, fact) -> list[str]:
    """The slices a relation's verb falls in: its dependency, its tag, and what hangs on it."""
    predicate = re.match(r"\[.*?\] (.*?) \[", fact.text).group(1)
    doc = nlp(fact.evidence)
    verbs = [t for t in doc if t.lemma_ == predicate.split()[0] and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return ["verb not found"]
    verb = verbs[0]
    children = {child.dep_ for child in verb.children}
    slices = [f"verb dep {verb.dep_}", f"verb tag {verb.tag_}",
              "asserted" if fact.asserted else "candidate"]
    slices += [f"verb has {dep}" for dep in ("aux", "advmod", "xcomp", "ccomp", "conj", "prep") if dep in children]
    if fact.asserted and verb.dep_ == "ROOT" and verb.tag_ == "VBD":
        slices.append("asserted, main verb in the past ('X approved Y')")
    return slices


def main() -> None:
    graph = OUT / "kg.ttl"
    facts = read_facts(graph if graph.exists() else build_sample(None))
    judgments, halves = read_judgments(), sample()
    nlp = load_pipeline()
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"tune": [0, 0], "held-out": [0, 0]})
    for fact in facts:
        if fact.kind != "relation" or not fact.key.startswith("relation/svo") or fact.id not in judgments:
            continue
        if fact.held_back.startswith("modality"):
            continue  # never asserted, whatever its confidence
        right = judgments[fact.id]["verdict"] == "right"
        for name in ["all svo", *verb_slices(nlp, fact)]:
            counts[name][halves[fact.article]][0] += right
            counts[name][halves[fact.article]][1] += 1
    print(f"{'slice':52} {'tune':>12} {'held-out':>12}")
    for name, by_half in sorted(counts.items()):
        if sum(n for _, n in by_half.values()) >= MIN_FACTS:
            cells = [f"{r / n:.2f} ({n:>3})" if n else "-" for r, n in by_half.values()]
            print(f"{name:52} {cells[0]:>12} {cells[1]:>12}")


if __name__ == "__main__":
    main()

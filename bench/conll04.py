"""Relations of known kinds scored against CoNLL04 dev (Roth & Yih 2004, SpERT split).

    python bench/conll04.py [--data ../shared/data/conll04/conll04_dev_text.jsonl] [--show-errors N]

End to end: kg reads each dev sentence as an article (its own spaCy entities, coreference, roles
and typed-relation model; no gold entities are given), and every relation of a kind CoNLL04 has
is compared with the gold ones: worksFor (also from roles: spokespersonFor, leads, memberOf) =
Work_For, livesIn = Live_In, locatedIn = Located_In, basedIn = OrgBased_In, killed = Kill.
With --gold-entities the sentence's gold entities replace kg's own (Peop = Person, Org =
Organization, Loc = Location), which measures the relation step alone.
A predicted relation is right when its kind and direction match a gold relation and both
arguments match: "exact" needs equal character spans; "overlap" needs the spans to overlap
(our names leave titles out: gold 'President Lincoln', ours 'Lincoln').
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from kg.extract.nlp import load_pipeline
from kg.extract.records import extract
from kg.extract.roles import extract_roles
from kg.extract.typed_relations import extract_typed_relations
from kg.model import Article, Extraction, Mention

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "conll04" / "conll04_dev_text.jsonl"
KIND_TYPES = {
    "worksFor": "Work_For", "spokespersonFor": "Work_For", "leads": "Work_For", "memberOf": "Work_For",
    "livesIn": "Live_In", "locatedIn": "Located_In", "basedIn": "OrgBased_In", "killed": "Kill",
}
Triple = tuple[str, tuple[int, int], tuple[int, int]]
GOLD_CLASSES = {"Peop": "Person", "Org": "Organization", "Loc": "Location"}


def predicted(extraction: Extraction) -> set[Triple]:
    found = set()
    for relation in extraction.relations:
        if relation.kind in KIND_TYPES:
            found.add((KIND_TYPES[relation.kind], _span(relation.subject), _span(relation.object)))
    for role in extraction.roles:
        if role.organisation is not None:
            found.add((KIND_TYPES[role.kind], _span(role.person), _span(role.organisation)))
    return found


def with_gold_entities(doc, record: dict, article: Article) -> Extraction:
    """Typed relations and roles over the gold entities instead of kg's own."""
    by_token = {}
    for entity in record["entities"]:
        cls = GOLD_CLASSES.get(entity["type"])
        start, end = _trimmed(record["text"], entity)
        span = doc.char_span(start, end, alignment_mode="expand")
        if cls is None or span is None:
            continue
        mention = Mention(text=record["text"][start:end], cls=cls, start=start, end=end)
        by_token.update({token.i: mention for token in span})
    return Extraction(article=article, mentions=tuple(dict.fromkeys(by_token.values())),
                      relations=tuple(extract_typed_relations(doc, by_token)), claims=(),
                      roles=tuple(extract_roles(doc, by_token)))


def _span(mention) -> tuple[int, int]:
    return mention.start, mention.end


def gold_triples(record: dict) -> set[Triple]:
    entities = record["entities"]
    triples = set()
    for relation in record["relations"]:
        head, tail = entities[relation["head"]], entities[relation["tail"]]
        triples.add((relation["type"], _trimmed(record["text"], head), _trimmed(record["text"], tail)))
    return triples


def _trimmed(text: str, entity: dict) -> tuple[int, int]:
    """Gold spans sometimes keep a trailing ' ,' of the tokenised text."""
    start, end = entity["start"], entity["end"]
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matches(ours: Triple, gold: Triple, *, exact: bool) -> bool:
    if ours[0] != gold[0]:
        return False
    if exact:
        return ours[1] == gold[1] and ours[2] == gold[2]
    return _overlaps(ours[1], gold[1]) and _overlaps(ours[2], gold[2])


def score(pairs: list[tuple[set[Triple], set[Triple]]], *, exact: bool) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for ours, gold in pairs:
        for triple in ours:
            c = counts.setdefault(triple[0], Counter())
            c["predicted"] += 1
            c["correct"] += any(matches(triple, g, exact=exact) for g in gold)
        for triple in gold:
            c = counts.setdefault(triple[0], Counter())
            c["gold"] += 1
            c["found"] += any(matches(o, triple, exact=exact) for o in ours)
    return counts


def prf(c: Counter) -> tuple[float, float, float]:
    precision = c["correct"] / c["predicted"] if c["predicted"] else 0.0
    recall = c["found"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", type=int, default=0, help="print N sentences with errors")
    parser.add_argument("--gold-entities", action="store_true", help="use the gold entities instead of kg's own")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data}: CoNLL04 dev text not found", file=sys.stderr)
        return 1
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_pipeline()
    started = time.perf_counter()
    pairs = []
    texts = [r["text"] for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        article = Article(id=record["id"], path=record["id"], title=record["id"], text=record["text"], sha256="")
        extraction = with_gold_entities(doc, record, article) if args.gold_entities else extract(doc, article)
        pairs.append((predicted(extraction), gold_triples(record)))
    seconds = time.perf_counter() - started

    entities = "gold entities" if args.gold_entities else "kg's own entities"
    print(f"CoNLL04 dev ({entities}): {len(records)} sentences, {sum(len(g) for _, g in pairs)} gold relations, "
          f"{sum(len(o) for o, _ in pairs)} predicted, {seconds:.1f} s")
    for exact in (False, True):
        counts = score(pairs, exact=exact)
        total = sum(counts.values(), Counter())
        p, r, f = prf(total)
        print(f"{'exact' if exact else 'overlap'} boundaries: micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
        for kind in sorted(counts):
            p, r, f = prf(counts[kind])
            print(f"  {kind:<12} P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {counts[kind]['gold']})")
    shown = 0
    for (ours, gold), record in zip(pairs, records, strict=True):
        if shown >= args.show_errors:
            break
        wrong = {o for o in ours if not any(matches(o, g, exact=False) for g in gold)}
        missed = {g for g in gold if not any(matches(o, g, exact=False) for o in ours)}
        if wrong or missed:
            shown += 1
            text = record["text"]
            print(f"- {text}")
            for label, triples in (("spurious", wrong), ("missed", missed)):
                for kind, a, b in sorted(triples):
                    print(f"    {label}: {kind}({text[a[0]:a[1]]}, {text[b[0]:b[1]]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

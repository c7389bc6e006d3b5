"""Entity resolution across articles scored against ECB+ (Cybulska & Vossen, LREC 2014), dev topics.

    python bench/ecbplus.py [--data ../shared/data/ecbplus/ecbplus_dev_clusters.jsonl.gz] [--show-errors N]

All 772 documents of the 66 clusters are built as one corpus, so unrelated stories that share a name
must not merge. The items scored are the gold entity mentions (people, organisations, places,
things; not times) that have a gold cross-document instance and that the graph holds as a proper
name: a kg mention in the same document covering at least half of it. Pairwise over those items:
precision = pairs in one kg entity that are one gold instance / pairs in one kg entity;
recall = the same / pairs that are one gold instance.
ECB+ annotates coreference only within a topic (its two sub-topics are two similar but different
events, such as two celebrities entering rehab), so 'Greece' in two topics has two gold ids. The
first figure counts pairs within a topic; the second counts all pairs, so the same country or city
named in two topics counts against us. People merged across topics are listed for inspection.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.extract.nlp import parse
from kg.extract.records import extract
from kg.model import Article, Extraction, Mention
from kg.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ecbplus" / "ecbplus_dev_clusters.jsonl.gz"
MIN_COVER = 0.5


def read_documents(path: Path) -> list[tuple[Article, list[dict]]]:
    documents = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for doc in json.loads(line)["docs"]:
                article = Article(id=doc["doc_id"], path=doc["doc_id"], title=doc["doc_id"], text=doc["text"], sha256="")
                gold = [m for m in doc["mentions"] if m["kind"] == "entity" and m.get("cross_doc_instance")
                        and not m["tag"].startswith("TIME")]
                documents.append((article, gold))
    return documents


def aligned(gold: dict, mentions: tuple[Mention, ...]) -> Mention | None:
    """The kg mention that covers the most of the gold mention, if it covers at least half of it."""
    def cover(m: Mention) -> int:
        return max(0, min(m.end, gold["end"]) - max(m.start, gold["start"]))
    best = max(mentions, key=cover, default=None)
    if best is None or cover(best) < MIN_COVER * (gold["end"] - gold["start"]):
        return None
    return best


def pairs(counts: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def scored_items(documents, extractions, resolution) -> list[tuple[str, tuple, str, str]]:
    """(gold instance, kg entity key, surface form, document id) for each gold mention the graph holds."""
    items = []
    for (article, gold), extraction in zip(documents, extractions, strict=True):
        for g in gold:
            mention = aligned(g, extraction.mentions)
            if mention is not None:
                items.append((g["cross_doc_instance"], resolution.of(mention, article.id).key, g["text"], article.id))
    return items


def topic(document: str) -> str:
    return document.split("_")[0]


def pairwise(items) -> tuple[float, float, int, int, int]:
    """Precision, recall and the pair counts over all pairs of items."""
    by_entity = Counter(key for _, key, _, _ in items)
    by_instance = Counter(instance for instance, _, _, _ in items)
    both = Counter((instance, key) for instance, key, _, _ in items)
    predicted, gold_pairs, correct = pairs(by_entity), pairs(by_instance), pairs(both)
    return (correct / predicted if predicted else 0.0, correct / gold_pairs if gold_pairs else 0.0,
            correct, predicted, gold_pairs)


def report(documents, extractions, resolution, seconds: float, show_errors: int = 0) -> None:
    items = scored_items(documents, extractions, resolution)
    entities = [e for e in resolution.entities.values() if e.key[0] != "concept"]
    print(f"ECB+ dev: {len(documents)} documents as one corpus, {len(entities)} entities, {seconds:.1f} s")
    print(f"{len(items)} gold mentions held as names, {len({i for i, *_ in items})} gold instances")
    by_topic = defaultdict(list)
    for item in items:
        by_topic[topic(item[3])].append(item)
    # ECB+ links mentions only within a topic; across topics 'Greece' has two gold ids
    within = [pairwise(topic_items) for topic_items in by_topic.values()]
    correct, predicted, gold_pairs = (sum(x[i] for x in within) for i in (2, 3, 4))
    for label, (precision, recall, *counts) in (
        ("within each topic", (correct / predicted, correct / gold_pairs, correct, predicted, gold_pairs)),
        ("all pairs        ", pairwise(items)),
    ):
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label}: pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
              f"({counts[0]} right of {counts[1]} merged pairs, {counts[2]} gold pairs)")
    people = [e for e in entities if e.cls == "Person" and len({topic(a) for a in e.articles}) > 1]
    print(f"people merged across unrelated topics: {len(people)}"
          + (f" ({', '.join(e.label for e in people[:10])})" if people else ""))
    if show_errors:
        _show_errors(items, show_errors)


def _show_errors(items, limit: int) -> None:
    forms: dict[tuple, set] = defaultdict(set)
    instances_of: dict = defaultdict(set)
    entities_of: dict = defaultdict(set)
    for instance, key, text, doc in items:
        forms[(instance, key)].add(f"{text} [{doc}]")
        instances_of[key].add(instance)
        entities_of[instance].add(key)
    wrong = [k for k, v in instances_of.items() if len(v) > 1]
    missed = [i for i, v in entities_of.items() if len(v) > 1]
    for key in wrong[:limit]:
        print(f"  wrong merge {key[1]!r}: " + " | ".join(
            f"{i}: {sorted(forms[(i, key)])[:3]}" for i in sorted(instances_of[key])))
    for instance in missed[:limit]:
        print(f"  missed {instance}: " + " | ".join(
            f"{k[1]!r}: {sorted(forms[(instance, k)])[:3]}" for k in sorted(entities_of[instance])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", type=int, default=0, help="print N wrong merges and N missed ones")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data}: ECB+ dev clusters not found", file=sys.stderr)
        return 1
    documents = read_documents(args.data)
    started = time.perf_counter()
    extractions: list[Extraction] = [extract(doc, article) for doc, article in parse([a for a, _ in documents])]
    resolution = resolve(extractions)
    report(documents, extractions, resolution, time.perf_counter() - started, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Claim extraction scored against PolNeAR dev (Newell, Margolin & Ruths, LREC 2018).

    python bench/polnear.py [--data ../shared/data/polnear/dev] [--show-misses N]

Gold: every attribution (Attribution and Attribution-no-source events) of the first annotator's
.ann file per article; "direct" = gold content that opens with a quotation mark.
A claim and a gold attribution match when their content spans overlap by at least half of the
shorter one. A gold attribution is found when some claim matches it; a claim is correct when it
matches some gold attribution (a quote split by its cue, '"A," he said. "B."', is one PolNeAR
attribution and two claims, both correct). Reported:
- direct quotes: recall over gold direct attributions, precision of our direct claims;
- all attributions: recall and precision over every attribution and every claim;
- speaker accuracy: for each found gold attribution with a Source, its best-overlapping claim is
  right when its source words overlap the gold Source span, or when the entity we resolved the
  source to shares a capitalised word with the gold Source ('she' resolved to Hillary Clinton
  where the gold marks 'Clinton' in the same sentence).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.extract.nlp import load_pipeline
from kg.extract.records import extract
from kg.model import Article, Claim

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev"
OPENING_MARKS = ("\"", "“")
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlap(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Gold:
    content: Span
    source: Span | None
    direct: bool


def read_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, Span]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T"):
            kind, *ranges = fields[1].replace(";", " ").split()
            offsets = [int(x) for x in ranges]
            spans[fields[0]] = (kind, Span(min(offsets), max(offsets)))
        elif line.startswith("E"):
            events.append(dict(part.split(":") for part in fields[1].split()))
    gold = []
    for event in events:
        trigger = next(iter(event))
        if trigger not in ("Attribution", "Attribution-no-source") or "Content" not in event:
            continue
        content = spans[event["Content"]][1]
        written = text[content.start : content.end].strip()
        gold.append(Gold(
            content=content,
            source=spans[event["Source"]][1] if "Source" in event else None,
            direct=written[:1] in OPENING_MARKS,
        ))
    return gold


def match(gold: list[Gold], claims: list[Claim]) -> list[tuple[Gold, Claim]]:
    """Every (gold, claim) pair whose contents overlap by at least MIN_OVERLAP of the shorter,
    best overlap first."""
    pairs = []
    for g in gold:
        for c in claims:
            ours = Span(c.start, c.end)
            shared = g.content.overlap(ours)
            if shared and shared >= MIN_OVERLAP * min(len(g.content), len(ours)):
                pairs.append((shared / max(len(g.content), len(ours)), g, c))
    return [(g, c) for _, g, c in sorted(pairs, key=lambda x: -x[0])]


def _same_name(gold_source: str, claim: Claim) -> bool:
    if claim.speaker is None:
        return False
    names = {w for w in claim.speaker.name.split() if w[:1].isupper()}
    return bool(names & set(gold_source.replace("’s", "").replace("'s", "").split()))


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-misses", type=int, default=0, help="print N missed gold attributions")
    parser.add_argument("--show-spurious", type=int, default=0, help="print N claims matching no gold")
    parser.add_argument("--show-wrong-speakers", type=int, default=0, help="print N wrong sources")
    parser.add_argument("--direct-only", action="store_true", help="print only direct misses/spurious")
    args = parser.parse_args()
    texts = sorted((args.data / "text").glob("*.txt"))
    if not texts:
        print(f"{args.data}: no PolNeAR text files found", file=sys.stderr)
        return 1
    nlp = load_pipeline()
    started = time.perf_counter()
    totals = dict(gold=0, gold_direct=0, claims=0, claims_direct=0, found=0, found_direct=0, correct=0,
                  correct_direct=0, matched_claims=0, with_source=0, speaker_ok=0)
    misses, spurious, wrong = [], [], []
    for path in texts:
        annotations = sorted((args.data / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        gold = read_gold(annotations[0], text)
        article = Article(id=path.stem, path=str(path), title=path.stem, text=text, sha256="")
        claims = list(extract(nlp(text), article).claims)
        pairs = match(gold, claims)
        matched_gold = {id(g) for g, _ in pairs}
        matched_claims = {id(c) for _, c in pairs}
        totals["gold"] += len(gold)
        totals["gold_direct"] += sum(g.direct for g in gold)
        totals["claims"] += len(claims)
        totals["claims_direct"] += sum(c.direct for c in claims)
        totals["found"] += len(matched_gold)
        totals["found_direct"] += sum(1 for g in gold if g.direct and id(g) in matched_gold)
        totals["correct"] += len(matched_claims)
        totals["correct_direct"] += sum(1 for c in claims if c.direct and id(c) in matched_claims)
        best: dict[int, tuple[Gold, Claim]] = {}
        for g, c in pairs:
            best.setdefault(id(g), (g, c))
        for g, c in best.values():
            if g.source is not None:
                totals["with_source"] += 1
                right = bool(g.source.overlap(Span(c.source.start, c.source.end))) or _same_name(
                    text[g.source.start : g.source.end], c)
                totals["speaker_ok"] += right
                if not right:
                    wrong.append((path.name, text[g.source.start : g.source.end], c.source.text,
                                  f"[{c.evidence.rule}] {c.content[:60]} || {c.evidence.sentence.text}"))
        misses += [(path.name, text[g.content.start : g.content.end]) for g in gold
                   if id(g) not in matched_gold and (g.direct or not args.direct_only)]
        spurious += [(path.name, f"{c.source.text} -{c.cue}-> {c.content}") for c in claims
                     if id(c) not in matched_claims and (c.direct or not args.direct_only)]
    seconds = time.perf_counter() - started

    t = totals
    print(f"PolNeAR dev: {len(texts)} articles, {t['gold']} gold attributions ({t['gold_direct']} direct), "
          f"{t['claims']} claims extracted ({t['claims_direct']} direct), {seconds:.1f} s")
    print(f"direct quotes     recall {ratio(t['found_direct'], t['gold_direct']):.3f}   "
          f"precision {ratio(t['correct_direct'], t['claims_direct']):.3f}")
    print(f"all attributions  recall {ratio(t['found'], t['gold']):.3f}   "
          f"precision {ratio(t['correct'], t['claims']):.3f}")
    print(f"speaker accuracy  {ratio(t['speaker_ok'], t['with_source']):.3f}  "
          f"({t['speaker_ok']}/{t['with_source']} matched attributions with a gold source)")
    for name, content in misses[: args.show_misses]:
        print(f"  missed [{name}] {content[:140]!r}")
    for name, gold_source, ours, content in wrong[: args.show_wrong_speakers]:
        print(f"  wrong source [{name}] gold {gold_source!r}, ours {ours!r}: {content[:300]!r}")
    for name, claim in spurious[: args.show_spurious]:
        print(f"  spurious [{name}] {claim[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

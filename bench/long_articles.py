"""Cost of reading one long article: seconds and peak memory of parsing and extracting it, as one
build worker does, for articles of growing size.

    python bench/long_articles.py [--chars 50000 500000 ...] [--shape prose|one-sentence] [--profile N]

The texts are real news sentences (the BBC articles in ../shared/data/bbc), repeated up to the size:
- prose: as written, one paragraph per article;
- one-sentence: with full stops, question and exclamation marks and line breaks removed, so that
  the whole text is one sentence without end (what a hostile or broken file can be).
Each size runs in a fresh process (peak memory is that process's: the model, the parse and the
records), so one measurement's memory does not count for another's. A text longer than the article
limit (kg/corpus.py MAX_ARTICLE_CHARS) is cut as `kg build` cuts it. `--profile N` prints the N
costliest functions of extraction (cProfile, cumulative) for each size.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bbc"
DEFAULT_SIZES = (50_000, 500_000)
SENTENCE_ENDS = re.compile(r"[.!?\n]+")


def news_text(corpus: Path, chars: int, shape: str) -> str:
    """`chars` characters of the corpus's article bodies (headlines left out), in the given shape."""
    bodies = []
    for path in sorted(corpus.rglob("*.txt")):
        body = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[-1]
        bodies.append(" ".join(body.split()))
    text, i = [], 0
    size = 0
    while size < chars:
        body = bodies[i % len(bodies)]
        if shape == "one-sentence":
            body = " ".join(SENTENCE_ENDS.sub(" ", body).split())
        text.append(body)
        size += len(body) + 1
        i += 1
    return ("\n\n" if shape == "prose" else " ").join(text)[:chars]


def measure(chars: int, shape: str, corpus: Path, profile: int) -> dict:
    """Parse and extract one article of `chars` characters in this process."""
    from kg.corpus import cut_to_limit
    from kg.extract.nlp import load_pipeline
    from kg.extract.records import extract
    from kg.lexicon.names import first_names
    from kg.model import Article

    load_pipeline()
    first_names()
    text, _ = cut_to_limit(news_text(corpus, chars, shape))
    article = Article(id="long", path="long.txt", title="Long", text=text, sha256="")
    started = time.perf_counter()
    doc = load_pipeline()(article.text)
    parsed = time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    extraction = extract(doc, article)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    done = time.perf_counter()
    return {"chars": chars, "read": len(text), "shape": shape, "tokens": len(doc),
            "sentences": sum(1 for _ in doc.sents), "parse_s": round(parsed - started, 1),
            "extract_s": round(done - parsed, 1), "relations": len(extraction.relations),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--shape", choices=("prose", "one-sentence"), default="one-sentence")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profile", type=int, default=0)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child's run
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.chars[0], args.shape, args.corpus, args.profile)))
        return
    for chars in args.chars:
        child = subprocess.run([sys.executable, __file__, "--one", "--chars", str(chars), "--shape", args.shape,
                                "--corpus", str(args.corpus), "--profile", str(args.profile)],
                               capture_output=True, text=True, check=True)
        sys.stderr.write(child.stderr)
        print(child.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()

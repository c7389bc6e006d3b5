"""Build throughput against raw spaCy, in one run, on the same texts with the same process count,
and the cost of rebuilds.

    python bench/throughput.py [--corpus ../shared/data/bbc] [--limit N] [--workers 2] [--out bench-out/throughput]

Each measurement runs in a fresh process (so one's memory does not count for the other), with the
model loaded before the clock starts:
- raw: `nlp.pipe` over the articles' texts with the model as its package ships it (the same batch
  size, n_process=WORKERS), Docs dropped; the build's pipeline gives the same annotations faster
  (kg/extract/nlp.py);
- build: `kg build` end to end into an empty folder (read, parse, extract, resolve, RDF, inference,
  store, Turtle, page);
- no-change rebuild: the same build again, in process and as a user runs it (`kg build` in a new
  process, its imports and start-up included);
- one-added rebuild: the build with one more article of the corpus (with all articles, the full
  build leaves the last one out and this adds it).
Prints words/s of raw and build, their ratio (budget, issue 7: >= 0.8), the rebuilds as fractions of
the full build (budget for no change: < 5 %) and peak RSS: of the main process, and of the largest
worker process.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kg.build import BuildSettings, build
from kg.corpus import read_articles
from kg.extract import PIPE_BATCH
from kg.extract.nlp import load_pipeline, load_stock_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bbc"
BUDGET_RATIO = 0.8


def corpus_files(corpus: Path, limit: int | None) -> tuple[list[Path], Path]:
    """All articles but one, or `limit` of them spread evenly over the corpus (the BBC set is sorted
    by topic); and one more article of the corpus, for the one-added rebuild."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    if not limit or limit >= len(files):
        return files[:-1], files[-1]
    chosen = files[:: max(1, len(files) // limit)][:limit]
    return chosen, next(p for p in files if p not in set(chosen))


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def run_raw(files: list[Path], workers: int) -> tuple[float, tuple[float, float]]:
    articles, _ = read_articles(files)
    nlp = load_stock_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), n_process=workers, batch_size=PIPE_BATCH):
        pass
    return time.perf_counter() - started, peak_rss_mb()


def run_build(files: list[Path], workers: int, out: Path) -> tuple[float, tuple[float, float], int]:
    load_pipeline()
    started = time.perf_counter()
    report = build(files, BuildSettings(out_dir=out, workers=workers))
    return time.perf_counter() - started, peak_rss_mb(), report.articles - report.reused


def in_fresh_process(function, *args):
    """function(*args) in a new (non-daemon, so it may start workers) process; its result."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(sender, function, args))
    child.start()
    result = receiver.recv()
    child.join()
    return result


def _send_result(sender, function, args) -> None:
    sender.send(function(*args))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="Articles to use (default: all).")
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "throughput")
    args = parser.parse_args()

    files, extra = corpus_files(args.corpus, args.limit)
    articles, _ = read_articles(files)
    words = sum(len(article.text.split()) for article in articles)
    print(f"{len(articles)} articles, {words} words, {args.workers} process(es)", flush=True)

    raw_seconds, raw_rss = in_fresh_process(run_raw, files, args.workers)
    shutil.rmtree(args.out, ignore_errors=True)
    build_seconds, build_rss, build_parsed = in_fresh_process(run_build, files, args.workers, args.out)
    print(f"\n{'':<20}{'seconds':>9}{'words/s':>10}{'peak RSS main':>15}{'largest worker':>16}{'parsed':>8}")
    rows = [("raw nlp.pipe", raw_seconds, raw_rss, len(articles)),
            ("build", build_seconds, build_rss, build_parsed)]  # identical texts are parsed once
    for name, seconds, (main_rss, worker_rss), parsed in rows:
        print(f"{name:<20}{seconds:>9.1f}{words / seconds:>10.0f}{main_rss:>12.0f} MB{worker_rss:>13.0f} MB{parsed:>8}")
    ratio = raw_seconds / build_seconds
    print(f"\nratio build/raw words/s: {ratio:.2f} ({'within' if ratio >= BUDGET_RATIO else 'under'} "
          f"the {BUDGET_RATIO} budget)\n", flush=True)

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "build", *map(str, files), "--out", str(args.out), "--quiet"],
                   check=True)
    seconds = time.perf_counter() - started
    print(f"{'no-change kg build':<20}{seconds:>9.2f} s = {seconds / build_seconds:6.1%} of the full build "
          "(a new process, imports included)", flush=True)
    for name, inputs in (("no-change rebuild", files), ("one-added rebuild", [*files, extra])):
        seconds, (main_rss, worker_rss), parsed = in_fresh_process(run_build, inputs, args.workers, args.out)
        print(f"{name:<20}{seconds:>9.2f} s = {seconds / build_seconds:6.1%} of the full build; "
              f"peak RSS {main_rss:.0f} MB / {worker_rss:.0f} MB; {parsed} article(s) parsed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build time and peak memory as a corpus grows: the BBC set repeated under distinct file names.

    python bench/scale.py [--corpus ../shared/data/bbc] [--sizes 2500 10000] [--workers 2] [--work bench-out/scale]

For each size, writes that many articles (the corpus's files in turn, copy k under `copy-k/`) into a
folder, builds it from scratch in a fresh process (model loaded before the clock starts) and prints
the time, articles/s and peak RSS of the main process and of the largest worker. Memory that stays
flat while the corpus grows fourfold shows the build streams its records instead of holding them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
from pathlib import Path

from throughput import DEFAULT_CORPUS, ROOT, in_fresh_process, run_build


def repeated_corpus(corpus: Path, size: int, folder: Path) -> list[Path]:
    """`size` article files: the corpus's files in turn, each copy under a name of its own and with
    a last line of its own, so that no copy is the same text as another (the build parses
    identical texts once)."""
    originals = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    shutil.rmtree(folder, ignore_errors=True)
    files = []
    for i in range(size):
        copy, index = divmod(i, len(originals))
        original = originals[index]
        target = folder / f"copy-{copy}" / original.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(original.read_bytes().rstrip() + f"\n\n(Copy {copy}, file {index}.)\n".encode())
        files.append(target)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 10000])
    parser.add_argument("--workers", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--work", type=Path, default=ROOT / "bench-out" / "scale")
    args = parser.parse_args()

    print(f"{'articles':>9}{'seconds':>9}{'articles/s':>12}{'peak RSS main':>15}{'largest worker':>16}", flush=True)
    for size in args.sizes:
        files = repeated_corpus(args.corpus, size, args.work / "corpus")
        out = args.work / "out"
        shutil.rmtree(out, ignore_errors=True)
        seconds, (main_rss, worker_rss), _ = in_fresh_process(run_build, files, args.workers, out)
        print(f"{size:>9}{seconds:>9.0f}{size / seconds:>12.1f}{main_rss:>12.0f} MB{worker_rss:>13.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

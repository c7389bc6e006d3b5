"""Peak memory of the `kg build` process as the corpus grows, on a Dask cluster and on local processes.

    python bench/client_memory.py [--sizes 2000 20000] [--workers 2] [--work bench-out/client-memory]

For each size: the BBC set repeated to that many articles (bench/scale.py: each copy a text of its
own), one unmeasured build that fills an extraction cache shared by the measured builds (and kept
for the next size and the next run: its entries are keyed by text), then, each in a fresh process
and with that cache warm, a build on a cluster of `--workers` single-threaded workers (started as
in bench/cluster.py) and a build on that many local processes. Parsing runs in workers either way,
so the warm cache changes nothing the `kg build` process holds (the names come from the cache
instead of the workers). Printed: the peak of the `kg build` process (the client), which holds the
articles and runs the store's bulk loads and the page, and that of its largest child, the process
that resolves and writes (kg/build/resolving.py) or, locally, a write worker.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from scale import repeated_corpus
from throughput import DEFAULT_CORPUS, ROOT

from cluster import build_once, dask_cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=ROOT / "bench-out" / "client-memory")
    args = parser.parse_args()

    print(f"{'articles':>9}{'build':>10}{'seconds':>9}{'peak RSS client':>17}{'largest child':>15}", flush=True)
    for size in args.sizes:
        files = repeated_corpus(args.corpus, size, args.work / "corpus")
        cache = args.work / "cache"
        with tempfile.TemporaryDirectory() as scratch:
            listing = Path(scratch) / "files.json"
            listing.write_text(json.dumps([str(f) for f in files]))
            build_once(listing, Path(scratch) / "warm", str(args.workers), cache)  # parses every article
            with dask_cluster(args.workers) as address:
                _report(size, "cluster", build_once(listing, Path(scratch) / "cluster", address, cache))
            _report(size, "local", build_once(listing, Path(scratch) / "local", str(args.workers), cache))
    return 0


def _report(size: int, name: str, measured: dict) -> None:
    print(f"{size:>9}{name:>10}{measured['seconds']:>9.1f}{measured['client_mb']:>14.0f} MB"
          f"{measured['child_mb']:>12.0f} MB", flush=True)


if __name__ == "__main__":
    sys.exit(main())

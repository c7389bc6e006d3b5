"""A build on a Dask cluster against the same build on local processes, with 1 and 2 workers.

    python bench/cluster.py [--corpus ../shared/data/bbc] [--limit 400] [--workers 1 2]

For each worker count: a scheduler and that many worker processes (one thread each) are started
as a user starts them (`dask scheduler`, `dask worker`, on loopback), then `kg build --cluster` runs
in a fresh process; then `kg build --workers N` with no cluster. Prints seconds, words/s, the
client's peak RSS (the build's own process) and that of its largest child: the process that
resolves and writes (kg/build/resolving.py), or a local build's worker (a cluster worker's memory
is the cluster's).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import DEFAULT_CORPUS, corpus_files, peak_rss_mb

from kg.build import BuildSettings, build
from kg.corpus import read_articles
from kg.read.serve import free_port


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--one", nargs=4, metavar=("FILES_JSON", "OUT", "CLUSTER_OR_WORKERS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return _measure_one(*args.one)
    files, _ = corpus_files(args.corpus, args.limit)
    articles, _ = read_articles(files)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words")
    print(f"{'':24}{'seconds':>9}{'words/s':>10}{'peak RSS client':>17}{'largest child':>16}")
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "files.json"
        listing.write_text(json.dumps([str(f) for f in files]))
        for workers in args.workers:
            with dask_cluster(workers) as address:
                _report(f"cluster, {workers} worker(s)", build_once(listing, Path(scratch) / f"c{workers}", address), words)
            _report(f"local, {workers} process(es)", build_once(listing, Path(scratch) / f"l{workers}", str(workers)), words)
    return 0


def build_once(listing: Path, out: Path, cluster_or_workers: str, cache: Path | None = None) -> dict:
    """A build of the files listed in `listing` in a fresh process, on the cluster at this address or
    on this many local processes, with the extraction cache in OUT or at `cache`; its seconds and
    peak memory (the build process's, and its largest child's)."""
    done = subprocess.run([sys.executable, __file__, "--one", str(listing), str(out), cluster_or_workers,
                           str(cache or "-")], capture_output=True, text=True, check=True)
    shutil.rmtree(out, ignore_errors=True)
    return json.loads(done.stdout.splitlines()[-1])


def _measure_one(listing: str, out: str, cluster_or_workers: str, cache: str) -> int:
    files = json.loads(Path(listing).read_text())
    local = cluster_or_workers.isdigit()
    settings = BuildSettings(out_dir=Path(out), workers=int(cluster_or_workers) if local else 1,
                             cluster=None if local else cluster_or_workers, cache=None if cache == "-" else cache)
    started = time.perf_counter()
    build(files, settings)
    seconds = time.perf_counter() - started
    client, largest_child = peak_rss_mb()
    print(json.dumps({"seconds": seconds, "client_mb": client, "child_mb": largest_child}))
    return 0


def _report(name: str, measured: dict, words: int) -> None:
    print(f"{name:<24}{measured['seconds']:>9.1f}{words / measured['seconds']:>10.0f}"
          f"{measured['client_mb']:>14.0f} MB{measured['child_mb']:>13.0f} MB", flush=True)


class dask_cluster:
    """A scheduler and `workers` single-threaded worker processes on loopback, as `dask` starts them."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def __enter__(self) -> str:
        port = free_port()
        address = f"tcp://127.0.0.1:{port}"
        self.processes = [
            subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                              "--port", str(port), "--no-dashboard", "--dashboard-address", "127.0.0.1:0"],
                             stderr=subprocess.DEVNULL),
            subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1",
                              "--nworkers", str(self.workers), "--nthreads", "1", "--no-dashboard",
                              "--dashboard-address", "127.0.0.1:0"], stderr=subprocess.DEVNULL),
        ]
        from distributed import Client
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(self.workers, timeout=120)
        return address

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):
            process.terminate()
            process.wait(timeout=60)


if __name__ == "__main__":
    sys.exit(main())

"""The whole flow: files -> articles -> spaCy -> records -> entities -> RDF -> outputs.

A build makes two passes over the articles and holds neither all parses nor all records:
1. read: each article not in the cache (kg/cache.py) is parsed and read, in worker processes;
   its records go to the cache, and only its names (what resolution needs) come back, to a scratch
   file (kg/build/spill.py);
2. write: after resolution, each article's records come back from the cache one at a time and
   stream as N-Triples (and their entailments) into files that the store bulk-loads and that
   the Turtle export is made from, in a process of its own; the page is then read from the store.
Resolution and the write pass run in a child process, whose memory goes back to the system before
the store's bulk loads take theirs (kg/build/resolving.py).
With `--cluster`, both passes' batches run on a Dask cluster's workers (kg/build/cluster.py).
Each build is written into a folder of its own and made current in one step (kg/build/folder.py).
When the articles, the settings and the code are those of the last build and its outputs are in
place, nothing is redone.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from kg.build.folder import (
    HTML_FILE,
    MANIFEST_FILE,
    TURTLE_FILE,
    locked,
    new_build,
    remove_leftovers,
    switch_to,
)
from kg.cache import ExtractionCache, source_version
from kg.confidence import DEFAULT_MIN_CONFIDENCE
from kg.corpus import read_articles
from kg.errors import NothingToBuildError
from kg.extract import MODEL_NAME, PIPE_BATCH
from kg.files import OutputError, problem_of, write_atomic
from kg.graph import DEFAULT_BASE, STORE_DIR, check_base
from kg.model import Article, BuildReport
from kg.processes import pause_point

__all__ = ["HTML_FILE", "MANIFEST_FILE", "TURTLE_FILE", "BuildSettings", "build", "pause_point"]

# Called as progress(stage, done, total): stage "read" counts the articles parsed (total: those not
# cached), "write" the articles written out; "resolve", "store" and "page" have no count (total 0).
Progress = Callable[[str, int, int], None]
# Articles a worker parses and reads per task: one nlp.pipe batch, small enough that the progress
# bar moves; the last tasks are smaller, so that no worker idles long while another finishes.
WORKER_BATCH = PIPE_BATCH
LAST_WORKER_BATCH = 16


@dataclass(frozen=True)
class BuildSettings:
    out_dir: Path = Path("out")
    base: str = DEFAULT_BASE
    model: str = MODEL_NAME
    workers: int = os.cpu_count() or 1
    fresh: bool = False  # parse every article again, ignoring the cache and the last build
    # facts less sure than this are kept as candidates, not asserted (kg/confidence.py)
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    # how worker processes start ("fork", "spawn", "forkserver"); None: fork on Linux, where the
    # workers share what the build loaded before them, else the platform's default (kg/processes.py)
    start_method: str | None = None
    # a Dask scheduler's address (tcp://HOST:8786): both passes run on its workers (kg/build/cluster.py)
    cluster: str | None = None
    # where the extraction cache lives, a folder or an fsspec URL; None: OUT/cache (kg/cache.py)
    cache: str | None = None


def build(paths: Iterable[str | Path], settings: BuildSettings = BuildSettings(),
          *, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    notify = _notifier(progress)
    check_base(settings.base)  # fail before the parse, not after it
    articles, problems = read_articles(paths)  # problems: files skipped, and articles read in part
    if not articles:
        reasons = "; ".join(map(str, problems)) or "no .txt or .md files found"
        raise NothingToBuildError(f"nothing to build: {reasons}")
    out = settings.out_dir
    cache = ExtractionCache(out, settings.model, settings.cache)
    with locked(out):
        fingerprint = _fingerprint(articles, settings)
        previous = None if settings.fresh else _last_build(out, fingerprint)
        if previous is not None:
            return replace(previous, seconds=time.perf_counter() - started, outputs=_outputs(out),
                           problems=tuple(problems), reused=len(articles), up_to_date=True)
        remove_leftovers(out, cache.folder)
        cache.check()
        try:
            with new_build(out) as folder:
                result = _build_into(folder, articles, cache, settings, fingerprint, notify)
                pause_point("switch")
                switch_to(out, folder)
        except OSError as error:  # a full disk, a folder made read-only meanwhile
            raise OutputError(out, f"cannot write the build ({problem_of(error)}); "
                                   f"the previous build, if any, is kept") from error
        pause_point("switched")
        remove_leftovers(out, cache.folder)
        # entries of articles no longer built go only now: a build that failed left the last one's;
        # a cache given with --cache may serve other builds too, and is never pruned
        if cache.own:
            cache.keep_only(articles)
    return replace(result, seconds=time.perf_counter() - started, outputs=_outputs(out),
                   problems=(*problems, *result.problems))


def _build_into(folder: Path, articles: list[Article], cache: ExtractionCache, settings: BuildSettings,
                fingerprint: str, notify: Callable) -> BuildReport:
    """Both passes, writing the outputs and then the manifest into `folder`."""
    # The passes load spaCy, the extractors, rdflib and the store: here, not at the top, so that
    # an up-to-date build (and `kg --help`) starts in a fraction of a second.
    from kg.build.reading import read_names
    from kg.build.resolving import resolve_and_write
    from kg.build.spill import SpilledNames
    from kg.build.writing import scratch_ntriples, write_outputs

    started = time.perf_counter()
    with scratch_ntriples(folder) as scratch:
        names = SpilledNames(scratch.names, len(articles))
        try:
            problems, parsed = read_names(articles, cache, settings, notify, names)
        finally:
            names.close()
        # an article our code failed on is a problem, and the others are built
        unread = tuple(problem for problem in problems if problem is not None)
        read = [i for i, problem in enumerate(problems) if problem is None]
        articles = [articles[i] for i in read]
        if not articles:
            raise NothingToBuildError(f"nothing to build: {'; '.join(map(str, unread))}")
        notify("resolve")
        written = resolve_and_write(articles, names, read, cache, settings, scratch, notify)
        entities, counts = written.entities, written.counts
        triples, page_left_out = write_outputs(articles, settings, folder, scratch, notify)

    result = BuildReport(
        articles=len(articles), entities=entities, relations=counts.relations, claims=counts.claims,
        triples=triples, seconds=time.perf_counter() - started, outputs={}, page_left_out=page_left_out,
        reused=len(articles) - parsed, set_aside_lines=counts.set_aside_lines,
    )
    # a build that failed on an article is never 'up to date': the next one tries it again
    manifest = {"fingerprint": "" if unread else fingerprint, "report": asdict(result)}
    write_atomic(folder / MANIFEST_FILE, json.dumps(manifest, indent=1).encode("utf-8"))
    return replace(result, problems=unread)


def worker_batches(articles: list[Article], workers: int) -> list[list[Article]]:
    """Tasks of WORKER_BATCH articles, then smaller ones toward the end (what is left over twice
    the number of workers, down to LAST_WORKER_BATCH)."""
    batches, start = [], 0
    while start < len(articles):
        size = max(LAST_WORKER_BATCH, min(WORKER_BATCH, (len(articles) - start) // (2 * max(1, workers))))
        batches.append(articles[start : start + size])
        start += size
    return batches


def fits_one_worker(articles: list[Article], workers: int) -> bool:
    """Whether the articles are read in this process: one worker, or no more than one batch."""
    return workers <= 1 or len(articles) <= WORKER_BATCH


def _notifier(progress: Progress | None) -> Callable:
    def notify(stage: str, done: int = 0, total: int = 0) -> None:
        if not done:
            pause_point(stage)
        if progress is not None:
            progress(stage, done, total)
    return notify


def _outputs(out: Path) -> dict[str, str]:
    return {"turtle": str(out / TURTLE_FILE), "html": str(out / HTML_FILE), "store": str(out / STORE_DIR)}


def _fingerprint(articles: list[Article], settings: BuildSettings) -> str:
    """What a build's outputs depend on: the articles, the settings and the code."""
    identity = [source_version(settings.model), settings.base, settings.min_confidence,
                [(a.id, a.path, a.sha256) for a in articles]]
    return hashlib.sha256(json.dumps(identity).encode("utf-8")).hexdigest()


def _last_build(out: Path, fingerprint: str) -> BuildReport | None:
    """The report of the last build into `out` if it had this fingerprint and its outputs are all there."""
    try:
        manifest = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
        if manifest["fingerprint"] != fingerprint:
            return None
        report = BuildReport(**{**manifest["report"], "problems": ()})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    outputs_there = all(Path(path).exists() for path in _outputs(out).values())
    return report if outputs_there else None

"""The whole flow: files -> articles -> spaCy -> records -> entities -> RDF -> outputs.

A build makes two passes over the articles and holds neither all parses nor all records:
1. read: each article not in the cache (kg/cache.py) is parsed and read, in worker processes;
   its records go to the cache, and only its names (what resolution needs) stay in memory;
2. write: after resolution, each article's records come back from the cache one at a time and
   stream as N-Triples (and their entailments) into files that the store bulk-loads and that
   the Turtle export is made from, in a process of its own; the page is then read from the store.
When the articles, the settings and the code are those of the last build and its outputs are in
place, nothing is redone.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import NamedTuple

from kg.cache import ExtractionCache, source_version
from kg.confidence import DEFAULT_MIN_CONFIDENCE
from kg.corpus import read_articles
from kg.errors import NothingToBuildError
from kg.page.excerpt import page_view
from kg.extract import extract
from kg.files import sibling_name, write_atomic
from kg.graph.infer import Entailer
from kg.model import Article, BuildReport
from kg.lexicon.names import first_names
from kg.extract.nlp import MODEL_NAME, PIPE_BATCH, load_pipeline, parse
from kg.graph.ntriples import ChunkedNTriples, write_turtle
from kg.graph.mint import Minter, check_base
from kg.graph.rdf import article_triples, asserted_counts, resolution_triples
from kg.graph.terms import ntriples_line
from kg.page.render import render_html
from kg.resolve import CONCEPT, ArticleNames, Resolution, names_of, resolve_names
from kg.graph import DEFAULT_BASE
from kg.graph.store import STORE_DIR, open_store, write_store
from kg.page import PAGE_MAX_NODES
from kg.graph.vocab import ontology_graph

TURTLE_FILE = "kg.ttl"
HTML_FILE = "kg.html"
MANIFEST_FILE = "build.json"  # what the last build read and made; written last

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
    # how worker processes start ("fork", "spawn", "forkserver"); None: the platform's default, fork
    # on Linux, where the workers share what the build loaded before them
    start_method: str | None = None


def build(paths: Iterable[str | Path], settings: BuildSettings = BuildSettings(),
          *, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    notify = _notifier(progress)
    check_base(settings.base)  # fail before the parse, not after it
    articles, problems = read_articles(paths)
    if not articles:
        reasons = "; ".join(map(str, problems)) or "no .txt or .md files found"
        raise NothingToBuildError(f"nothing to build: {reasons}")
    out = settings.out_dir
    fingerprint = _fingerprint(articles, settings)
    previous = None if settings.fresh else _last_build(out, fingerprint)
    if previous is not None:
        return replace(previous, seconds=time.perf_counter() - started, outputs=_outputs(out),
                       problems=tuple(problems), reused=len(articles), up_to_date=True)
    (out / MANIFEST_FILE).unlink(missing_ok=True)  # the outputs are about to change

    cache = ExtractionCache(out, settings.model)
    names, parsed = read_names(articles, cache, settings, notify)
    notify("resolve")
    resolution = resolve_names(names)
    del names
    entities = sum(1 for e in resolution.entities.values() if e.cls != CONCEPT)
    with _scratch_ntriples(out) as (data, inferred):
        relations, claims, set_aside = write_ntriples(articles, cache, resolution, settings, data, inferred, notify)
        del resolution  # freed before the store's bulk loads take their memory
        notify("store")
        triples = write_store(data.files, inferred.files, out)
        notify("page")
        # the Turtle is written from the data's N-Triples by a process of its own, on the core that
        # the page (one thread) leaves free; the loads before it take both
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(settings.start_method)) as turtle_writer:
            turtle = turtle_writer.submit(write_turtle, data.files, out / TURTLE_FILE)
            view = page_view(open_store(out), PAGE_MAX_NODES)
            page = render_html(view, title=f"Knowledge graph of {len(articles)} article(s)")
            turtle.result()
    write_atomic(out / HTML_FILE, page.encode("utf-8"))
    cache.keep_only(articles)

    result = BuildReport(
        articles=len(articles), entities=entities, relations=relations, claims=claims, triples=triples,
        seconds=time.perf_counter() - started,
        outputs=_outputs(out),
        problems=tuple(problems), page_left_out=view.left_out, reused=len(articles) - parsed,
        set_aside_lines=set_aside,
    )
    manifest = {"fingerprint": fingerprint, "report": asdict(replace(result, problems=()))}
    write_atomic(out / MANIFEST_FILE, json.dumps(manifest, indent=1).encode("utf-8"))
    return result


def read_names(articles: list[Article], cache: ExtractionCache, settings: BuildSettings,
               notify: Callable) -> tuple[list[ArticleNames], int]:
    """Every article's names in input order, from the cache or by parsing and reading the article
    (whose records then go to the cache); and how many were parsed. Articles with the same text
    are parsed once: the others then find it in the cache."""
    names: list[ArticleNames | None] = [None if settings.fresh else cache.names(a) for a in articles]
    first_of_text: dict[Path, int] = {}
    for i, found in enumerate(names):
        if found is None:
            first_of_text.setdefault(cache.path(articles[i]), i)
    to_parse = list(first_of_text.values())
    notify("read", 0, len(to_parse))
    for done, (i, found) in enumerate(zip(to_parse, read_all([articles[i] for i in to_parse], cache, settings)), 1):
        names[i] = found
        notify("read", done, len(to_parse))
    for i, found in enumerate(names):
        if found is None:  # a copy of an article just parsed
            names[i] = cache.names(articles[i]) or next(read_all([articles[i]], cache, settings))
    return names, len(to_parse)


def read_all(articles: list[Article], cache: ExtractionCache, settings: BuildSettings) -> Iterator[ArticleNames]:
    """Parse and read the articles, cache their records and yield their names, in input order. With
    several workers each parses and reads batches of articles in a process of its own, and only the
    names travel back."""
    if settings.workers <= 1 or len(articles) <= WORKER_BATCH:
        yield from _read_articles(articles, cache, settings.model)
        return
    context = multiprocessing.get_context(settings.start_method)
    if context.get_start_method() == "fork":
        _load_reader(settings.model)  # once here, so that the forked workers share it
    batches = _batches(articles, settings.workers)
    with context.Pool(min(settings.workers, len(batches)), _load_reader, (settings.model,)) as pool:
        for names in pool.imap(_read_batch, [(batch, cache, settings.model) for batch in batches]):
            yield from names


def _load_reader(model: str) -> None:
    """What reading articles needs, loaded once per process: the spaCy pipeline and the first names."""
    load_pipeline(model)
    first_names()


def _read_batch(task: tuple[list[Article], ExtractionCache, str]) -> list[ArticleNames]:
    return list(_read_articles(*task))


def _read_articles(articles: list[Article], cache: ExtractionCache, model: str) -> Iterator[ArticleNames]:
    for doc, article in parse(articles, model=model):
        extraction = extract(doc, article)
        names = names_of(extraction)
        cache.put(extraction, names)
        yield names


def write_ntriples(articles: list[Article], cache: ExtractionCache, resolution: Resolution,
                   settings: BuildSettings, data: ChunkedNTriples, inferred: ChunkedNTriples,
                   notify: Callable) -> tuple[int, int, int]:
    """Stream every triple and its entailments to N-Triples files; returns the counts of asserted
    relations and claims and of lines set aside as not prose."""
    writer = _Writer(cache, resolution, Minter(settings.base), Entailer(ontology_graph()), settings.min_confidence)
    relations = claims = set_aside = done = 0
    entities = writer.lines(resolution_triples(resolution, writer.mint))
    hierarchy = _Part("", "".join(map(ntriples_line, writer.entailer.hierarchy())))
    for part in itertools.chain([entities, hierarchy], _written_batches(articles, writer, settings)):
        data.write(part.data)
        inferred.write(part.inferred)
        relations, claims, done = relations + part.relations, claims + part.claims, done + part.articles
        set_aside += part.set_aside_lines
        notify("write", done, len(articles))
    data.close()
    inferred.close()
    return relations, claims, set_aside


@contextlib.contextmanager
def _scratch_ntriples(out: Path) -> Iterator[tuple[ChunkedNTriples, ChunkedNTriples]]:
    """Files for the data's and the entailments' N-Triples, removed once the store has them."""
    out.mkdir(parents=True, exist_ok=True)
    data = ChunkedNTriples(sibling_name(out / "data", "tmp"))
    inferred = ChunkedNTriples(sibling_name(out / "inferred", "tmp"))
    try:
        yield data, inferred
    finally:
        data.remove()
        inferred.remove()


class _Part(NamedTuple):
    """N-Triples of some data and of its entailments, with counts of what they came from."""

    data: str
    inferred: str
    relations: int = 0
    claims: int = 0
    articles: int = 0
    set_aside_lines: int = 0  # lines that are not prose, read as names and figures only


@dataclass(frozen=True)
class _Writer:
    """Turns articles' cached records into N-Triples of the data and of its entailments."""

    cache: ExtractionCache
    resolution: Resolution
    mint: Minter
    entailer: Entailer
    min_confidence: float

    def lines(self, triples: Iterable[tuple]) -> _Part:
        data, inferred = [], []
        for triple in triples:
            data.append(ntriples_line(triple))
            inferred.extend(map(ntriples_line, self.entailer.entailed(triple)))
        return _Part("".join(data), "".join(inferred))

    def batch(self, articles: list[Article]) -> _Part:
        extractions = [self.cache.extraction(article) for article in articles]
        part = self.lines(t for x in extractions
                          for t in article_triples(x, self.resolution, self.mint, min_confidence=self.min_confidence))
        relations, claims = map(sum, zip(*(asserted_counts(x, self.min_confidence) for x in extractions)))
        return part._replace(relations=relations, claims=claims, articles=len(extractions),
                             set_aside_lines=sum(x.set_aside_lines for x in extractions))


# The writer of a worker process, set by the pool's initializer from its arguments (under fork they
# are not even copied: the worker shares the resolution instead of receiving it with every batch).
_WORKER_WRITER: _Writer | None = None


def _written_batches(articles: list[Article], writer: _Writer, settings: BuildSettings) -> Iterator[_Part]:
    """The batches' N-Triples in input order, written by `settings.workers` processes."""
    batches = _batches(articles, settings.workers)
    if settings.workers <= 1 or len(batches) <= 1:
        yield from map(writer.batch, batches)
        return
    context = multiprocessing.get_context(settings.start_method)
    with context.Pool(min(settings.workers, len(batches)), _start_writer, (writer,)) as pool:
        yield from pool.imap(_write_batch, batches)


def _start_writer(writer: _Writer) -> None:
    global _WORKER_WRITER
    _WORKER_WRITER = writer


def _write_batch(batch: list[Article]) -> _Part:
    assert _WORKER_WRITER is not None, "only called in a worker process, after _start_writer"
    return _WORKER_WRITER.batch(batch)


def _batches(articles: list[Article], workers: int) -> list[list[Article]]:
    """Tasks of WORKER_BATCH articles, then smaller ones toward the end (what is left over twice
    the number of workers, down to LAST_WORKER_BATCH)."""
    batches, start = [], 0
    while start < len(articles):
        size = max(LAST_WORKER_BATCH, min(WORKER_BATCH, (len(articles) - start) // (2 * max(1, workers))))
        batches.append(articles[start : start + size])
        start += size
    return batches


def _notifier(progress: Progress | None) -> Callable:
    def notify(stage: str, done: int = 0, total: int = 0) -> None:
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

"""The write pass: after resolution, each article's records come back from the cache one at a time and
stream as N-Triples (and their entailments) into files that the store bulk-loads and that the Turtle
export is made from, in a process of its own; the page is then read from the store.

With several workers, batches of articles are written by worker processes and their N-Triples come
back as text; on a cluster, each batch is written by a task as a partition file in the build's
folder (kg/build/cluster.py), and only its name comes back."""

from __future__ import annotations

import contextlib
import copy
import itertools
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from kg.build import HTML_FILE, TURTLE_FILE, BuildSettings, pause_point, worker_batches
from kg.cache import ExtractionCache
from kg.files import sibling_name, write_atomic
from kg.graph.infer import Entailer
from kg.graph.mint import Minter
from kg.graph.ntriples import ChunkedNTriples, write_turtle
from kg.graph.rdf import article_triples, asserted_counts, resolution_triples
from kg.graph.store import open_store, write_store
from kg.graph.terms import ntriples_line
from kg.graph.vocab import ontology_graph
from kg.model import Article
from kg.page import PAGE_MAX_NODES
from kg.page.excerpt import page_view
from kg.page.render import render_html
from kg.processes import process_context, start_child, worker_pool
from kg.resolve import Resolution

# Triples of the entities written as one part: a part is never split between two of the store's
# chunks, and the entities' merges alone grow ~70 lines an article.
TRIPLES_PER_PART = 100_000


class Counts(NamedTuple):
    """What the write pass asserted and set aside."""

    relations: int
    claims: int
    set_aside_lines: int  # lines that are not prose


def write_outputs(articles: list[Article], settings: BuildSettings, folder: Path, scratch: Scratch,
                  notify: Callable) -> tuple[int, str]:
    """The store, the Turtle and the page in `folder`, from the N-Triples `write_ntriples` wrote;
    the store's number of triples and what the page leaves out, in words ('' when it shows all)."""
    data, inferred = scratch.data, scratch.inferred
    notify("store")
    triples = write_store(data.files, inferred.files, folder)
    notify("page")
    # the Turtle is written from the data's N-Triples by a process of its own, on the core that
    # the page (one thread) leaves free; the loads before it take both
    context = process_context(settings.start_method)
    with worker_pool(1, context, start_child, (), doing="writing the Turtle") as turtle_writer:
        turtle = turtle_writer.submit(write_turtle, data.files, folder / TURTLE_FILE)
        pause_point("turtle")
        view = page_view(open_store(folder), PAGE_MAX_NODES)
        page = render_html(view, title=f"Knowledge graph of {len(articles)} article(s)")
        turtle.result()
    write_atomic(folder / HTML_FILE, page.encode("utf-8"))
    return triples, view.left_out


def write_ntriples(articles: list[Article], cache: ExtractionCache, resolution: Resolution,
                   settings: BuildSettings, scratch: Scratch, notify: Callable) -> Counts:
    """Stream every triple and its entailments to N-Triples files."""
    data, inferred = scratch.data, scratch.inferred
    writer = _Writer(cache, resolution, Minter(settings.base), Entailer(ontology_graph()), settings.min_confidence)
    relations = claims = set_aside = done = 0
    batches = (_written_on_cluster(articles, writer, settings, scratch.partitions) if settings.cluster
               else _written_batches(articles, writer, settings))
    for part in itertools.chain(_resolution_parts(writer, resolution), batches):
        data.take(part.data)
        inferred.take(part.inferred)
        relations, claims, done = relations + part.relations, claims + part.claims, done + part.articles
        set_aside += part.set_aside_lines
        notify("write", done, len(articles))
    data.close()
    inferred.close()
    return Counts(relations, claims, set_aside)


def _resolution_parts(writer: _Writer, resolution: Resolution) -> Iterator[_Part]:
    """The entities' triples (and their merges') in parts of at most TRIPLES_PER_PART, so that
    neither this process nor a chunk of the store's loads holds them all, then the class
    hierarchy the entailer learnt from them."""
    triples = resolution_triples(resolution, writer.mint)
    while part := list(itertools.islice(triples, TRIPLES_PER_PART)):
        yield writer.lines(part)
    yield _Part("", "".join(map(ntriples_line, writer.entailer.hierarchy())))


class Scratch(NamedTuple):
    """Where the write pass puts the N-Triples the store loads and the Turtle is made from."""

    data: ChunkedNTriples
    inferred: ChunkedNTriples  # the entailments
    partitions: Path  # a folder for the files a cluster's workers write, joined into the two above
    names: Path  # the articles' names, from the read pass to resolution (kg/build/spill.py)


@contextlib.contextmanager
def scratch_ntriples(folder: Path) -> Iterator[Scratch]:
    """Scratch files for the names and the N-Triples, removed once the store has them."""
    scratch = Scratch(ChunkedNTriples(sibling_name(folder / "data", "tmp")),
                      ChunkedNTriples(sibling_name(folder / "inferred", "tmp")),
                      sibling_name(folder / "partitions", "tmp"), sibling_name(folder / "names", "tmp"))
    try:
        yield scratch
    finally:
        scratch.data.remove()
        scratch.inferred.remove()
        shutil.rmtree(scratch.partitions, ignore_errors=True)
        scratch.names.unlink(missing_ok=True)


class _Part(NamedTuple):
    """N-Triples of some data and of its entailments (as text, or partition files a cluster's
    worker wrote), with counts of what they came from."""

    data: str | Path
    inferred: str | Path
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
    tasks = worker_batches(articles, settings.workers)
    if settings.workers <= 1 or len(tasks) <= 1:
        yield from map(writer.batch, tasks)
        return
    context = process_context(settings.start_method)
    with worker_pool(min(settings.workers, len(tasks)), context, _start_writer, (writer,),
                     doing="writing the graph") as pool:
        yield from pool.map(_write_batch, tasks)


def _written_on_cluster(articles: list[Article], writer: _Writer, settings: BuildSettings,
                        partitions: Path) -> Iterator[_Part]:
    """The batches' N-Triples in input order, each written as partition files by a task on the cluster."""
    from kg.build.cluster import run_on_cluster

    partitions.mkdir()
    yield from run_on_cluster(settings.cluster, settings.model, _write_partition, (writer, partitions.absolute()),
                              lambda threads: worker_batches(articles, threads))


def _write_partition(shared: tuple[_Writer, Path], batch: list[Article]) -> _Part:
    """A batch's N-Triples written on a cluster's worker into two files in the `partitions` folder."""
    writer, partitions = shared
    # an entailer of the task's own: the worker's threads share `writer`, and the entailer learns
    # the hierarchy as triples pass
    part = replace(writer, entailer=copy.deepcopy(writer.entailer)).batch(batch)
    name = uuid.uuid4().hex  # a task Dask runs again (its worker lost) writes files of its own
    data, inferred = partitions / f"{name}.nt", partitions / f"{name}.inferred.nt"
    data.write_text(part.data, encoding="utf-8")
    inferred.write_text(part.inferred, encoding="utf-8")
    return part._replace(data=data, inferred=inferred)


def _start_writer(writer: _Writer) -> None:
    start_child()
    global _WORKER_WRITER
    _WORKER_WRITER = writer


def _write_batch(batch: list[Article]) -> _Part:
    assert _WORKER_WRITER is not None, "only called in a worker process, after _start_writer"
    return _WORKER_WRITER.batch(batch)

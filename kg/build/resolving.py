"""Resolution and the write pass, in a process of their own.

Resolution holds every article's names and what it makes of them (about 40 KB an article on the BBC
set), and Python keeps most of that memory after it is freed; the store's bulk loads, which come
next, take up to a few gigabytes of their own. In a child process, resolution's memory goes back to
the system when the child is done, so the build process's peak is the larger of the two and not
their sum, and the build process keeps nothing of the names but each article's place in the
names file (kg/build/spill.py). The child's progress reaches the build's through a queue.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from multiprocessing.queues import Queue
from typing import NamedTuple

from kg.build import BuildSettings, pause_point
from kg.build.spill import SpilledNames
from kg.build.writing import Counts, Scratch, write_ntriples
from kg.cache import ExtractionCache
from kg.model import Article
from kg.processes import process_context, start_child, worker_pool

# How often the build process looks whether the child died while it waits for its progress.
POLL_SECONDS = 0.2


class Written(NamedTuple):
    """What the child resolved and wrote."""

    entities: int  # named entities (not concepts)
    counts: Counts
    data_files: list  # the N-Triples files the child wrote, of the data and of its entailments
    inferred_files: list


def resolve_and_write(articles: list[Article], names: SpilledNames, read: list[int], cache: ExtractionCache,
                      settings: BuildSettings, scratch: Scratch, notify: Callable) -> Written:
    """Resolve the names of the articles `read` (their places in `names`) and write the articles'
    N-Triples into `scratch`, in a child process."""
    # a cluster's Dask client leaves threads in this process that a forked child would inherit stuck
    context = process_context("spawn" if settings.cluster else settings.start_method)
    progress = context.Queue()
    # given to the child's initializer, which a fork does not pickle (a task's arguments it does)
    work = (articles, names, read, cache, settings, scratch)
    with worker_pool(1, context, _start, (progress, work), doing="resolving and writing the graph") as pool:
        future = pool.submit(_resolve_and_write)
        while True:
            try:
                message = progress.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if future.done():  # it failed, or died, before its last message
                    future.result()
                continue
            if message is None:
                break
            notify(*message)
        written = future.result()
    # the child filled copies of the scratch files' lists; these remove the files when done
    scratch.data.files[:] = written.data_files
    scratch.inferred.files[:] = written.inferred_files
    return written


# In the child, set by _start: the queue of its progress, and the arguments of resolve_and_write.
_PROGRESS: Queue | None = None
_WORK: tuple | None = None


def _start(progress: Queue, work: tuple) -> None:
    start_child()
    global _PROGRESS, _WORK
    _PROGRESS, _WORK = progress, work


def _resolve_and_write() -> Written:
    assert _PROGRESS is not None and _WORK is not None, "only called in the child, after _start"
    from kg.resolve import CONCEPT, resolve_names

    articles, names, read, cache, settings, scratch = _WORK
    try:
        pause_point("resolving")
        resolution = resolve_names(names.read(read))
        entities = sum(1 for e in resolution.entities.values() if e.cls != CONCEPT)
        counts = write_ntriples(articles, cache, resolution, settings, scratch, _relay)
        return Written(entities, counts, scratch.data.files, scratch.inferred.files)
    finally:
        _PROGRESS.put(None)


def _relay(stage: str, done: int = 0, total: int = 0) -> None:
    assert _PROGRESS is not None
    _PROGRESS.put((stage, done, total))

"""The read pass: each article not in the cache is parsed and read, in worker processes; its records
go to the cache, and only its names (what resolution needs) come back, to a scratch file
(kg/build/spill.py), not the build's memory.

One article that our code cannot read (an exception from spaCy or an extractor on strange input) is
a problem naming the file and the exception, and the others are read; a worker process that dies
(killed, out of memory) stops the build with one line (kg.processes.worker_pool), never a hang."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from kg.build import BuildSettings, fits_one_worker, pause_point, worker_batches
from kg.build.spill import NOT_WRITTEN, SpilledNames
from kg.cache import ExtractionCache
from kg.errors import described
from kg.extract.nlp import load_pipeline, parse, pipe_batches
from kg.extract.records import extract
from kg.lexicon.names import first_names
from kg.model import Article, Problem
from kg.processes import process_context, start_child, worker_pool
from kg.resolve import ArticleNames, names_of

# An article parsed: its spaCy Doc, or the exception spaCy raised on it.
Parsed = tuple[object, Article]
# The longest exception message kept in a problem's one line.
MAX_ERROR_CHARS = 300


def read_names(articles: list[Article], cache: ExtractionCache, settings: BuildSettings, notify: Callable,
               spill: SpilledNames) -> tuple[list[Problem | None], int]:
    """Every article's names, from the cache or by parsing and reading the article (whose records
    then go to the cache), put in `spill` as they come; for each article in input order the problem
    that kept it from being read, or None; and how many were parsed. Articles with the same text are
    parsed once: the others then find it in the cache."""
    problems: list[Problem | None] = [None] * len(articles)
    first_of_text: dict[str, int] = {}

    def keep(i: int, found: ArticleNames | Problem | None) -> None:
        if isinstance(found, ArticleNames):
            spill.put(i, found)
        elif isinstance(found, Problem):
            problems[i] = found
        else:  # not cached: parsed below, once per text
            first_of_text.setdefault(cache.key(articles[i]), i)

    cached = itertools.repeat(None, len(articles)) if settings.fresh else cache.names_of_all(articles)
    for i, found in enumerate(cached):
        keep(i, found)
    to_parse = list(first_of_text.values())
    notify("read", 0, len(to_parse))
    for done, (i, found) in enumerate(zip(to_parse, read_all([articles[i] for i in to_parse], cache, settings)), 1):
        keep(i, found)
        notify("read", done, len(to_parse))
    for i, offset in enumerate(spill.offsets):
        if offset == NOT_WRITTEN and problems[i] is None:
            # a copy of an article just parsed (or that could not be)
            keep(i, cache.names(articles[i]) or next(read_all([articles[i]], cache, settings)))
    return problems, len(to_parse)


def read_all(articles: list[Article], cache: ExtractionCache,
             settings: BuildSettings) -> Iterator[ArticleNames | Problem]:
    """Parse and read the articles, cache their records and yield their names (or the problem that
    kept one from being read), in input order. With several workers each parses and reads batches
    of articles in a process of its own, and only the names travel back; with a cluster, the
    workers are the cluster's (kg/build/cluster.py)."""
    if settings.cluster:
        from kg.build.cluster import run_on_cluster
        for names in run_on_cluster(settings.cluster, settings.model, _read_batch, (cache, settings.model),
                                    lambda threads: worker_batches(articles, threads)):
            yield from names
        return
    if fits_one_worker(articles, settings.workers):
        yield from _read_articles(articles, cache, settings.model)
        return
    tasks = worker_batches(articles, settings.workers)
    context = process_context(settings.start_method)
    if context.get_start_method() == "fork":
        _load_reader(settings.model)  # once here, so that the forked workers share it
    with worker_pool(min(settings.workers, len(tasks)), context, _start_reader, (settings.model,),
                     doing="reading articles") as pool:
        for names in pool.map(_read_batch, itertools.repeat((cache, settings.model)), tasks):
            yield from names


def _start_reader(model: str) -> None:
    start_child()
    _load_reader(model)


def _load_reader(model: str) -> None:
    """What reading articles needs, loaded once per process: the spaCy pipeline and the first names."""
    load_pipeline(model)
    first_names()


def _read_batch(shared: tuple[ExtractionCache, str], batch: list[Article]) -> list[ArticleNames | Problem]:
    """A batch's names, read in a worker process (local or a cluster's); the records go to the cache."""
    cache, model = shared
    return list(_read_articles(batch, cache, model))


def _read_articles(articles: list[Article], cache: ExtractionCache, model: str) -> Iterator[ArticleNames | Problem]:
    pause_point("parse")
    for batch in pipe_batches(articles):
        try:
            parsed: list[Parsed] = list(parse(batch, model=model))
        except Exception:  # noqa: BLE001 - one text of the batch: parse each alone to tell which
            parsed = [_parse_alone(article, model) for article in batch]
        for doc, article in parsed:
            yield _read_parsed(doc, article, cache)


def _parse_alone(article: Article, model: str) -> Parsed:
    try:
        [(doc, _)] = parse([article], model=model)
    except Exception as error:  # noqa: BLE001 - reported as the article's problem
        return error, article
    return doc, article


def _read_parsed(doc: object, article: Article, cache: ExtractionCache) -> ArticleNames | Problem:
    """The article's names, its records cached; or, when spaCy or an extractor failed on it, the
    problem naming the exception (a bug of ours or spaCy's on this text: one article is lost, not
    the build)."""
    try:
        if isinstance(doc, Exception):
            raise doc
        extraction = extract(doc, article)
        names = names_of(extraction)
    except Exception as error:  # noqa: BLE001 - reported as the article's problem
        return Problem(article.path, f"could not be read ({described(error, MAX_ERROR_CHARS)}); please report this")
    cache.put(extraction, names)
    return names


"""The read pass: each article not in the cache is parsed and read, in worker processes; its records
go to the cache, and only its names (what resolution needs) come back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kg.build import BuildSettings, fits_one_worker, pause_point, worker_batches
from kg.cache import ExtractionCache
from kg.extract.nlp import load_pipeline, parse
from kg.extract.records import extract
from kg.lexicon.names import first_names
from kg.model import Article
from kg.processes import process_context, start_child
from kg.resolve import ArticleNames, names_of


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
    if fits_one_worker(articles, settings.workers):
        yield from _read_articles(articles, cache, settings.model)
        return
    tasks = worker_batches(articles, settings.workers)
    context = process_context(settings.start_method)
    if context.get_start_method() == "fork":
        _load_reader(settings.model)  # once here, so that the forked workers share it
    with context.Pool(min(settings.workers, len(tasks)), _start_reader, (settings.model,)) as pool:
        for names in pool.imap(_read_batch, [(task, cache, settings.model) for task in tasks]):
            yield from names


def _start_reader(model: str) -> None:
    start_child()
    _load_reader(model)


def _load_reader(model: str) -> None:
    """What reading articles needs, loaded once per process: the spaCy pipeline and the first names."""
    load_pipeline(model)
    first_names()


def _read_batch(task: tuple[list[Article], ExtractionCache, str]) -> list[ArticleNames]:
    return list(_read_articles(*task))


def _read_articles(articles: list[Article], cache: ExtractionCache, model: str) -> Iterator[ArticleNames]:
    pause_point("parse")
    for doc, article in parse(articles, model=model):
        extraction = extract(doc, article)
        names = names_of(extraction)
        cache.put(extraction, names)
        yield names

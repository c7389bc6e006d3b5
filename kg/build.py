"""The whole flow: files -> articles -> spaCy -> records -> entities -> RDF -> outputs."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import read_articles
from kg.errors import NothingToBuildError
from kg.extract import extract
from kg.files import write_atomic
from kg.infer import rdfs_entailments
from kg.model import Article, BuildReport, Extraction
from kg.nlp import MODEL_NAME, load_pipeline, parse
from kg.rdf import build_graph, check_base, readable_turtle
from kg.render import render_html
from kg.resolve import CONCEPT, resolve
from kg.store import write_store
from kg.view import PAGE_MAX_NODES, limit_nodes, view_of
from kg.vocab import DEFAULT_BASE, ontology_graph

TURTLE_FILE = "kg.ttl"
HTML_FILE = "kg.html"

# Called as progress(done, total) after each article is parsed and read.
Progress = Callable[[int, int], None]
# Articles a worker parses and reads per task: large enough for nlp.pipe's batching, small enough
# that the progress bar moves and no worker idles long at the end.
WORKER_BATCH = 32


@dataclass(frozen=True)
class BuildSettings:
    out_dir: Path = Path("out")
    base: str = DEFAULT_BASE
    model: str = MODEL_NAME
    workers: int = os.cpu_count() or 1


def build(paths: Iterable[str | Path], settings: BuildSettings = BuildSettings(),
          *, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    check_base(settings.base)  # fail before the parse, not after it
    articles, problems = read_articles(paths)
    if not articles:
        reasons = "; ".join(map(str, problems)) or "no .txt or .md files found"
        raise NothingToBuildError(f"nothing to build: {reasons}")
    extractions = []
    for extraction in read_all(articles, settings.model, settings.workers):
        extractions.append(extraction)
        if progress:
            progress(len(extractions), len(articles))
    resolution = resolve(extractions)
    graph = build_graph(extractions, resolution, base=settings.base)

    out = settings.out_dir
    data = graph.serialize(format="nt", encoding="utf-8")
    write_atomic(out / TURTLE_FILE, readable_turtle(data))
    inferred = rdfs_entailments(graph, ontology_graph())
    write_store(data, inferred.serialize(format="nt", encoding="utf-8"), out)
    view = limit_nodes(view_of(graph), PAGE_MAX_NODES)
    title = f"Knowledge graph of {len(articles)} article(s)"
    write_atomic(out / HTML_FILE, render_html(view, title=title).encode("utf-8"))

    entities = [e for e in resolution.entities.values() if e.cls != CONCEPT]
    return BuildReport(
        articles=len(articles),
        entities=len(entities),
        relations=sum(len(x.relations) for x in extractions),
        claims=sum(len(x.claims) for x in extractions),
        triples=len(graph),
        seconds=time.perf_counter() - started,
        outputs={"turtle": str(out / TURTLE_FILE), "html": str(out / HTML_FILE), "store": str(out / "store")},
        problems=tuple(problems),
        page_left_out=view.left_out,
    )


def read_all(articles: list[Article], model: str, workers: int) -> Iterator[Extraction]:
    """Parse and read every article, in input order. With several workers each parses and reads
    batches of articles in a process of its own (forked after the model is loaded, so it is
    shared), and only the small Extraction records travel back."""
    if workers <= 1 or len(articles) <= WORKER_BATCH:
        for doc, article in parse(articles, model=model):
            yield extract(doc, article)
        return
    load_pipeline(model)
    batches = [articles[i : i + WORKER_BATCH] for i in range(0, len(articles), WORKER_BATCH)]
    with multiprocessing.get_context("fork").Pool(min(workers, len(batches))) as pool:
        for extractions in pool.imap(_read_batch, [(batch, model) for batch in batches]):
            yield from extractions


def _read_batch(task: tuple[list[Article], str]) -> list[Extraction]:
    batch, model = task
    return [extract(doc, article) for doc, article in parse(batch, model=model)]

"""The whole flow: files -> articles -> spaCy -> records -> entities -> RDF -> outputs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import read_articles
from kg.errors import NothingToBuildError
from kg.extract import extract
from kg.files import write_atomic
from kg.infer import rdfs_entailments
from kg.model import BuildReport
from kg.nlp import MODEL_NAME, parse
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


@dataclass(frozen=True)
class BuildSettings:
    out_dir: Path = Path("out")
    base: str = DEFAULT_BASE
    model: str = MODEL_NAME


def build(paths: Iterable[str | Path], settings: BuildSettings = BuildSettings(),
          *, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    check_base(settings.base)  # fail before the parse, not after it
    articles, problems = read_articles(paths)
    if not articles:
        reasons = "; ".join(map(str, problems)) or "no .txt or .md files found"
        raise NothingToBuildError(f"nothing to build: {reasons}")
    extractions = []
    for done, (doc, article) in enumerate(parse(articles, model=settings.model), start=1):
        extractions.append(extract(doc, article))
        if progress:
            progress(done, len(articles))
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

from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.compare import isomorphic

from kg.build import BuildSettings, build
from kg.errors import NothingToBuildError
from kg.store import open_store
from kg.validate import validate_build
from kg.vocab import KG, SCHEMA
from tests.conftest import CORPUS, write


def test_build_writes_all_outputs(corpus_build):
    out, report = corpus_build
    assert report.articles == len(list(CORPUS.glob("*.txt")))
    assert report.entities > 0 and report.relations > 0 and report.claims > 0
    graph = Graph().parse(out / "kg.ttl")  # re-parses
    assert len(graph) == report.triples
    assert len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle))) == report.articles
    assert len(set(graph.subjects(RDF.type, KG.Claim))) > 0
    store = open_store(out)
    assert len(store) >= report.triples  # the data plus the ontology
    assert (out / "kg.html").stat().st_size > 0


def test_two_builds_give_isomorphic_graphs(corpus_build, tmp_path):
    first, _ = corpus_build
    build([CORPUS], BuildSettings(out_dir=tmp_path))
    assert isomorphic(Graph().parse(first / "kg.ttl"), Graph().parse(tmp_path / "kg.ttl"))


def test_workers_give_the_same_graph_byte_for_byte(corpus_build, tmp_path, monkeypatch):
    first, _ = corpus_build
    monkeypatch.setattr("kg.build.WORKER_BATCH", 2)  # so that the corpus's articles are shared out
    build([CORPUS], BuildSettings(out_dir=tmp_path, workers=2))
    assert (tmp_path / "kg.ttl").read_bytes() == (first / "kg.ttl").read_bytes()


def test_page_fetches_nothing_from_the_network(corpus_build):
    out, _ = corpus_build
    html = (out / "kg.html").read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", html)
    assert "window.network = network" in html


def test_unusable_files_are_skipped_and_the_rest_builds(tmp_path):
    corpus = tmp_path / "in"
    write(corpus, "good.txt", "Talks end\n\nAngela Merkel said that Germany would support the plan.\n")
    write(corpus, "empty.txt", "")
    write(corpus, "binary.txt", b"\x00\x01\x02")
    report = build([corpus], BuildSettings(out_dir=tmp_path / "out"))
    assert report.articles == 1
    assert sorted(p.path.rsplit("/", 1)[-1] for p in report.problems) == ["binary.txt", "empty.txt"]
    assert (tmp_path / "out" / "kg.ttl").exists()
    assert validate_build(tmp_path / "out") == []


def test_failed_build_leaves_previous_outputs_untouched(tmp_path):
    out = tmp_path / "out"
    write(tmp_path, "in/a.txt", "Talks end\n\nAngela Merkel said that Germany would support the plan.\n")
    build([tmp_path / "in"], BuildSettings(out_dir=out))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    write(tmp_path, "bad/empty.txt", "")
    with pytest.raises(NothingToBuildError, match="empty.txt: empty article"):
        build([tmp_path / "bad"], BuildSettings(out_dir=out))
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary leftovers


def test_published_date_and_source_reach_the_graph(tmp_path):
    write(tmp_path, "in/a.md", "---\ntitle: Talks end\nsource: Daily Planet\npublished: 2025-06-07\n---\n"
                               "Angela Merkel said on Thursday that Germany would support the plan.\n")
    build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    graph = Graph().parse(tmp_path / "out" / "kg.ttl")
    [article] = graph.subjects(RDF.type, SCHEMA.NewsArticle)
    assert str(graph.value(article, SCHEMA.datePublished)) == "2025-06-07"
    publisher = graph.value(article, SCHEMA.publisher)
    assert str(graph.value(publisher, RDFS.label)) == "Daily Planet"
    # 'on Thursday' in an article of Saturday 7 June 2025
    [claim] = graph.subjects(RDF.type, KG.Claim)
    assert (str(graph.value(claim, KG.when)), str(graph.value(claim, KG.date))) == ("Thursday", "2025-06-05")
    assert validate_build(tmp_path / "out") == []

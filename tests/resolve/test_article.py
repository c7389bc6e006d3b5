from __future__ import annotations

import pytest

from kg.cache import RECORD_MODULES, imported_modules
from kg.model import Article, Mention
from kg.resolve import resolve
from kg.resolve.article import acronym_of, entity_key, names_of
from tests.resolve.conftest import with_text


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The U.S.", "us"),
        ("US", "us"),
        ("Chile’s", "chile"),
        ("Rolls-Royce", "rolls royce"),
        ("  Ministry   of Mines ", "ministry of mines"),
        ("Ｃｈｉｌｅ", "chile"),  # full-width letters
    ],
)
def test_a_mention_is_keyed_by_its_normalised_name(name, normal):
    assert entity_key(Mention(name, "Country", 0, len(name))) == ("entity", normal)
    assert entity_key(Mention(name, "Concept", 0, len(name))) == ("concept", normal)


def test_a_reference_is_keyed_by_the_name_it_stands_for():
    assert entity_key(Mention("he", "Person", 0, 2, refers_to="Donald Trump")) == ("entity", "donald trump")


def test_acronym_algorithm():
    assert acronym_of("NASA", "National Aeronautics and Space Administration")
    assert acronym_of("MINDEF", "Ministry of Defence")
    assert acronym_of("EU", "European Union")
    assert not acronym_of("EU", "United Europe")
    assert not acronym_of("GM", "General Electric Motors")  # every significant word gives a letter


def test_an_acronym_defined_in_the_text_is_kept_with_the_name_it_is_defined_for():
    text = "The Ministry of Defence (MINDEF) said... MINDEF added."
    names = names_of(with_text("a", text, ("Ministry of Defence", "GovernmentBody"), ("MINDEF", "Organization")))
    assert names.definitions == {"mindef": "ministry of defence"}


def test_a_town_written_with_its_region_keeps_that_form_as_a_name(nlp):
    from kg.extract.records import extract

    text = "Emily Dickinson was born in Amherst, Mass., in 1830."
    article = Article(id="a", path="a.txt", title="a", text=text, sha256="0" * 64)
    entities = resolve([extract(nlp(text), article)]).entities.values()
    town = next(e for e in entities if e.label == "Amherst")
    assert "Amherst, Mass." in town.alt_labels


def test_the_cache_key_hashes_no_corpus_wide_rule():
    """The cache keeps what this module makes; a corpus-wide rule changed must not invalidate it."""
    assert {file for file in imported_modules(RECORD_MODULES) if file.startswith("resolve/")} == {"resolve/article.py"}

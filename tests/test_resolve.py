from __future__ import annotations

import pytest

from kg.model import Article, Extraction, Mention
from kg.names import normalise
from kg.resolve import resolve


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The U.S.", "us"),
        ("US", "us"),
        ("China’s", "china"),
        ("Rolls-Royce", "rolls royce"),
        ("  Ministry   of Commerce ", "ministry of commerce"),
        ("Ｃｈｉｎａ", "china"),  # full-width letters
    ],
)
def test_normalise(name, normal):
    assert normalise(name) == normal


def _extraction(article_id: str, *mentions: tuple[str, str]) -> Extraction:
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, text="", sha256="0")
    return Extraction(article, tuple(Mention(t, c, 0, len(t)) for t, c in mentions), (), ())


def test_equal_normalised_names_merge_across_articles_with_all_surface_forms():
    resolution = resolve([
        _extraction("a", ("U.S.", "Country"), ("U.S.", "Country")),
        _extraction("b", ("US", "Country")),
    ])
    [entity] = resolution.entities.values()
    assert entity.label == "U.S."  # the most frequent surface form
    assert entity.alt_labels == ("US",)
    assert entity.mention_count == 3
    assert entity.articles == ("a", "b")


def test_class_is_a_vote_so_a_mislabelled_mention_does_not_split_the_entity():
    resolution = resolve([_extraction("a", ("Trump", "Person"), ("Trump", "Person"), ("Trump", "Organization"))])
    [entity] = resolution.entities.values()
    assert entity.cls == "Person"


def test_different_names_stay_apart():
    resolution = resolve([_extraction("a", ("Donald Trump", "Person"), ("Melania Trump", "Person"))])
    assert len(resolution.entities) == 2

"""Small articles for the resolution tests: names with their classes, no parsing."""

from __future__ import annotations

from kg.model import Article, Extraction, Mention
from kg.resolve import resolve


def extraction(article_id: str, *mentions: tuple[str, str]) -> Extraction:
    """An article that names each (name, class) once."""
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, text="", sha256="0")
    return Extraction(article, tuple(Mention(t, c, 0, len(t)) for t, c in mentions), (), ())


def with_text(article_id: str, text: str, *mentions: tuple[str, str]) -> Extraction:
    """An article with its text, each (name, class) found where the text first writes it."""
    article = Article(id=article_id, path=f"{article_id}.txt", title=article_id, text=text, sha256="0")
    return Extraction(article, tuple(Mention(t, c, text.find(t), text.find(t) + len(t)) for t, c in mentions), (), ())


def groups(*extractions: Extraction) -> set[frozenset[str]]:
    """Each entity as the set of names (label and other names) it holds."""
    resolution = resolve(list(extractions))
    return {frozenset((e.label, *e.alt_labels)) for e in resolution.entities.values()}


def check_merges(articles: list[list[tuple[str, str]]], together: set[str], apart: set[str]) -> None:
    """Articles as lists of (name, class): the names `together` end up in one entity, no two of
    the names `apart` do."""
    found = groups(*(extraction(f"a{i}", *mentions) for i, mentions in enumerate(articles)))
    if together:
        assert any(together <= group for group in found), found
    for group in found:
        assert len(apart & group) <= 1, group

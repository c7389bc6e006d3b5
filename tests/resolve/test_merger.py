from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.conftest import extraction


def test_every_merge_keeps_its_rule_and_reason():
    resolution = resolve([extraction("a", ("General Motors", "Company"), ("GM", "Organization"))])
    [entity] = resolution.entities.values()
    [merge] = entity.merges
    assert (merge.rule, entity.label, entity.alt_labels) == ("acronym", "General Motors", ("GM",))
    assert "GM" in merge.reason and "General Motors" in merge.reason and merge.articles == ("a",)


def test_namesakes_in_unrelated_articles_keep_apart_entities_and_iris():
    resolution = resolve([extraction("a", ("John Smith", "Person")), extraction("b", ("Jane Smith", "Person")),
                          extraction("c", ("Smith", "Person")), extraction("d", ("Smith", "Person"), )])
    smiths = [e for e in resolution.entities.values() if e.label == "Smith"]
    assert len({e.key for e in resolution.entities.values()}) == len(resolution.entities)
    assert {e.articles for e in smiths} == {("c",), ("d",)}

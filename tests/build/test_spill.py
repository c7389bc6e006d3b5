from __future__ import annotations

import pickle
from collections import Counter

from kg.build.spill import SpilledNames
from kg.resolve import ArticleNames
from kg.resolve.article import LocalName


def _names(article: str) -> ArticleNames:
    local = LocalName(article, "ada lovelace", Counter({"Ada Lovelace": 2}), Counter({"Person": 2}))
    return ArticleNames(article=article, names=(local,), concepts={}, definitions={}, outlet=None)


def test_names_put_in_any_order_are_read_back_in_the_order_asked(tmp_path):
    spilled = SpilledNames(tmp_path / "names", 3)
    for index in (2, 0, 1):  # cached articles first, then those parsed, as the read pass finds them
        spilled.put(index, _names(f"article-{index}"))
    spilled.close()
    assert [n.article for n in spilled.read([0, 1, 2])] == ["article-0", "article-1", "article-2"]
    assert [n.article for n in spilled.read([2, 0])] == ["article-2", "article-0"]  # those read, skipping one
    # a child started by spawn receives where the names are, and reads them the same
    in_child = pickle.loads(pickle.dumps(spilled))
    assert list(in_child.read([0, 1, 2])) == list(spilled.read([0, 1, 2]))
    [one] = spilled.read([1])
    assert one.names[0].forms == Counter({"Ada Lovelace": 2})  # the names whole, forms and counts

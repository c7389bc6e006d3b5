from __future__ import annotations

import pytest
from spacy.attrs import LOWER, ORTH, POS
from spacy.symbols import AUX, VERB

from kg.extract.doc_lookups import tokens_where

# (text, relations or claims, when the first of them happened, as written)
TIME_CASES = [
    ("Brennatek approved the licences on Friday.", "relations", "Friday"),
    ("Brennatek said on Thursday that exports rose.", "claims", "Thursday"),
    ("Brennatek said last week that it would close the plant.", "claims", "last week"),
    # a date inside what was said belongs to the content, not to the saying
    ("Brennatek said that talks would start on Monday.", "claims", None),
]


@pytest.mark.parametrize(("text", "records", "when"), TIME_CASES)
def test_time_of_the_act(read, text, records, when):
    record = getattr(read(text), records)[0]
    assert record.evidence.when == when


def test_tokens_where_picks_the_tokens_a_walk_over_the_document_would(nlp):
    doc = nlp("The minister said the plan, which the council had approved, would cost $5 million, the minister added.")
    assert [t.i for t in tokens_where(doc, LOWER, ["the", "minister"])] == [
        t.i for t in doc if t.lower_ in ("the", "minister")]
    assert [t.i for t in tokens_where(doc, POS, (VERB, AUX))] == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
    assert [t.text for t in tokens_where(doc, ORTH, [","])] == [","] * 3
    assert list(tokens_where(doc, LOWER, ["absent"])) == [] and list(tokens_where(nlp(""), ORTH, [","])) == []

from __future__ import annotations

import pytest
from spacy.attrs import LOWER, ORTH, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from kg.extract.spans import phrase_mention, phrase_tokens, tokens_where


def _parsed(nlp, words, heads, deps, pos) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_percent_sign_tagged_as_a_noun_is_no_thing(nlp):
    """Regression: a '%' the tagger calls a NOUN was trimmed away as punctuation, leaving an empty
    noun phrase that crashed the build (BBC business/004)."""
    doc = _parsed(nlp, ["Profits", "rose", "%"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["NOUN", "VERB", "NOUN"])
    assert [t.text for t in phrase_tokens(doc[2])] == ["%"]
    assert phrase_mention(doc[2], {}) is None


def test_a_noun_phrase_keeps_compounds_and_for_phrase_and_skips_quantity_words(read):
    [relation] = read("Microsoft approved a number of export licence applications for steel-related items.").relations
    assert relation.object.text == "export licence applications for steel-related items"


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

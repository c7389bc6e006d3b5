from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.noun_phrases import phrase_mention, phrase_tokens


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

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.extract.nlp import (
    CompiledAttributeRuler,
    load_stock_pipeline,
    sets_token_attributes_only,
)
from tests.conftest import CORPUS

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# Sentences for the model's rules that span two tokens or test a regex, besides the corpus.
RULE_CASES = (
    "Let's go. There is a deal, and there were talks. Y'all know we're gonna win, ain't it so?\n"
    "I got ta leave. C'mon, she said: it gets better and he got it.  Two  spaces."
)


@pytest.fixture(scope="module")
def stock():
    """The model's pipeline with its own attribute ruler and the same sentence rule as ours."""
    nlp = load_stock_pipeline()
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp


def test_compiled_pipeline_annotates_as_the_model_does(nlp, stock):
    assert "attribute_ruler" not in nlp.pipe_names and "compiled_attribute_ruler" in nlp.pipe_names
    texts = [RULE_CASES, *(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert [t.text for t in ours] == [t.text for t in theirs]
        assert ours.to_array(ANNOTATIONS).tolist() == theirs.to_array(ANNOTATIONS).tolist()
    ours = nlp("Let's go, y'all.")
    assert [t.lemma_ for t in ours][:2] == ["let", "us"]  # a two-token rule of the model's ruler


WORDS = ["is", "the", "gon", "na", "it", "run", "Ran", " "]
TAGS = ["VBZ", "DT", "NN", "_SP", "VBD", "IN"]
DEPS = ["ROOT", "det", "expl", "mark", "dep", ""]
TOKEN_TESTS = st.fixed_dictionaries({}, optional={
    "TAG": st.sampled_from(TAGS) | st.fixed_dictionaries({"IN": st.lists(st.sampled_from(TAGS), max_size=3)}),
    "LOWER": st.sampled_from([w.lower() for w in WORDS]) | st.fixed_dictionaries(
        {"IN": st.lists(st.sampled_from(WORDS), max_size=3)}) | st.just({"REGEX": "^r"}),
    "DEP": st.sampled_from(DEPS) | st.fixed_dictionaries({"NOT_IN": st.lists(st.sampled_from(DEPS), max_size=3)}),
    "IS_SPACE": st.booleans(),
})
ATTRS = st.fixed_dictionaries({}, optional={
    "POS": st.sampled_from(["VERB", "NOUN", "PRON", "SPACE"]),
    "LEMMA": st.sampled_from(["be", "go", "to"]),
    "MORPH": st.sampled_from(["Number=Sing", "_", "PunctType=Peri"]),
    "TAG": st.sampled_from(TAGS),
}).filter(bool)
RULES = st.lists(st.tuples(st.lists(st.lists(TOKEN_TESTS, min_size=1, max_size=2), min_size=1, max_size=2),
                           ATTRS, st.sampled_from([0, -1])), min_size=1, max_size=8)
TOKENS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS[:-1])),
                  min_size=1, max_size=12)


@given(rules=RULES, tokens=TOKENS)
def test_compiled_ruler_equals_spacy_ruler_on_any_rules(rules, tokens):
    """Later rules override earlier ones, several-token rules, regexes, negative indices: the
    compiled ruler sets exactly what spaCy's does."""
    vocab = English().vocab
    ruler = AttributeRuler(vocab)
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index=index)
    compiled = CompiledAttributeRuler(ruler)

    def annotated() -> Doc:
        words = [word for word, _, _ in tokens]
        return Doc(vocab, words=words, spaces=[False] * len(words), tags=[t for _, t, _ in tokens],
                   deps=[d for _, _, d in tokens], heads=[0] * len(words))

    assert compiled(annotated()).to_array(ANNOTATIONS).tolist() == ruler(annotated()).to_array(ANNOTATIONS).tolist()


def test_only_a_ruler_that_sets_token_attributes_is_compiled():
    """The model's ruler sets a token's tag, part of speech, morphology, lemma and dependency; a ruler
    that also sets what belongs to the word's lexeme ('NORM', 'IS_STOP') stays spaCy's own."""
    assert sets_token_attributes_only(load_stock_pipeline().get_pipe("attribute_ruler"))
    ruler = AttributeRuler(English().vocab)
    ruler.add([[{"LOWER": "gon"}]], {"NORM": "going"})
    assert not sets_token_attributes_only(ruler)

from __future__ import annotations

import pytest

from kg.extract.nlp import (
    MAX_PIPE_BATCH_CHARS,
    MAX_RUN_ON_TOKENS,
    pipe_batches,
    run_ons,
)
from kg.model import Article


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a headline without a full stop does not run into the first paragraph
        ("Talks end without a deal\nThe talks ended on Friday.", ["Talks end without a deal", "The talks ended on Friday."]),
        # a dateline or an upper-case lead-in ends at its dash, so it cannot become the subject
        ("WASHINGTON (AP) — The president said the talks went well.",
         ["WASHINGTON (AP) —", "The president said the talks went well."]),
        ("QUESTIONABLE CLAIMS — For years, the firm denied the charges.",
         ["QUESTIONABLE CLAIMS —", "For years, the firm denied the charges."]),
        # a dash inside an ordinary sentence is left alone
        ("The U.S. -- a big country -- said no.", ["The U.S. -- a big country -- said no."]),
    ],
)
def test_sentence_boundaries(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_a_run_without_sentence_ends_is_cut_into_sentences_of_the_bound(nlp):
    run_on = "the council met the union and the union met the council and " * 100  # 1,200 tokens
    doc = nlp("Talks go on\n" + run_on.strip() + "\nThe talks ended on Friday.")
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) == MAX_RUN_ON_TOKENS and sum(lengths) == len(doc)
    start = doc.text.index("the council")
    assert run_ons(doc) == [(start, start + len(run_on.strip()))]


def test_sentences_with_their_ends_are_not_cut(nlp):
    text = " ".join(["The council met the union and agreed on a plan for the coming year."] * 60)
    doc = nlp(text)
    assert run_ons(doc) == [] and max(len(s) for s in doc.sents) < 20


def test_parse_batches_hold_at_most_the_batch_characters():
    articles = [Article(id=str(i), path=f"{i}.txt", title="t", text="x" * size, sha256="")
                for i, size in enumerate([MAX_PIPE_BATCH_CHARS // 2, MAX_PIPE_BATCH_CHARS // 2, 10,
                                          MAX_PIPE_BATCH_CHARS + 1, 10])]
    batches = [[a.id for a in batch] for batch in pipe_batches(articles, batch_size=64)]
    assert batches == [["0", "1"], ["2"], ["3"], ["4"]]
    assert [len(b) for b in pipe_batches(articles[2:3] * 5, batch_size=2)] == [2, 2, 1]

from __future__ import annotations

import pytest


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

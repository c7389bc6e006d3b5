from __future__ import annotations

import pytest

from kg.extract.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "one two three" and "four five six".', ["one two three", "four five six"]),
        ("“curly quote is here” and ‘single’.", ["curly quote is here"]),
        ('An "unclosed quote runs\non" here.', []),
        ('A "short" word.', []),
        ('He appeared on "Face the Nation" on Sunday.', []),  # a title, not a statement
        ("''Doubled apostrophes mark this quote,'' he said.", ["Doubled apostrophes mark this quote,"]),
        # straight marks pair by the way they face: a quote left open ends where the next one opens
        ('"We played well today. We deserved it. "The fans were great," he said. The coach agreed.',
         ["We played well today. We deserved it.", "The fans were great,"]),
    ],
)
def test_find_quotes(text, quoted):
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_a_quote_running_over_paragraphs_is_one_run():
    text = '"The first part goes here,\n\n"and the second part follows," she said.'
    first, second = find_quotes(text)
    assert first.run == second.run
    assert text[first.start : first.end] == "The first part goes here,"

"""Quoted passages in article text: which stretches are inside quotation marks.

Marks are paired within a paragraph (curly, straight, or news-wire doubled apostrophes), so an
unmatched mark never swallows the rest of the article; a quote running over paragraphs in news
style (no closing mark, the next paragraph reopens) is kept as pieces that share a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quotation marks: curly pairs and straight double quotes, paired within a paragraph.
# (an opening mark typed as a closing one after a space or line start is common: ”like this”)
CURLY_QUOTE = re.compile(r"(?:“|(?:^|(?<=\s))”)([^“”\n]+)”", re.MULTILINE)
STRAIGHT_QUOTE = re.compile(r'"([^"\n]+)"')
DOUBLED_APOSTROPHE_QUOTE = re.compile(r"''([^\n]+?)''")  # news-wire plain text: ''like this''
# News style for a quote running over paragraphs: no closing mark, the next paragraph reopens.
OPEN_PARAGRAPH_QUOTE = re.compile(r'(?:^|(?<=\s))[“"]([^“”"\n]+)$', re.MULTILINE)
OPENING_MARKS = ("“", '"')
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by".split())
MIN_QUOTE_WORDS = 3  # shorter quotes are scare quotes ('a "trump card"'), not statements


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the text inside the marks
    end: int
    run: int  # quotes of one passage running over paragraphs share a run


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages of at least MIN_QUOTE_WORDS words. A mark that is never closed ends at its
    paragraph, and only counts when the next paragraph reopens the quote (news style), so an
    unmatched mark never swallows text."""
    spans = sorted(
        (m.start(1), m.end(1))
        for pattern in (CURLY_QUOTE, STRAIGHT_QUOTE, DOUBLED_APOSTROPHE_QUOTE)
        for m in pattern.finditer(text)
        if len(m.group(1).split()) >= MIN_QUOTE_WORDS and not _is_title(m.group(1))
    )
    continued = set()
    for m in OPEN_PARAGRAPH_QUOTE.finditer(text):
        rest = text[m.end() :].lstrip("\n \t")
        if rest.startswith(OPENING_MARKS) and len(m.group(1).split()) >= MIN_QUOTE_WORDS:
            spans.append((m.start(1), m.end(1)))
            continued.add(m.start(1))
    spans = sorted(set(spans))
    quotes: list[Quote] = []
    for start, end in spans:
        run = quotes[-1].run if quotes and quotes[-1].start in continued else len(quotes)
        quotes.append(Quote(start, end, run))
    return [q for q in quotes if not any(o.start < q.start and q.end <= o.end for o in quotes)]


def _is_title(quoted: str) -> bool:
    """'"Face the Nation"', '"The Art of the Deal"': a name of a work or show, not a statement."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    capitalised = all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    return bool(words) and capitalised and not quoted.rstrip().endswith(("?", "!"))

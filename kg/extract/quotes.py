"""Quoted passages in article text: which stretches are inside quotation marks.

Marks are paired within a paragraph (curly, straight, or news-wire doubled apostrophes), so an
unmatched mark never swallows the rest of the article; a quote running over paragraphs in news
style (no closing mark, the next paragraph reopens) is kept as pieces that share a run. Straight
marks, which look the same at both ends, are paired by the way they face, so one left unclosed
ends where the next quote opens instead of pairing every later mark the wrong way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quotation marks: curly pairs and straight double quotes, paired within a paragraph.
# (an opening mark typed as a closing one after a space or line start is common: ”like this”)
CURLY_QUOTE = re.compile(r"(?:“|(?:^|(?<=\s))”)([^“”\n]+)”", re.MULTILINE)
# Straight marks are paired by which way they face: an opening mark follows a space or a bracket
# and precedes a word, a closing one the reverse. A second opening mark while one is open means
# the first quote ran on unclosed (news style, with the paragraph break lost):
# '"A is true. B is too. "C is next," he said.' is the quote 'A is true. B is too.' and 'C is next'.
STRAIGHT_MARK = re.compile(r'"')
OPENS_AFTER = frozenset("([{—–-/")
CLOSES_BEFORE = frozenset(".,;:!?)]}—–-'’")
DOUBLED_APOSTROPHE_QUOTE = re.compile(r"''([^\n]+?)''")  # news-wire plain text: ''like this''
# News style for a quote running over paragraphs: no closing mark, the next paragraph reopens.
# (a block quote opening its paragraph with a straight mark may quote with curly ones inside)
OPEN_PARAGRAPH_QUOTE = re.compile(r'(?:^"([^"\n]+)|(?:^|(?<=\s))[“"]([^“”"\n]+))$', re.MULTILINE)
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
    straight, continued = _straight_quotes(text)
    spans = sorted(
        [(m.start(1), m.end(1))
         for pattern in (CURLY_QUOTE, DOUBLED_APOSTROPHE_QUOTE)
         for m in pattern.finditer(text)]
        + straight
    )
    spans = [(start, end) for start, end in spans
             if len(text[start:end].split()) >= MIN_QUOTE_WORDS and not _is_title(text[start:end])]
    for m in OPEN_PARAGRAPH_QUOTE.finditer(text):
        rest = text[m.end() :].lstrip("\n \t")
        group = 1 if m.group(1) is not None else 2
        if rest.startswith(OPENING_MARKS) and len(m.group(group).split()) >= MIN_QUOTE_WORDS:
            spans.append((m.start(group), m.end(group)))
            continued.add(m.start(group))
    spans = sorted(set(spans))
    quotes: list[Quote] = []
    for start, end in spans:
        run = quotes[-1].run if quotes and quotes[-1].start in continued else len(quotes)
        quotes.append(Quote(start, end, run))
    return [q for q in quotes if not any(o.start < q.start and q.end <= o.end for o in quotes)]


def _straight_quotes(text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """Spans inside straight quotation marks, paired within a paragraph by the way each mark faces,
    and the starts of those that ran on unclosed into the next quote."""
    spans: list[tuple[int, int]] = []
    continued: set[int] = set()
    opened: int | None = None
    for mark in STRAIGHT_MARK.finditer(text):
        at = mark.start()
        before = text[at - 1] if at > 0 else "\n"
        after = text[at + 1] if at + 1 < len(text) else "\n"
        if opened is not None and "\n" in text[opened:at]:
            opened = None  # never closed in its paragraph: see OPEN_PARAGRAPH_QUOTE
        opening = (before.isspace() or before in OPENS_AFTER) and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in CLOSES_BEFORE)
        if opened is None:
            if opening or not closing:
                opened = at + 1
        elif opening and not closing and text[opened:at].rstrip()[-1:] in (".", "?", "!"):
            # a new quote opens where a sentence of the open one ended: that one ran on unclosed
            end = opened + len(text[opened:at].rstrip())
            spans.append((opened, end))
            continued.add(opened)
            opened = at + 1
        else:
            spans.append((opened, at))
            opened = None
    return spans, continued


def _is_title(quoted: str) -> bool:
    """'"Face the Nation"', '"The Art of the Deal"': a name of a work or show, not a statement."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    capitalised = all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    return bool(words) and capitalised and not quoted.rstrip().endswith(("?", "!"))


def has_unquoted_words(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    """Whether text[start:end] has a letter outside every quote."""
    outside = list(text[start:end])
    for quote in quotes:
        for offset in range(max(quote.start, start), min(quote.end, end)):
            outside[offset - start] = " "
    return any(ch.isalpha() for ch in "".join(outside))


def inside_quote(offset: int, quotes: list[Quote]) -> bool:
    """Whether the character offset is inside one of the quotes."""
    return any(q.start <= offset < q.end for q in quotes)

"""Lines of an article that are not prose: results, standings and market tables, squad lists,
bylines, dates and headings. Read as sentences they yield nonsense ('Chelsea 2-1 Arsenal' as a
relation, 'Subs: Marshall, Henchoz' as a role), so relations, roles and claims are not read from
them (their names and figures still are).

The rules look at the shape of a line, not at what it names: how many of its words are written in
lower case (prose is mostly lower case: 'has already smashed the British record'), whether it ends
like a sentence, how much of it is digits, and what separates its parts. A line with a run of
lower-case words, or most of its words in lower case, is prose whatever else it holds, and so is a
title-case line with the small words of a sentence in it ('Zoe Saldana Responds To Critics'): a
wrong verdict the other way loses facts, so every doubt goes to prose. The article's first line is
its headline, and is read whatever its shape.

A line is set aside when any of RULES finds it no prose (their order only decides which one is
named); spans are character offsets into the article's text of whole lines, without the line break.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

# --- what prose looks like -------------------------------------------------------------------------
# A run of this many lower-case words in a row is a sentence's predicate: 'has already smashed'.
PROSE_RUN = 3
# A line most of whose words (and at least this many) are in lower case is prose: 'Expanded service tax net'.
PROSE_LOWER_SHARE = 0.5
MIN_PROSE_LOWER_WORDS = 2
# Words that join list items, results and fixtures, and say nothing about a line being prose:
# 'Priscott for Roberts (71)', 'Burnley or Liverpool v Bournemouth', 'B O'Driscoll (capt)'.
JOINING_WORDS = frozenset({"and", "or", "v", "vs", "v.", "vs.", "for", "capt", "&"})
# The small words of a sentence; a title-case line with one after its first word is a headline-style
# sentence and is read: 'Rand Paul Scores Direct Hit On Donald Trump', 'Red Sox Will Nab Teixeira',
# 'Microsoft Launches Emergency Patch for Internet Explorer' (not 'The All Blacks', 'Chelsea v Birmingham').
SENTENCE_WORDS = frozenset(
    "to of in on for with within without at from into onto over under after before against about around"
    " across through between among during until upon as by than"
    " but if is are was were be been being has have had will would can could might must should"
    " shall do does did not he she they we his her their its our your who whom whose what why how"
    " when where which that this these those".split()
)
# A line of this many words all in capitals is a headline, shouted: 'EXPERTS DOWNPLAY PLANNED NORTH KOREA LAUNCH'.
MIN_CAPITALS_HEADLINE_WORDS = 4
# Sentence-final punctuation, before any closing quotes or brackets: 'said Claxton.', 'it comes."'
SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")
# A line that ends like this runs on into the next: 'On Tuesday,', "the men's 60m hurdles (".
RUNS_ON = re.compile(r"[,;(]$")
# A line that starts like this goes on from the one before: ', who had', "'s thunder", 'was vying'.
GOES_ON = re.compile(r"^[,.;:)’']|^[a-z]")
# A quotation opens the line: what a label like 'He said:' introduces.
OPENING_QUOTE = re.compile(r"^[\"“‘']")

# --- what is not prose -----------------------------------------------------------------------------
# Column tables: a tab, or a gap of three or more spaces, between two cells: 'Chelsea   25   62'.
COLUMN_GAP = re.compile(r"\S(?:\t| {3,})\s*\S")
# Bylines: 'By John Smith', 'By John Smith, BBC News', 'By Jane Doe and John Smith'.
BYLINE = re.compile(r"^By (?:[A-Z][\w'’.-]*\s?){2,4}(?:(?:and|&) (?:[A-Z][\w'’.-]*\s?){2,4})?(?:,.*)?$")
# A semicolon list: 'Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx'.
MIN_SEMICOLONS = 2
# A list has at least this many items, separated by commas or semicolons: 'Subs: Marshall, Henchoz, Kerr'.
MIN_LIST_ITEMS = 3
LIST_SEPARATOR = re.compile(r"[,;]")
# What is around a list item and no part of it: bullets, a label's colon, quotes, the full stop.
LIST_ITEM_STRIP = " -•*:\"'“”."
# A list item is a name or a figure: 'J Kwakye (Woodford Green with Essex Ladies)'. A longer item is a
# clause, and the line a sentence ('Regina M. Benjamin, MD, MBA, is Founder and CEO of the ...').
MAX_LIST_ITEM_WORDS = 7
# The first and last items must be names or figures (a sentence that lists names has its verb at an
# end: 'Germany, France, Italy and Spain objected.'), and at most this share of all may be anything
# else: 'Varga 40, Thompson 48 pen, Petrov 60'.
LIST_OTHER_ITEMS_SHARE = 1 / 3
# Lower-case words inside names: 'CA del Fava', 'J de Villiers', 'City of Plymouth AC',
# 'Woodford Green with Essex Ladies'.
NAME_PARTICLES = frozenset("de del della dal da di du dos van von der den ter le la al bin of with".split())
# A label that opens a list or a result: 'Ireland:', 'Subs not used:', 'Result:' (at most three words).
LABEL = re.compile(r"^[-•*\s]*[A-Z][\w'’.-]*(?: [\w'’.-]+){0,2}:\s*")
# A result or ranking line holds names and figures, and is short: 'Chelsea 2-1 Arsenal',
# '13 Karolina Sprem (Croatia)'.
MAX_RESULT_WORDS = 12
# A table row is mostly figures: digits this share of its characters, with several separate numbers.
TABLE_DIGIT_SHARE = 0.3
MIN_TABLE_NUMBERS = 3
# A heading is short, with no word in lower case: 'The All Blacks'; a label shorter still: 'Playing colours:'.
MAX_HEADING_WORDS = 8
MAX_LABEL_WORDS = 3

TOKEN = re.compile(r"\S+")
DIGIT = re.compile(r"\d")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
WORD_EDGES = "\"'“”‘’()[].,;:!?"


@dataclass(frozen=True)
class Line:
    """A line's words and figures, as the rules see them."""

    text: str
    words: tuple[str, ...]  # tokens that start with a letter: 'Chelsea', 'has', "O'Driscoll"
    lower: int  # words that start with a lower-case letter, other than the JOINING_WORDS
    run: int  # the longest run of lower-case words in a row (other tokens, except punctuation, break it)
    numbers: int  # tokens that start with a digit: '2-1', '157', '4,820.1', '60m'
    digit_share: float  # digits among the line's non-space characters
    sentence_end: bool
    # a headline-style sentence: one of the SENTENCE_WORDS after the first word ('Scores Direct Hit On ...'),
    # or all in capitals
    headline_style: bool
    fragment: bool = False  # a piece of a sentence broken over lines: the line before runs on, or this one goes on
    prose_follows: bool = False  # the next line is a sentence or a quotation

    @property
    def prose(self) -> bool:
        """Reads as a sentence: a run of lower-case words, or most of its words in lower case."""
        return self.run >= PROSE_RUN or (self.lower >= MIN_PROSE_LOWER_WORDS
                                         and self.lower >= PROSE_LOWER_SHARE * len(self.words))


def read_line(text: str, *, before: str = "", after: str = "") -> Line:
    """The shape of one line; `before` and `after` are the non-empty lines around it."""
    stripped, before, after = text.strip(), before.strip(), after.strip()
    following = _shape(after) if after else None
    return replace(
        _shape(stripped),
        fragment=bool(RUNS_ON.search(before) or GOES_ON.search(stripped) or GOES_ON.search(after)),
        prose_follows=following is not None and bool(
            OPENING_QUOTE.search(after) or following.prose or following.sentence_end),
    )


@functools.lru_cache(maxsize=4096)  # each line is also the line after the one before it
def _shape(text: str) -> Line:
    """The shape of a line by itself (stripped), before the lines around it are known. Words are
    counted up to the first run of PROSE_RUN lower-case words, and digits not at all after one:
    the line is prose, and no rule reads further."""
    words, lower, run, longest, numbers = [], 0, 0, 0, 0
    for match in TOKEN.finditer(text):
        token = match.group()
        first = LETTER_OR_DIGIT.search(token)
        if first is None:
            continue  # punctuation ('-', '&') neither breaks a run of words nor extends it
        if first.group().isdigit():
            numbers += 1
            run = 0
            continue
        words.append(token)
        if first.group().islower() and token.lower().strip(WORD_EDGES) not in JOINING_WORDS:
            lower += 1
            run += 1
            longest = max(longest, run)
            if longest >= PROSE_RUN:
                break  # prose, whatever the rest holds
        else:
            run = 0
    solid = re.sub(r"\s", "", text) if longest < PROSE_RUN else ""
    return Line(
        text=text,
        words=tuple(words),
        lower=lower,
        run=longest,
        numbers=numbers,
        digit_share=len(DIGIT.findall(solid)) / len(solid) if solid else 0.0,
        sentence_end=bool(SENTENCE_END.search(text)),
        headline_style=(any(w.lower().strip(WORD_EDGES) in SENTENCE_WORDS for w in words[1:])
                        or len(words) >= MIN_CAPITALS_HEADLINE_WORDS and all(w.isupper() for w in words)),
    )


# --- the rules: each sees only lines that do not read as sentences (see `non_prose_rule`) ----------


def column_table(line: Line) -> bool:
    # cells apart by a tab or a run of spaces: 'Chelsea\t25\t62', 'No    58%.', 'Revenue    1.2bn    1.1bn'
    return bool(COLUMN_GAP.search(line.text))


def byline(line: Line) -> bool:
    # who wrote the story: 'By John Smith', 'By John Smith, BBC News' (not 'By the end of 2004 ...')
    return bool(BYLINE.match(line.text))


def semicolon_list(line: Line) -> bool:
    # items apart by semicolons: 'Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx.',
    # a rugby line-up 'G Murphy; G Dempsey, B O'Driscoll, S Horgan, D Hickie; R O'Gara, P Stringer; ...'
    return line.text.count(";") >= MIN_SEMICOLONS


def name_list(line: Line) -> bool:
    # a squad, line-up or list of names, after an optional label: 'Subs: Marshall, Henchoz, Kerr',
    # 'AC Milan, Bayer Leverkusen, Internazionale, Juventus, Lyon.', odds: '9-2 Smith, 5-1 Jones, 7-1 Brown'
    items = [item.strip(LIST_ITEM_STRIP) for item in LIST_SEPARATOR.split(LABEL.sub("", line.text))]
    items = [item for item in items if item]
    if (len(items) < MIN_LIST_ITEMS or not (_name_item(items[0]) and _name_item(items[-1]))
            or any(len(item.split()) > MAX_LIST_ITEM_WORDS for item in items)):
        return False
    return sum(not _name_item(item) for item in items) <= LIST_OTHER_ITEMS_SHARE * len(items)


def labelled_list(line: Line) -> bool:
    # a short label, then names or a result: 'Subs not used: Lehmann, Fabregas.', 'Result: Nadal 6-7 (6/8)
    # 6-2 Roddick', 'Hillary Clinton: 1,769.'; not a transcript's 'SMITH: No.' (the rest must be a list or
    # hold a figure), nor a headline 'Herald: Sox Make Offer To Teixeira'
    match = LABEL.match(line.text)
    if match is None:
        return False
    rest = read_line(line.text[match.end():])
    items = [item.strip(LIST_ITEM_STRIP) for item in LIST_SEPARATOR.split(rest.text)]
    return (rest.lower == 0 and not rest.headline_style and (len(items) > 1 or rest.numbers > 0)
            and all(_starts_like_name(item) for item in items if item))


def result(line: Line) -> bool:
    # a score, ranking, scorers or date line, names and figures only: 'Chelsea 2-1 Arsenal', 'X (Italy) 157',
    # '13 Karolina Sprem (Croatia)', 'Riise 1, Nunez 113.', '42,093', 'Tuesday, 1 March'; a sentence
    # with a score in it has words in lower case ('a 9-3 triumph in Wellington')
    return (line.numbers >= 1 and line.lower == 0 and len(line.words) <= MAX_RESULT_WORDS
            and not line.headline_style and not line.fragment)


def figure_table(line: Line) -> bool:
    # a standings or market table row, mostly figures: 'Chelsea 25 19 5 1 48 9 62', 'FTSE 100 4,820.1 +12.3 up 0.3%'
    return line.digit_share >= TABLE_DIGIT_SHARE and line.numbers >= MIN_TABLE_NUMBERS


def heading(line: Line) -> bool:
    # a short heading or caption with no word in lower case: 'The All Blacks', 'Chelsea v Birmingham',
    # 'Lansdowne Road, Dublin', 'S Bennett (Kent).'; a headline-style sentence stays ('Winners meet in
    # final match', 'Zoe Saldana Responds To Critics'), as do an exclamation or a question ('Goal!')
    # and a line ending with a colon (a label: see `label`)
    return (line.lower == 0 and 0 < len(line.words) <= MAX_HEADING_WORDS and not line.headline_style
            and not line.fragment and not line.text.endswith(("!", "?", ":")))


def label(line: Line) -> bool:
    # a label over what is not a sentence: 'Playing colours:' above 'All black' (not 'Limbaugh added:',
    # 'Stated Stone:' or 'He said:' above a quotation or a sentence)
    return (line.text.endswith(":") and len(line.words) <= MAX_LABEL_WORDS and not line.fragment
            and not line.prose_follows)


RULES: tuple[Callable[[Line], bool], ...] = (
    column_table, byline, semicolon_list, name_list, labelled_list, result, figure_table, heading, label,
)


def non_prose_rule(text: str, *, before: str = "", after: str = "") -> str | None:
    """The name of the first rule that finds the line no prose, or None for prose. `before` and
    `after` are the non-empty lines around it. A line that reads as a sentence is prose whatever
    else it holds."""
    line = read_line(text, before=before, after=after)
    if line.prose:
        return None
    return next((rule.__name__ for rule in RULES if rule(line)), None)


def non_prose_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that is not prose, without its line break; never the first
    non-empty line (the headline)."""
    return [(start, end) for start, end, _ in set_aside(text)]


def set_aside(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule) of every line that is not prose, with the rule that found it."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    found = []
    for i, (start, end) in enumerate(lines[1:], 1):  # lines[0] is the headline
        before = text[slice(*lines[i - 1])] if i > 1 else ""  # no sentence runs on from the headline
        after = text[slice(*lines[i + 1])] if i + 1 < len(lines) else ""
        rule = non_prose_rule(text[start:end], before=before, after=after)
        if rule is not None:
            found.append((start, end, rule))
    return found


def _name_item(item: str) -> bool:
    """A list item that is a name or a figure: "B O'Driscoll (capt)", 'Priscott for Roberts (71)', 'CA del Fava'."""
    words = item.split()
    return (_starts_like_name(item) and len(words) <= MAX_LIST_ITEM_WORDS
            and all(not w[0].islower() or w.lower().strip(WORD_EDGES) in NAME_PARTICLES | JOINING_WORDS
                    for w in words))


def _starts_like_name(item: str) -> bool:
    """'G Murphy', "O'Driscoll", 'de Marigny', '9-2 Smith', 'and Lyon', '(Biscan 67)': a name or a figure first."""
    words = item.split(maxsplit=1)
    if words and words[0].lower() in NAME_PARTICLES | JOINING_WORDS:
        words = words[1:]
    return bool(words) and (words[0][0].isupper() or words[0][0].isdigit() or words[0][0] == "(")

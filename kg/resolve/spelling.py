"""Misspellings: two names of one kind that differ by a letter or two are one name.

Within one article ('Brennatek' / 'Brenatek') that is enough; across articles the two articles must
also name the same other entities ('Heidar' / 'Heydar Alishvandi'). Places never: 'Austria' is no 'Australia'.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import numpy
from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import cdist

from kg.model import ORGANISATION_CLASSES, EntityClass
from kg.resolve.article import LocalName
from kg.resolve.merger import Context, Merger

# Names shorter than this are never taken for misspellings: one letter would be a quarter of the
# name or more, more likely another name than a typo.
MIN_SPELLING_LETTERS = 5
# Edits (Damerau-Levenshtein, spaces ignored) a misspelling may differ by: one in a short name, two
# from LONG_NAME_LETTERS letters on, where two edits are still at most a quarter of the name.
LONG_NAME_LETTERS = 8
MAX_EDITS_SHORT = 1
MAX_EDITS_LONG = 2
MIN_SPELLING_CONTEXT = 3  # other entities two articles must share for a misspelling across them
ROMAN_NUMERAL = re.compile(r"^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$")  # i to xxxix, as in 'Team III', 'Henry VIII'
SPELLING_ROWS = 512  # names compared with all others at a time (bounds the distance matrix's memory)


def spellings(merger: Merger) -> None:
    """Two names of one kind that differ by a letter or two are one misspelt name: within one
    article, or across articles whose other entities overlap strongly ('Heidar' / 'Heydar Alishvandi')."""
    for article, locals_ in merger.by_article().items():
        named = [local for local in locals_ if sum(local.forms.values())]
        for i, first in enumerate(named):
            for second in named[i + 1 :]:
                distance = _misspelling(first, second)
                if distance is not None:
                    merger.join((article, first.name), (article, second.name), "spelling",
                                f"'{first.best_form}' and '{second.best_form}' differ by {distance} "
                                "letter(s) in one article")
    context = Context(merger)
    blocks: dict[tuple[str, str], dict[tuple[str, str], LocalName]] = defaultdict(dict)
    for key, local in merger.sorted_locals:
        if _coarse(local.cls) is not None and sum(local.forms.values()):
            blocks[(_coarse(local.cls), local.name[:1])].setdefault(merger.find(key), local)
    for block in blocks.values():
        roots = list(block)
        for first, second in _close_pairs(roots, [block[root].name.replace(" ", "") for root in roots]):
            distance = _misspelling(block[first], block[second])
            if distance is None or merger.find(first) == merger.find(second):
                continue
            shared = context.shared_between(first, second)
            if shared >= MIN_SPELLING_CONTEXT:
                merger.join(first, second, "spelling",
                            f"'{block[first].best_form}' and '{block[second].best_form}' differ by {distance} "
                            f"letter(s) and their articles share {shared} other entities")


def _close_pairs(keys: list, names: list[str]) -> Iterator[tuple]:
    """The pairs (in order, first before second) of keys whose names are at most MAX_EDITS_LONG
    edits apart: the only candidates for a misspelling. rapidfuzz compares a block of rows at a
    time in C; in Python, comparing every pair took 11 s on the BBC set."""
    for start in range(0, len(names), SPELLING_ROWS):
        distances = cdist(names[start : start + SPELLING_ROWS], names, scorer=DamerauLevenshtein.distance,
                          score_cutoff=MAX_EDITS_LONG, dtype=numpy.int32)
        for row, column in zip(*numpy.nonzero(distances <= MAX_EDITS_LONG)):
            if column > start + row:
                yield keys[start + row], keys[column]


def _misspelling(first: LocalName, second: LocalName) -> int | None:
    """The edit distance of two names of one kind (people or organisations, never places: 'Austria'
    is no 'Australia') when it is small for their length, else None."""
    if _coarse(first.cls) != _coarse(second.cls) or _coarse(first.cls) is None:
        return None
    if _numbers(first) != _numbers(second):  # 'Team I' / 'Team III', '2nd Battalion' / '3rd Battalion'
        return None
    a, b = _compared(first, second), _compared(second, first)
    if min(len(a), len(b)) < MIN_SPELLING_LETTERS or a[0] != b[0] or a == b:
        return None
    allowed = MAX_EDITS_SHORT if min(len(a), len(b)) < LONG_NAME_LETTERS else MAX_EDITS_LONG
    distance = DamerauLevenshtein.distance(a, b, score_cutoff=allowed)
    return distance if distance <= allowed else None


def _numbers(name: LocalName) -> list[str]:
    """The numbers a name says, in figures or Roman numerals: names that differ by one name two things."""
    return [w for w in name.words if any(ch.isdigit() for ch in w) or ROMAN_NUMERAL.match(w)]


def _compared(name: LocalName, other: LocalName) -> str:
    """The name without spaces; a full person name beside a lone one, its surname ('Klistchko' is
    a misspelt 'Wladimir Klitschko')."""
    if name.cls == EntityClass.Person and len(name.person_words) > 1 and len(other.person_words) == 1:
        return name.person_words[-1]
    return name.name.replace(" ", "")


def _coarse(cls: str) -> str | None:
    if cls == EntityClass.Person:
        return "person"
    if cls in ORGANISATION_CLASSES:
        return "organisation"
    return None  # places: 'Austria' and 'Australia' are two countries

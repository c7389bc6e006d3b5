from __future__ import annotations

import datetime as dt

import pytest

from kg.lexicon.dates import resolve_date

SATURDAY = dt.date(2025, 6, 7)

# (as written, publication date, the day it names)
CASES = [
    ("Thursday", SATURDAY, dt.date(2025, 6, 5)),
    ("on Saturday", SATURDAY, SATURDAY),  # the day of publication itself
    ("last Sunday", SATURDAY, dt.date(2025, 6, 1)),
    ("Friday morning", SATURDAY, dt.date(2025, 6, 6)),
    ("yesterday", SATURDAY, dt.date(2025, 6, 6)),
    ("June 7", SATURDAY, dt.date(2025, 6, 7)),
    ("Sept. 3", SATURDAY, dt.date(2024, 9, 3)),  # months ahead: the year before
    ("December 30", dt.date(2026, 1, 2), dt.date(2025, 12, 30)),
    ("4 March 2019", None, dt.date(2019, 3, 4)),
    ("March 4th, 2019", None, dt.date(2019, 3, 4)),
    ("2024-02-29", None, dt.date(2024, 2, 29)),
    ("Thursday", dt.datetime(2025, 6, 7, 9, 30), dt.date(2025, 6, 5)),
    # no single day, or no publication date to count from
    ("Thursday", None, None),
    ("June 7", None, None),
    ("last week", SATURDAY, None),
    ("June 2025", SATURDAY, None),
    ("February 30, 2025", None, None),
]


@pytest.mark.parametrize(("written", "published", "expected"), CASES)
def test_resolve_date(written, published, expected):
    assert resolve_date(written, published) == expected

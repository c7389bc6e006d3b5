"""Dates as news writes them, resolved against the article's publication date.

"on Thursday" in an article published on Saturday 7 June 2025 is Thursday 5 June 2025; "June 7" is
in the year of publication (the year before, if that would put it in the future); a date with its
year needs no publication date. Anything vaguer ("last week", "in June") stays as written only.
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = tuple("january february march april may june july august september october november december".split())
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS |= {name[:3]: number for name, number in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS = {name: number for number, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_DAY = re.compile(rf"^(?:(?:on|last|this)\s+)?(?:\w+day,?\s+)?({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
DAY_MONTH = re.compile(rf"^(?:(?:on|last|this)\s+)?(?:\w+day,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?(?:,?\s+(\d{{4}}))?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
WEEKDAY = re.compile(r"^(?:(?:on|last|this|early|late)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:\s+(?:morning|afternoon|evening|night))?$")


def resolve_date(written: str, published: dt.date | None) -> dt.date | None:
    """The calendar day `written` names, or None when it names no single day or needs a
    publication date that is unknown."""
    if isinstance(published, dt.datetime):
        published = published.date()
    text = " ".join(written.lower().replace("’", "'").split()).strip(" .")
    if (iso := ISO_DATE.match(text)) is not None:
        return _day(*map(int, iso.groups()))
    if (match := MONTH_DAY.match(text)) is not None:
        month, day, year = MONTHS[match.group(1)], int(match.group(2)), match.group(3)
        return _day_in_year(year, month, day, published)
    if (match := DAY_MONTH.match(text)) is not None:
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], match.group(3)
        return _day_in_year(year, month, day, published)
    if published is None:
        return None
    if text in RELATIVE_DAYS:
        return published + dt.timedelta(days=RELATIVE_DAYS[text])
    if (match := WEEKDAY.match(text)) is not None:
        # news reports the past: the latest such weekday on or before publication
        back = (published.weekday() - WEEKDAYS[match.group(1)]) % 7
        return published - dt.timedelta(days=back)
    return None


def _day_in_year(year: str | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    if year is not None:
        return _day(int(year), month, day)
    if published is None:
        return None
    found = _day(published.year, month, day)
    if found is not None and found > published + dt.timedelta(days=31):
        found = _day(published.year - 1, month, day)  # 'December 30' in a January article
    return found


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

"""Calendar arithmetic at a granularity, and TIMEX3 value strings for (date, granularity) points."""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

# granularities, finest first: day, week, month, quarter, half, season, year, decade, century
GRANULARITIES = ("D", "W", "M", "Q", "H", "S", "Y", "DE", "CE")
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def add_months(day: date, months: int) -> date:
    """Return ``day`` shifted by whole months (day of month clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = max(1, min(9999, year))
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def shift(day: date, amount: int, unit: str) -> date:
    """Return ``day`` moved by ``amount`` units (D, W, WE, FN, M, Q, H, Y, DE, CE)."""
    try:
        if unit in ("D",):
            return day + timedelta(days=amount)
        if unit in ("W", "WE"):
            return day + timedelta(weeks=amount)
        if unit == "FN":
            return day + timedelta(weeks=2 * amount)
        months = {"M": 1, "Q": 3, "H": 6, "S": 12, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
        if months is None:
            return day
        return add_months(day, amount * months)
    except OverflowError:
        return day


def value(day: date, gran: str) -> str:
    """Return the TIMEX3 value of ``day`` at granularity ``gran`` ("2022-01-21", "2013-W11", "2022-Q3")."""
    if gran == "D":
        return day.isoformat()
    if gran in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if gran == "DE":
        return f"{day.year:04d}"[:3]
    if gran == "CE":
        return f"{day.year:04d}"[:2]
    return f"{day.year:04d}"


def weekday_near(dct: date, weekday: int, direction: str) -> date:
    """Return the ISO ``weekday`` (1 = Monday) nearest ``dct``: 'past' on or before, 'future' on or after.

    'last' and 'next' exclude the document date itself.
    """
    delta = weekday - dct.isoweekday()
    if direction == "past":
        return dct + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "last":
        return dct + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "next":
        return dct + timedelta(days=delta if delta > 0 else delta + 7)
    return dct + timedelta(days=delta if delta >= 0 else delta + 7)


def month_year(dct: date, month: int, direction: str | None) -> int:
    """Return the year of ``month`` named without one, seen from ``dct``.

    News reports what happened: a month up to nine months back is the past one, unless the tense points
    forward, when a month up to nine months ahead is the coming one.
    """
    back = (dct.month - month) % 12
    ahead = (month - dct.month) % 12
    if back == 0:
        return dct.year
    if direction == "future":
        return dct.year + (1 if month < dct.month else 0) if ahead <= 9 else dct.year - (1 if month > dct.month else 0)
    if back <= 9:
        return dct.year - (1 if month > dct.month else 0)
    return dct.year + (1 if month < dct.month else 0)


def safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date or None when it does not exist (Feb 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """Return the ``n``-th ISO ``weekday`` of a month (Thanksgiving: 4th Thursday of November)."""
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def parse_value(text: str) -> tuple[date, str] | None:
    """Return (first day, granularity) of a TIMEX3 date value, or None for anything else."""
    try:
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            return date.fromisoformat(text[:10]), "D"
        if len(text) == 7 and text[4] == "-" and text[5:].isdigit():
            return date(int(text[:4]), int(text[5:]), 1), "M"
        if len(text) >= 8 and text[5] == "W" and text[6:8].isdigit():
            return date.fromisocalendar(int(text[:4]), int(text[6:8]), 1), "W"
        if len(text) == 7 and text[5] == "Q":
            return date(int(text[:4]), 3 * int(text[6]) - 2, 1), "Q"
        if len(text) == 4 and text.isdigit():
            return date(int(text), 1, 1), "Y"
    except ValueError:
        return None
    return None


def last_day(day: date, gran: str) -> date:
    """Return the last day of the period starting at ``day`` with granularity ``gran``."""
    if gran == "D":
        return day
    if gran == "W":
        return day + timedelta(days=6)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12}.get(gran, 12)
    return add_months(day, months) - timedelta(days=1)


def easter(year: int) -> date:
    """Return Easter Sunday of ``year`` (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)

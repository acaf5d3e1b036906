"""Displayed dates in page text: "Date:2025-04-26 07:14:31", "Saturday, Apr 20, 2024", "Published 14 March 2024".

A date is returned as ISO text at the granularity it was shown: "2024-03-14", or "2024-03" for "March 2024".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class DateMatch:
    """A date found in a string: its ISO value, where it is, and which pattern found it."""

    value: str
    start: int
    end: int
    rule: str


@lru_cache(maxsize=1)
def date_data() -> dict[str, Any]:
    """Return month names and date cues (data/dates.json)."""
    text = resources.files("newsgraph.extract").joinpath("data/dates.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Return the date patterns, most specific first."""
    month = "|".join(sorted(date_data()["months"], key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d\d)"
    mon = rf"(?P<m>{month})\.?"
    return [
        ("iso", re.compile(rf"(?<!\d){year}(?P<sep>[-/.])(?P<mn>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)")),
        ("month-day-year", re.compile(rf"\b{mon}\s+{day},?\s+{year}\b", re.I)),
        ("day-month-year", re.compile(rf"\b{day}(?:\s+of)?\s+{mon},?\s+{year}\b", re.I)),
        ("numeric-dmy", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)")),
        ("numeric-slash", re.compile(r"(?<![\d/])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?!\d)")),
        ("month-year", re.compile(rf"\b{mon}\s+{year}\b", re.I)),
    ]


def _valid(year: int, month: int, day: int) -> bool:
    """Return True when the triple is a real calendar date."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _value(rule: str, m: re.Match[str]) -> str | None:
    """Return the ISO value of a pattern match, or None when it is not a real date."""
    months = date_data()["months"]
    g = m.groupdict()
    year = int(g["y"])
    if rule == "month-year":
        return f"{year:04d}-{months[g['m'].lower()]:02d}"
    if rule == "numeric-slash":
        a, b = int(g["a"]), int(g["b"])
        month, day = (b, a) if a > 12 else (a, b)  # month first unless the first number cannot be a month
    else:
        month = int(g["mn"]) if g.get("mn") else months[g["m"].lower()]
        day = int(g["d"])
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


def find_dates(text: str) -> list[DateMatch]:
    """Return the dates shown in ``text``, in order, without overlaps."""
    found: list[DateMatch] = []
    for rule, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            value = _value(rule, m)
            if value:
                found.append(DateMatch(value, m.start(), m.end(), rule))
    return sorted(found, key=lambda f: f.start)


def cue_kind(text: str) -> str | None:
    """Return "published" or "updated" when ``text`` names the kind of its date, else None."""
    lower = text.lower()
    data = date_data()
    for kind, key in (("updated", "updated_cues"), ("published", "published_cues")):
        if any(re.search(rf"\b{re.escape(cue)}\b", lower) for cue in data[key]):
            return kind
    return None

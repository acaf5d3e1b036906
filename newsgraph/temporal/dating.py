"""An article's real date from its dateline, the dates in its body and its page date.

A page date far after every dated event in the body marks a re-post or a content farm's copy (a 2025
page carrying a 2023 story); the body's latest date then stands in, with the reason in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsgraph.records import Timex
from newsgraph.temporal import dates
from newsgraph.temporal.grammar import load_grammar

# a page date this many days after the body's latest date is a re-post, when that date is counted from
# "now" in the text ("15 months after their full-scale invasion"). Explicit dates alone are too often
# background to overrule a page date: on TBAQ-cleaned, 4 of 256 articles about history ("March 5, 1946",
# "Jan. 1, 1959") have no later date at all, and a rule on them misdated every one.
REPOST_GAP_ANCHORED_DAYS = 365
# rules whose values do not depend on the document date
ABSOLUTE_RULES = {"iso-date", "numeric-date", "month-day-year", "day-month-year", "month-year", "year",
                  "spoken-year"}
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:, [A-Z][\w.'’ -]{1,30})?),?[ \t]+"
    r"(?P<month>[A-Z][a-z]{2,8})\.?[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?[ \t]*"
    r"(?:\((?P<agency>[A-Za-z .&]+)\)[ \t]*)?(?:[-—–]{1,2}|:)",
    re.M,
)

NO_EVIDENCE = "no date evidence"


@dataclass(frozen=True)
class Dated:
    """The article's date estimate: ISO value at the granularity the evidence gives, and why."""

    value: str | None
    evidence: str
    anchor: date | None  # the day relative expressions count from


def parse_page_date(page_date: str | None) -> date | None:
    """Return the day of a page date string ("2025-04-26 07:14:31", "2024-04-20"), or None."""
    if not page_date:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", page_date.strip())
    return dates.safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def header_date(lines: list[str]) -> str | None:
    """Return the date of a short header line that is only a date ("Date:2025-04-26 07:14", "Saturday, Apr 20,
    2024"): the page date a text dump carries among the lines the extractor dropped."""
    from newsgraph.temporal.tagger import tag

    for line in lines:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        for t in tag(line, date(2000, 1, 3)):
            rest = (line[:t.start] + line[t.end:]).strip(" :,-|")
            if len(t.value) >= 10 and t.rule.rsplit(":", 1)[-1] in ABSOLUTE_RULES and (
                    not rest or re.fullmatch(r"(?i)(?:date|published|posted|updated|on)?:?\s*\d*:?\d*:?\d*", rest)):
                return t.value[:10]
    return None


def find_dateline(text: str) -> tuple[int, int, int | None] | None:
    """Return (month, day, year or None) of a dateline in the first lines ("KYIV, Jan 19 (Reuters) -")."""
    months = load_grammar().tables["months"]
    for m in _DATELINE.finditer(text[:600]):
        month = months.get(m.group("month").lower())
        if month and 1 <= int(m.group("day")) <= 31:
            return month, int(m.group("day")), int(m.group("year")) if m.group("year") else None
    return None


def body_dates(timexes: list[Timex]) -> list[tuple[date, date, str]]:
    """Return (first day, last day, value) of each explicit date in the body, finer than a year first."""
    out = []
    for t in timexes:
        if t.rule.rsplit(":", 1)[-1] not in ABSOLUTE_RULES | {"event-anchored"}:
            continue
        parsed = dates.parse_value(t.value)
        if parsed:
            out.append((parsed[0], dates.last_day(*parsed), t.value))
    return out


def _latest_fine(found: list[tuple[date, date, str]]) -> tuple[date, date, str] | None:
    """Return the latest body date said to the month or day (years alone are often background)."""
    fine = [d for d in found if len(d[2]) >= 7]
    return max(fine, key=lambda d: d[1]) if fine else None


def _dateline_date(dateline: tuple[int, int, int | None], page: date | None,
                   found: list[tuple[date, date, str]]) -> date | None:
    """Return the dateline's day, its year taken from the dateline, the page date or the body."""
    month, day, year = dateline
    if year is None and page is not None:
        year = dates.month_year(page, month, "past")
    if year is None and found:
        year = max(d[1].year for d in found)
    return dates.safe_date(year, month, day) if year else None


def estimate(text: str, page_date: str | None, timexes: list[Timex], source: str = "page date") -> Dated:
    """Return the article's real date from the dateline, the body's dates and the page (or header) date."""
    page = parse_page_date(page_date)
    # the page's own date header may sit in the text ("Date:2025-04-26"): it is no evidence about the body
    found = [d for d in body_dates(timexes) if not (page and d[0] == page and len(d[2]) >= 10)]
    latest = _latest_fine(found)
    anchored = latest is not None and any(t.value == latest[2] and t.rule.endswith(":event-anchored")
                                          for t in timexes)
    gap = (page - latest[1]).days if page and latest else 0
    repost = bool(anchored and gap > REPOST_GAP_ANCHORED_DAYS and page and all(d[0].year < page.year for d in found))
    dateline = find_dateline(text)
    if dateline:
        day = _dateline_date(dateline, None if repost else page, found)
        if day:
            return Dated(day.isoformat(), "dateline", day)
    if page and latest and repost:
        years = round(gap / 365)
        span = f"{years} year{'s' if years > 1 else ''}" if years else "months"
        return Dated(latest[2], f"{source} {page.isoformat()} is {span} after the body's dates; latest body date",
                     latest[1])
    if page:
        return Dated(page.isoformat(), source, page)
    derived = [t for t in timexes if t.rule.endswith(":event-anchored")]
    days = [d for d in found if len(d[2]) == 10 or any(t.value == d[2] for t in derived)]
    if days:
        best = max(days, key=lambda d: d[1])
        return Dated(best[2], "latest body date (no page date)", best[1])
    return Dated(None, NO_EVIDENCE, None)


_AFTER_NP = re.compile(r"\s+(?:(?:the|their|its|his|her|our|this|that|a|an)\s+)?((?:(?!(?:of|in|on|to|and|by|that|"
                       r"which|with|for|at|from|when|as)\b)[\w’'-]+(?:\s+|(?=[^\w\s])|$)){1,4})")


def anchor_to_events(text: str, timexes: list[Timex]) -> list[Timex]:
    """Value "15 months after their full-scale invasion" from the date the text gives that event.

    The event is the head noun after "after"/"before"; its date is an explicit date in an earlier
    sentence that names the same noun ("its full-scale invasion ... in February 2022").
    """
    out: list[Timex] = []
    for i, t in enumerate(timexes):
        m = re.fullmatch(r"P(\d+)([YMWD])", t.value)
        tail = re.search(r"\b(after|before)$", t.text)
        if t.type != "DURATION" or not m or not tail:
            out.append(t)
            continue
        np = _AFTER_NP.match(text, t.end)
        event = np.group(1).split()[-1].lower() if np and np.group(1).split() else ""
        # the event's date comes from an earlier sentence: a date in the same one is the expression's own
        own = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        earlier = [b for b in timexes[:i] if b.end <= own]
        day = _event_date(text, earlier, event) if len(event) >= 4 else None
        if day is None:
            out.append(t)
            continue
        sign = 1 if tail.group(1) == "after" else -1
        shifted = dates.shift(day[0], sign * int(m.group(1)), m.group(2))
        gran = "D" if day[1] == "D" and m.group(2) in "DW" else "M" if day[1] in ("D", "M") else "Y"
        end = t.start + len(text[t.start:np.end()].rstrip()) if np else t.end
        out.append(Timex(t.article_id, t.start, end, text[t.start:end], "DATE", dates.value(shifted, gran),
                         rule=t.rule.rsplit(":", 1)[0] + ":event-anchored", confidence=0.6))
    return out


def _event_date(text: str, before: list[Timex], event: str) -> tuple[date, str] | None:
    """Return the date of the latest earlier explicit timex whose sentence names ``event``."""
    for t in reversed(before):
        if t.rule.rsplit(":", 1)[-1] not in ABSOLUTE_RULES:
            continue
        lo = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        hi_candidates = [p for p in (text.find(". ", t.end), text.find("\n", t.end)) if p >= 0]
        hi = min(hi_candidates) if hi_candidates else len(text)
        if re.search(rf"\b{re.escape(event)}\b", text[lo:hi], re.I):
            return dates.parse_value(t.value)
    return None

"""Normalisers: turn one grammar match into a TIMEX3 (type, value), anchored to the document date.

This module holds the registry, the shared helpers (tense, counts, durations) and the normalisers of
calendar expressions (dates, months, years, quarters, holidays); temporal/relative.py holds those counted
from a reference (weekdays, "last week", "three years ago", durations, frequencies).

Each normaliser is registered by the name rules.yaml gives it; it returns ``(type, value)`` (type
``None`` keeps the rule's type) or ``None`` to reject the match (a name, a number that is no year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from newsgraph.temporal import dates
from newsgraph.temporal.grammar import Grammar

Result = tuple[str | None, str] | None
Normaliser = Callable[[re.Match[str], "Context"], Result]
NORMALISERS: dict[str, Normaliser] = {}

UNIT_CODE = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
             "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
             "centurie": "CE"}
_NAME_BEFORE = {"in", "by", "since", "until", "early", "late", "mid", "last", "next", "this", "through", "from",
                "before", "after", "during", "of", "and", "or", "to", "on", "that", "the"}
ENDED = re.compile(r",?\s+end(?:ed|ing)\b(?:\s+(?:on\s+)?(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d\d?)\b"
                    r"(?:,?\s+(?P<year>\d{4}))?)?")
_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+$", re.I)
_BACK_REACH = 120  # how far back a tense cue may sit, within the sentence
# a period after an initial or a title ("Daniel P. Davison", "Mr. Schwarz") ends no sentence
_SENTENCE_END = re.compile(r"[\n;]|(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bCo)"
                           r"(?<!\bMrs|\bSen|\bRep|\bGov|\bGen|\bInc)(?<!\bCorp)(?<!\bLtd)[.!?][\"'”’]?\s+(?=[\"'“‘A-Z])")


@dataclass
class Context:
    """What a normaliser may look at: the text, the document date and what was said before."""

    text: str
    dct: date
    grammar: Grammar
    ref: date  # the last day-precise date mentioned ("the next day", "a day earlier" count from it)
    ref_any: date | None = None  # the last date of any precision ("later that year")
    quarter: date | None = None  # the last quarter mentioned ("the year-ago quarter")
    named_quarter: date | None = None  # set by the last normaliser call that named a quarter outright
    memo: dict[int, str | None] = field(default_factory=dict)


def register(name: str) -> Callable[[Normaliser], Normaliser]:
    """Register a normaliser under the name rules.yaml uses."""
    def wrap(fn: Normaliser) -> Normaliser:
        NORMALISERS[name] = fn
        return fn
    return wrap


def tense(ctx: Context, start: int, end: int, reach: int = _BACK_REACH) -> str | None:
    """Return 'future' or 'past' from the tense cue nearest the span in its sentence, or None."""
    lo, hi = max(0, start - reach), min(len(ctx.text), end + min(30, reach))
    before = list(_SENTENCE_END.finditer(ctx.text, lo, start))
    lo = before[-1].end() if before else lo
    after = _SENTENCE_END.search(ctx.text, end, hi)
    hi = after.start() if after else hi
    best: tuple[int, int, str] | None = None
    for kind, cue in (("future", ctx.grammar.future_cue), ("past", ctx.grammar.past_cue)):
        for m in cue.finditer(ctx.text, lo, hi):
            if m.start() < end and m.end() > start:
                continue  # the cue is inside the timex itself
            gap = start - m.end() if m.end() <= start else m.start() - end
            # on a tie the longer cue wins: "had been due to" is past, though it ends in "due to"
            if best is None or (gap, -len(m.group(0))) < best[:2]:
                best = (gap, -len(m.group(0)), kind)
    return best[2] if best else None


def count(word: str | None, ctx: Context) -> float | None:
    """Return the number a count word or numeral stands for; None for a vague count ("several")."""
    if not word:
        return 1
    word = " ".join(word.lower().replace("-", " ").split())
    for half in (" 1/2", " and a half"):
        if word.endswith(half):
            whole = count(word[:-len(half)], ctx)
            return None if whole is None else whole + 0.5
    if word.replace(".", "", 1).isdigit():
        return float(word)
    table = ctx.grammar.tables["numbers"]
    if word in table:
        got = table[word]
        return None if got == "X" else float(got)
    parts = word.split()
    if len(parts) == 2 and parts[0] in table and parts[1] in table:
        return float(table[parts[0]]) + float(table[parts[1]])
    return None


def period(amount: float | None, code: str) -> str:
    """Return a TIMEX3 duration: P3Y, PT5H, PXM; fractions go down a unit (1.5 years = P18M)."""
    if code in ("DE", "CE"):
        amount, code = (None if amount is None else amount * (10 if code == "DE" else 100)), "Y"
    if amount is not None and amount != int(amount) and code in ("Y", "H"):
        whole, part = int(amount), round((amount - int(amount)) * (12 if code == "Y" else 60))
        if whole == 0:
            return f"P{part}M" if code == "Y" else f"PT{part}M"
        return f"P{whole}Y{part}M" if code == "Y" else f"PT{whole}H{part}M"
    smaller = {"Y": (12, "M"), "Q": (3, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
    if amount is not None and amount != int(amount) and code in smaller:
        factor, code = smaller[code]
        amount = round(amount * factor)
    if code == "FN":
        amount, code = (None if amount is None else 2 * amount), "W"
    if code == "WE":
        amount, code = (None if amount is None else 2 * amount), "D"
    n = "X" if amount is None else str(int(amount))
    return {"S": f"PT{n}S", "MIN": f"PT{n}M", "H": f"PT{n}H"}.get(code, f"P{n}{code}")


def granularity(code: str) -> str:
    """Return the date granularity a unit is said at (hours and minutes: the day)."""
    return {"S": "D", "MIN": "D", "H": "D", "FN": "W", "CE": "CE"}.get(code, code)


@register("absolute")
def _absolute(m: re.Match[str], ctx: Context) -> Result:
    """Return a date written with its year: 2022-01-21, 21 January 2022, 1/21/22, January 2022."""
    g = m.groupdict()
    year = int(g["year"])
    if year < 100:
        year += 1900 if year > ctx.dct.year % 100 + 10 else 2000
    month = int(g["mnum"]) if g.get("mnum") else ctx.grammar.tables["months"][g["month"].lower()]
    if not g.get("day"):
        return None, f"{year:04d}-{month:02d}"
    day = dates.safe_date(year, month, int(g["day"]))
    if day is None:
        return None
    if g.get("hour"):
        return "TIME", f"{day.isoformat()}T{g['hour']}:{g['minute']}"
    return None, day.isoformat()


@register("month_day")
def month_day(m: re.Match[str], ctx: Context) -> Result:
    """Return a date written without its year ("Jan. 21", "March 14"): the year the context points to."""
    month = ctx.grammar.tables["months"][m.group("month").lower()]
    day_n = int(m.group("day"))
    year = _news_year(ctx, month, m)
    day = dates.safe_date(year, month, day_n)
    return (None, day.isoformat()) if day else None


def _looks_like_name(m: re.Match[str], ctx: Context, group: str) -> bool:
    """Return True when a month word sits in a personal name ("Theresa May", "June Carter")."""
    before = ctx.text[max(0, m.start(group) - 30):m.start(group)].split()
    after = ctx.text[m.end(group):m.end(group) + 20].split()
    prev = before[-1] if before else ""
    if prev[:1].isupper() and prev.lower().strip(",") not in _NAME_BEFORE and not prev.endswith((".", ",")):
        return True
    nxt = after[0] if after else ""
    return nxt[:1].isupper() and not nxt.isupper() and ctx.text[m.end(group):m.end(group) + 1] not in ",."


@register("month")
def _month(m: re.Match[str], ctx: Context) -> Result:
    """Return a month named alone ("in March", "last April") at month granularity."""
    word = m.group("month")
    if len(word) <= 4 and word not in ("May", "June", "July") and not ctx.text.startswith(".", m.end()):
        return None  # a bare "Jan" or "Mar" is more often a name than a month
    if _looks_like_name(m, ctx, "month"):
        return None
    month = ctx.grammar.tables["months"][word.lower()]
    rel = (m.group("rel") or "").lower()
    if rel == "last" or rel == "past":
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = _news_year(ctx, month, m)
    return None, f"{year:04d}-{month:02d}"


def _news_year(ctx: Context, month: int, m: re.Match[str]) -> int:
    """Return the year of a month named without one: the document's, or the next when future tense says so."""
    said = tense(ctx, m.start(), m.end())
    if said != "future" and _DEADLINE.search(ctx.text, max(0, m.start() - 12), m.start()):
        said = "future"  # "by February", "through January": a deadline, seldom a month gone by
    return dates.month_year(ctx.dct, month, said)


@register("decade")
def _decade(m: re.Match[str], ctx: Context) -> Result:
    """Return a decade: "the 1990s" = 199, "the '80s" = 198."""
    g = m.groupdict()
    if g.get("decade"):
        return None, g["decade"]
    if g.get("decadeword"):
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        return None, f"19{tens.index(g['decadeword'].lower()) + 2}"
    return None, f"19{m.group('decade2')}"


@register("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> Result:
    """Return the date of a named holiday in the year the context points to."""
    g = m.groupdict()
    if g.get("thanksgiving"):
        month, day_n = 11, 0
    else:
        month, day_n = (int(x) for x in ctx.grammar.tables["holidays"][" ".join(g["holiday"].lower().split())]
                        .split("-"))
    if g.get("year"):
        year = int(g["year"])
    else:
        rel = (g.get("rel") or "").lower()
        direction = {"last": "past", "next": "future"}.get(rel) or tense(ctx, m.start(), m.end()) or "past"
        year = dates.month_year(ctx.dct, month, direction)
    day = dates.nth_weekday(year, 11, 4, 4) if not day_n else dates.safe_date(year, month, day_n)
    return (None, day.isoformat()) if day else None


@register("year")
def _year(m: re.Match[str], ctx: Context) -> Result:
    """Return a year; reject counts ("2000 people") and numbers in a series."""
    year = int(m.group("year"))
    after = ctx.text[m.end():m.end() + 25]
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    nxt = re.match(r"\s+([a-z]+)", after)
    counted = year % 50 == 0 or re.search(r"(about|some|nearly|than|over|almost|around|up to|another)\s*$", before)
    if nxt and counted and nxt.group(1).endswith("s") and nxt.group(1) not in ("was", "is", "has", "as", "its"):
        return None  # "2000 troops", "some 1800 soldiers"; but "1989 sales" is a year
    if re.search(r"(no\.|number|route|flight|room|model|resolution|article|page|boeing|airbus|\$)\s*$", before):
        return None
    if abs(year - ctx.dct.year) > 300:
        return None
    return None, f"{year:04d}"


def _quarter_year(m: re.Match[str], ctx: Context, quarter: int) -> int:
    """Return the year of a quarter named without one: the most recent such quarter unless future tense."""
    g = m.groupdict()
    if g.get("year"):
        return int(g["year"])
    yrel = (g.get("yrel") or g.get("rel") or "").lower()
    if yrel.startswith(("last", "year-ago", "year-earlier")):
        return ctx.dct.year - 1
    if yrel.startswith("next"):
        return ctx.dct.year + 1
    if yrel.startswith("this"):
        return ctx.dct.year
    current = (ctx.dct.month - 1) // 3 + 1
    if quarter > current and tense(ctx, m.start(), m.end()) != "future":
        return ctx.dct.year - 1
    return ctx.dct.year


@register("quarter")
def _quarter(m: re.Match[str], ctx: Context) -> Result:
    """Return a quarter ("the third quarter", "fourth-quarter") as 2013-Q3."""
    n = ctx.grammar.tables["ordinals"][m.group("ordinal").lower()]
    if m.group(0).lower().rstrip().endswith("period"):
        return None
    return None, f"{_quarter_year(m, ctx, n):04d}-Q{n}"


@register("q_quarter")
def _q_quarter(m: re.Match[str], ctx: Context) -> Result:
    """Return "Q3", "Q3 2013" as 2013-Q3."""
    n = int(m.group("qn"))
    if m.group("fy"):
        return None, f"20{m.group('fy')}-Q{n}"
    return None, f"{_quarter_year(m, ctx, n):04d}-Q{n}"


def _base_quarter(ctx: Context) -> date:
    """Return the first day of the quarter in focus: the last one mentioned, else the last complete one."""
    if ctx.quarter:
        return ctx.quarter
    start = date(ctx.dct.year, 3 * ((ctx.dct.month - 1) // 3) + 1, 1)
    return dates.add_months(start, -3)


@register("the_quarter")
def _the_quarter(m: re.Match[str], ctx: Context) -> Result:
    """Return "the quarter", "the latest quarter", "the year-ago period" from the quarter in focus."""
    rel = (m.group("rel") or "").lower()
    if m.group("det").lower() in ("this", "that") and rel:
        return None
    if m.group("det").lower() == "this":
        rel = "current"
    is_period = m.group(0).lower().endswith("period")
    if is_period and rel not in ("latest", "year-ago", "year-earlier", "comparable"):
        return None
    closing = ended(m, ctx)
    if closing and not rel:
        # "the quarter ended Sept. 30" is the three months up to that day, whatever was in focus
        ctx.named_quarter = dates.shift(closing, -45, "D")
        return None, dates.value(ctx.named_quarter, "Q")
    base = _base_quarter(ctx)
    if rel == "latest" and ctx.quarter and dates.last_day(ctx.quarter, "Q") > ctx.dct:
        base = _base_quarter(replace(ctx, quarter=None))  # the latest quarter is over: not one still running
    if rel == "current":
        base = date(ctx.dct.year, 3 * ((ctx.dct.month - 1) // 3) + 1, 1)
    elif rel in ("year-ago", "year-earlier", "comparable"):
        base = dates.add_months(base, -12)
    elif rel in ("past", "last", "previous") and not ctx.quarter:
        base = _base_quarter(ctx)
    return None, dates.value(base, "Q")


@register("quarter_year_ago")
def _quarter_year_ago(m: re.Match[str], ctx: Context) -> Result:
    """Return "the quarter a year ago", "the corresponding period last year": the quarter in focus, a year back."""
    return None, dates.value(dates.add_months(_base_quarter(ctx), -12), "Q")


@register("year_ago")
def _year_ago(m: re.Match[str], ctx: Context) -> Result:
    """Return the adjective "year-earlier"/"year-ago": the year before, a quarter back if one is in focus."""
    if ctx.quarter:
        return None, dates.value(dates.add_months(ctx.quarter, -12), "Q")
    return None, f"{ctx.dct.year - 1:04d}"


@register("half")
def _half(m: re.Match[str], ctx: Context) -> Result:
    """Return a half year ("the first half of 2013") as 2013-H1."""
    n = 1 if m.group("half").lower() in ("first", "1st") else 2
    if m.group("half").lower() == "last" and not (m.groupdict().get("year") or m.groupdict().get("yrel")):
        return None  # "the last half" alone is a duration more often than a date
    g = m.groupdict()
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yrel"):
        year = ctx.dct.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
    else:
        year = ctx.dct.year - (1 if n == 2 and ctx.dct.month <= 6 and tense(ctx, m.start(), m.end()) != "future"
                               else 0)
    return None, f"{year:04d}-H{n}"


@register("season")
def _season(m: re.Match[str], ctx: Context) -> Result:
    """Return a season ("last fall", "the summer of 2012") as 2012-SU."""
    g = m.groupdict()
    code = ctx.grammar.tables["seasons"][g["season"].lower()]
    text = m.group(0).lower()
    if not g.get("year") and text.startswith(g["season"].lower()) and not ctx.text[:m.start()].lower().endswith(
            ("in the ", "during the ", "by the ", "until the ", "through the ", "since the ", "over the ", "into the ",
             "throughout the ")):
        return None  # a bare "fall" or "spring" is more often a verb or a noun
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    rel = (g.get("rel") or "").lower().replace("the ", "")
    if g.get("year"):
        year = int(g["year"])
    elif rel in ("last", "past"):
        year = ctx.dct.year if start + 3 <= ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming"):
        year = ctx.dct.year if start > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    elif tense(ctx, m.start(), m.end()) == "past" and start > ctx.dct.month:
        year = ctx.dct.year - 1
    else:
        year = ctx.dct.year
    return None, f"{year:04d}-{code}"


@register("month_rel_year")
def _month_rel_year(m: re.Match[str], ctx: Context) -> Result:
    """Return "June last year", "January this year" as a month."""
    month = ctx.grammar.tables["months"][m.group("month").lower()]
    year = ctx.dct.year + {"last": -1, "next": 1}.get(m.group("yrel").lower(), 0)
    return None, f"{year:04d}-{month:02d}"


@register("spoken_year")
def _spoken_year(m: re.Match[str], ctx: Context) -> Result:
    """Return a year said in words ("nineteen ninety-six") as 1996."""
    base = 1900 if m.group("spoken").lower() == "nineteen" else 2000
    if not m.group("rest"):
        return (None, "2000") if base == 2000 and m.group(0).lower().startswith("the year") else None
    rest = count(m.group("rest"), ctx)
    if rest is None:
        return None
    return None, f"{base + int(rest):04d}"


@register("century")
def _century(m: re.Match[str], ctx: Context) -> Result:
    """Return "the 20th century" as 19."""
    n = int(m.group("century"))
    return (None, f"{n - 1:02d}") if 0 < n <= 21 else None


@register("fiscal_year")
def _fiscal_year(m: re.Match[str], ctx: Context) -> Result:
    """Return "the full year", "the fiscal year", "by year-end" as the document's year."""
    if ENDED.match(ctx.text, m.end()):
        return "DURATION", "P1Y"  # "the fiscal year ended Jan. 31": the twelve months up to that day
    return None, f"{ctx.dct.year:04d}"


def ended(m: re.Match[str], ctx: Context) -> date | None:
    """Return the closing day of a period said with it ("the quarter ended Sept. 30"), or None."""
    closing = ENDED.match(ctx.text, m.end())
    if not closing or not closing.group("month"):
        return None
    month = ctx.grammar.tables["months"].get(closing.group("month").lower())
    if month is None:
        return None
    year = int(closing.group("year")) if closing.group("year") else dates.month_year(
        ctx.dct, month, "future" if "ending" in closing.group(0).lower() else "past")
    return dates.safe_date(year, month, int(closing.group("day")))


@register("year_quarter")
def _year_quarter(m: re.Match[str], ctx: Context) -> Result:
    """Return "the 1988 second quarter" (1988-Q2) or "the 1988 period" (the quarter in focus, in 1988)."""
    year = int(m.group("year"))
    if m.group("ordinal2"):
        return None, f"{year:04d}-Q{ctx.grammar.tables['ordinals'][m.group('ordinal2').lower()]}"
    base = _base_quarter(ctx)
    return None, f"{year:04d}-Q{(base.month - 1) // 3 + 1}"


@register("easter")
def _easter(m: re.Match[str], ctx: Context) -> Result:
    """Return Easter and the feasts counted from it ("Good Friday") in the year the context points to."""
    g = m.groupdict()
    offset = int(ctx.grammar.tables["easter"][" ".join(g["easter"].lower().split())])
    if g.get("year"):
        year = int(g["year"])
    else:
        rel = (g.get("rel") or "").lower()
        direction = {"last": "past", "next": "future"}.get(rel) or tense(ctx, m.start(), m.end()) or "past"
        year = ctx.dct.year
        day = dates.easter(year) + timedelta(days=offset)
        if direction == "past" and day > ctx.dct + timedelta(days=60):
            year -= 1
        elif direction == "future" and day < ctx.dct:
            year += 1
    return None, (dates.easter(year) + timedelta(days=offset)).isoformat()


@register("numeric_date")
def _numeric_date(m: re.Match[str], ctx: Context) -> Result:
    """Return 1/21/22 (month first, as US news writes it) or 21/01/2022 (day first, when the first is > 12)."""
    first, second = int(m.group("n1")), int(m.group("n2"))
    month, day_n = (second, first) if first > 12 else (first, second)
    if month > 12 or (m.group(0).count(".") and len(m.group("year")) == 2):
        return None  # "1.5.22" is more often a version or a score than a date
    year = int(m.group("year"))
    if year < 100:
        year += 1900 if year > ctx.dct.year % 100 + 10 else 2000
    day = dates.safe_date(year, month, day_n)
    return (None, day.isoformat()) if day else None


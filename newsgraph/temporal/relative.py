"""Normalisers of expressions counted from a reference: weekdays, "last week", "three years ago", durations,
frequencies, clock times and vague references (registered into ``normalise.NORMALISERS`` on import)."""

from __future__ import annotations

import re
from datetime import timedelta

from newsgraph.temporal import dates
from newsgraph.temporal.normalise import (
    ENDED,
    UNIT_CODE,
    Context,
    Result,
    count,
    granularity,
    month_day,
    period,
    register,
    tense,
)

_BACK = {"last", "past", "previous", "the last", "the past", "the previous", "the prior", "this past"}
_FORWARD = {"next", "coming", "the coming", "the next", "the following", "following"}
_FROM_REF = {"the previous", "the prior", "the next", "the following", "the same", "that same", "that"}
_NOT_PLURAL = {"was", "has", "this", "less", "plus", "thus", "always", "perhaps", "across", "unless", "its", "his",
               "hers", "yours", "ours", "theirs", "is", "as", "us", "does", "takes", "lasts", "gets", "makes"}
_PAST_VERB_AFTER = re.compile(r",?\s+[a-z]{3,}ed\b")
_ANCHORED_AFTER = re.compile(r"\s+(?:before|after|following|prior)\b")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|shall|must|to)\s+$", re.I)
_PAST_VERB_BEFORE = re.compile(r"\b[a-z]{3,}ed(?:\s+on)?\s+$")
_QUANTITY = {"million", "billion", "thousand", "trillion", "percent", "cents", "dollars", "euros", "pounds"}


@register("deictic_day")
def _deictic_day(m: re.Match[str], ctx: Context) -> Result:
    """Return today, yesterday, tomorrow, tonight (and "yesterday morning") as dates."""
    word = m.group("deictic").lower()
    day = ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    part = m.group("daypart")
    if part:
        return "TIME", f"{day.isoformat()}T{ctx.grammar.tables['dayparts'][part.lower()]}"
    if word == "tonight":
        return "TIME", f"{day.isoformat()}TNI"
    return None, day.isoformat()


@register("this_daypart")
def _this_daypart(m: re.Match[str], ctx: Context) -> Result:
    """Return "this morning", "last night" as a date with its part of day."""
    rel = " ".join(m.group("rel").lower().split())
    part = ctx.grammar.tables["dayparts"][m.group("daypart").lower()]
    base = ctx.ref if rel.startswith(("the ", "that")) else ctx.dct
    step = {"last": -1, "yesterday": -1, "tomorrow": 1, "the next": 1, "the following": 1, "the previous": -1}
    day = base + timedelta(days=step.get(rel, 0))
    if rel == "last" and part != "NI":
        return None  # "last morning" is no timex
    return "TIME", f"{day.isoformat()}T{part}"


@register("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> Result:
    """Return a weekday as a date: the most recent one unless "next" or the tense points forward."""
    word = m.group("weekday")
    if len(word) <= 4 and not ctx.text.startswith(".", m.end("weekday")):
        if not re.match(r",? (?:\w+\.? )?\d", ctx.text[m.end():m.end() + 12]):
            return None  # "Wed" without a date after it
    weekday = ctx.grammar.tables["weekdays"][word.lower()]
    rel = (m.groupdict().get("rel") or "").lower()
    if rel in ("next", "coming", "following"):
        direction = "next"
    elif rel in ("last", "past", "previous"):
        direction = "last"
    elif ctx.text.startswith("'s", m.end("weekday")):
        direction = "past"  # "Wednesday's ruling" names a day already reported
    else:
        # a past verb next to the weekday ("predicted Wednesday") outweighs a future cue further off
        said = tense(ctx, m.start(), m.end())
        if said == "future" and _past_verb_beside(ctx, m) and tense(ctx, m.start(), m.end(), reach=40) is None:
            said = "past"
        direction = "future" if said == "future" else "past"
        if said is None and (ctx.dct - dates.weekday_near(ctx.dct, weekday, "past")).days == 6 \
                and not _PAST_VERB_AFTER.match(ctx.text, m.end()):
            direction = "future"  # with no tense to go by, "Tuesday" said on a Monday is tomorrow, not six days ago
    day = dates.weekday_near(ctx.dct, weekday, direction)
    part = m.groupdict().get("daypart")
    if part:
        return "TIME", f"{day.isoformat()}T{ctx.grammar.tables['dayparts'][part.lower()]}"
    return None, day.isoformat()


def _past_verb_beside(ctx: Context, m: re.Match[str]) -> bool:
    """Return True when a past-tense verb sits right before or after a weekday ("announced Wednesday")."""
    return bool(_PAST_VERB_AFTER.match(ctx.text, m.end())
                or _PAST_VERB_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()))


@register("weekday_set")
def _weekday_set(m: re.Match[str], ctx: Context) -> Result:
    """Return a recurring weekday ("every Friday", "on Fridays") as XXXX-WXX-5."""
    if m.group("quant").lower() == "on" and not m.group("plural"):
        return None
    return "SET", f"XXXX-WXX-{ctx.grammar.tables['weekdays'][m.group('weekday').lower()]}"


@register("time_of_day")
def _time_of_day(m: re.Match[str], ctx: Context) -> Result:
    """Return a clock time on the document date ("10:35 a.m." = 2013-03-22T10:35)."""
    g = m.groupdict()
    if g.get("noon"):
        clock = "24:00" if g["noon"].lower() == "midnight" else "12:00"
    else:
        hour = int(g["hour"])
        ampm = (g.get("ampm") or "").lower()
        if hour > 12 and ampm:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{g.get('minute') or '00'}"
    return None, f"{ctx.dct.isoformat()}T{clock}"


@register("relative_unit")
def _relative_unit(m: re.Match[str], ctx: Context) -> Result:
    """Return "last week", "next month", "earlier this year", "the previous day" at the unit's granularity."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    code = UNIT_CODE[unit]
    mod = (m.group("mod") or "").lower()
    if rel == "the" and unit in ("day", "night", "month", "decade", "century") and not (
            mod and unit == "month"):
        return None  # "the day", "the month" alone rarely mean a date; "the end of the month" does
    if rel == "the" and code == "Y" and ENDED.match(ctx.text, m.end()):
        return "DURATION", "P1Y"  # "for the year ended Sept. 30": the twelve months up to that day
    if rel in ("the past", "the last", "past", "last") and code in ("DE", "CE"):
        return "DURATION", period(1, code)  # "the past decade" is the ten years up to now
    base = ctx.ref if rel in _FROM_REF else ctx.dct
    if rel in ("that", "the same", "that same") and code != "D":
        if ctx.ref_any is None:
            return None
        base = ctx.ref_any
    step = -1 if rel in _BACK else 1 if rel in _FORWARD else 0
    if code == "WE":
        if step == 0 and rel in ("this", "the") and ctx.dct.isoweekday() <= 5:
            said = tense(ctx, m.start(), m.end())
            if said == "future" or (rel == "this" and said is None):
                step = 1  # "this weekend" said on a weekday is the coming one
        saturday = dates.weekday_near(ctx.dct, 6, "past" if step <= 0 else "future")
        if step < 0 and ctx.dct.isoweekday() >= 6:
            saturday -= timedelta(days=7)
        elif step > 0 and ctx.dct.isoweekday() >= 6:
            saturday += timedelta(days=7)
        return None, dates.value(saturday, "WE")
    day = dates.shift(base, step, code)
    if unit == "night":
        return "TIME", f"{day.isoformat()}TNI"
    return None, dates.value(day, granularity(code))


def _quarter_shift(ctx: Context, amount: float, code: str, sign: int) -> str | None:
    """Return a year-shift of the quarter in focus ("a year ago" in an earnings report = 2012-Q3)."""
    if ctx.quarter and code == "Y" and amount == int(amount):
        return dates.value(dates.add_months(ctx.quarter, sign * 12 * int(amount)), "Q")
    return None


@register("ago")
def _ago(m: re.Match[str], ctx: Context) -> Result:
    """Return "three years ago", "a week ago" at the unit's granularity; a vague count is PAST_REF."""
    g = m.groupdict()
    amount = count(g.get("num"), ctx) if g.get("num") else None
    code = UNIT_CODE[g["unit"].lower()]
    if amount is None or amount != int(amount):
        return None, "PAST_REF"
    quarter = _quarter_shift(ctx, amount, code, -1)
    if quarter:
        return None, quarter
    return None, dates.value(dates.shift(ctx.dct, -int(amount), code), granularity(code))


@register("shifted")
def _shifted(m: re.Match[str], ctx: Context) -> Result:
    """Return "a day earlier", "two years later" from the date in focus; "15 months after X" is a duration."""
    g = m.groupdict()
    amount = count(g.get("num"), ctx)
    code = UNIT_CODE[g["unit"].lower()]
    direction = g["dir"].lower()
    rest = ctx.text[m.end():m.end() + 3]
    if direction in ("before", "after", "prior") and re.match(r"\s*[\w\"“']", rest):
        return "DURATION", period(amount, code)  # anchored to an event, not to a date
    if amount is None or amount != int(amount):
        return None, "PAST_REF" if direction in ("earlier", "before", "previously", "prior") else "FUTURE_REF"
    sign = -1 if direction in ("earlier", "before", "previously", "prior") else 1
    quarter = _quarter_shift(ctx, amount, code, sign)
    if quarter:
        return None, quarter
    return None, dates.value(dates.shift(ctx.ref, sign * int(amount), code), granularity(code))


@register("unit_before")
def _unit_before(m: re.Match[str], ctx: Context) -> Result:
    """Return "the day before", "the year after" closing a clause: one unit from the date in focus."""
    code = UNIT_CODE[m.group("unit").lower()]
    step = -1 if m.group("dir").lower() in ("before", "earlier") else 1
    base = ctx.ref if code == "D" else ctx.ref_any or ctx.dct
    day = dates.shift(base, step, code)
    if m.group("unit").lower() == "night":
        return "TIME", f"{day.isoformat()}TNI"
    return None, dates.value(day, granularity(code))


@register("duration")
def _duration(m: re.Match[str], ctx: Context) -> Result:
    """Return a duration ("three years", "the past two months", "a two-day visit", "years") as P3Y."""
    g = m.groupdict()
    code = UNIT_CODE[g["unit"].lower()]
    if code == "Q" and ("-quarters" in m.group(0).lower() or ctx.text.startswith(" of", m.end())):
        return None  # "three-quarters of its food"
    if code == "S" and (g.get("num") or "").lower() in ("a", "an", "one"):
        return None  # "a second group"
    if m.group(0).lower() == "one day" and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day to come, not 24 hours
    if (g.get("num") or "").lower() in ("a", "an") and re.search(r"s(?:[- ]long)?$", m.group(0), re.I):
        return None, period(None, code)  # "a weeks-long standoff"
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", g.get("num") or ""):
        return None  # "the 1988 quarter" names a year, not 1988 quarters
    if g.get("num") is None:
        if m.group(0)[-1:] == "s" and _ANCHORED_AFTER.match(ctx.text, m.end()):
            return None  # "in the weeks before the shooting" is a stretch of dates, not a known length
        if (g.get("rel") or "").lower() == "recent" and code == "Y":
            return "DATE", "PAST_REF"
        amount = None
    else:
        amount = count(g["num"], ctx)
        if amount is not None and g.get("andhalf"):
            amount += 0.5  # "a year and a half"
    return None, period(amount, code)


@register("set_every")
def _set_every(m: re.Match[str], ctx: Context) -> Result:
    """Return a frequency ("every week", "twice a year", "$5 billion a year") as a SET value."""
    g = m.groupdict()
    text = m.group(0).lower()
    code = UNIT_CODE[g["unit"].lower()]
    if text.startswith(("a ", "an ")) and not g.get("times"):
        words = ctx.text[max(0, m.start() - 30):m.start()].split()
        prev = words[-1].lower().strip(",") if words else ""
        plural = prev.endswith("s") and len(prev) > 3 and prev not in _NOT_PLURAL
        if not (plural or prev in _QUANTITY or prev[-1:].isdigit() or prev.endswith("%")):
            return None
        if re.match(r"\s+(?:into|after|before|later|ago|earlier|of)\b", ctx.text[m.end():m.end() + 8]):
            return None  # "a month into the conflict"
    amount: float | None = 1
    if g.get("other"):
        amount = 2 if g["other"].lower() == "other" else count(g.get("num"), ctx)
    return None, period(amount, code)


@register("set_word")
def _set_word(m: re.Match[str], ctx: Context) -> Result:
    """Return a frequency adverb ("daily", "annually") as a SET value."""
    return None, ctx.grammar.tables["sets"][m.group("set").lower()]


@register("vague")
def _vague(m: re.Match[str], ctx: Context) -> Result:
    """Return PRESENT_REF, PAST_REF or FUTURE_REF for "now", "recently", "the future"."""
    return None, ctx.grammar.tables["vague"][" ".join(m.group("vague").lower().split())]


@register("time_weekday")
def _time_weekday(m: re.Match[str], ctx: Context) -> Result:
    """Return "10 p.m. Wednesday", "noon Thursday" as the weekday's date with the clock time."""
    day = _weekday(m, ctx)
    clock = _time_of_day(m, ctx)
    if not day or not clock:
        return None
    return "TIME", f"{day[1][:10]}{clock[1][10:]}"


@register("time_date")
def _time_date(m: re.Match[str], ctx: Context) -> Result:
    """Return "5 p.m. EST Nov. 9" as the date with the clock time."""
    day = month_day(m, ctx)
    clock = _time_of_day(m, ctx)
    if not day or not clock:
        return None
    return "TIME", f"{day[1][:10]}{clock[1][10:]}"

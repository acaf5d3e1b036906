"""Find temporal expressions in a text and normalise them to TIMEX3 values against a document date."""

from __future__ import annotations

import re
from datetime import date

from newsgraph.records import Timex
from newsgraph.temporal import dates, relative  # noqa: F401 (importing relative registers its normalisers)
from newsgraph.temporal.grammar import Rule, load_grammar
from newsgraph.temporal.normalise import NORMALISERS, Context

VERSION = "newsgraph-timex@1"
# a timex reaches at most this far before and after its trigger word ("the first nine months", "Jan. 21, 2022")
_BEFORE, _AFTER = 60, 60
_NAMED_QUARTER = ("quarter", "q-quarter")  # rules that name a quarter outright: it takes the focus
_PREPOSITION = re.compile(r"(?:in|during|by|until|through|since|over|for|into|throughout|at|on)\s+", re.I)


def _candidates(text: str, ctx: Context) -> list[tuple[int, int, Rule]]:
    """Return every rule match that its normaliser accepts, as (start, end, rule)."""
    found: set[tuple[int, int, Rule]] = set()
    ctx.ref_any = ctx.dct  # while collecting, a reference date of any precision is assumed to exist
    segments = _segments(text)
    for rule in load_grammar().rules:
        norm = NORMALISERS[rule.norm]
        for lo, hi in segments:
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() > m.start() and norm(m, ctx) is not None:
                    found.add((m.start(), m.end(), rule))
    return list(found)


def _segments(text: str) -> list[tuple[int, int]]:
    """Return the merged windows around trigger words: the only places a timex can start or end."""
    segments: list[tuple[int, int]] = []
    for m in load_grammar().trigger.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if segments and lo <= segments[-1][1]:
            segments[-1] = (segments[-1][0], hi)
        else:
            segments.append((lo, hi))
    return segments


def _select(candidates: list[tuple[int, int, Rule]]) -> list[tuple[int, int, Rule]]:
    """Keep non-overlapping matches: the longest first, then the rule listed first."""
    chosen: list[tuple[int, int, Rule]] = []
    taken: list[tuple[int, int]] = []
    for start, end, rule in sorted(candidates, key=lambda c: (c[0] - c[1], c[2].priority, c[0])):
        if all(end <= s or start >= e for s, e in taken):
            chosen.append((start, end, rule))
            taken.append((start, end))
    return sorted(chosen, key=lambda c: c[0])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading preposition, trailing spaces and a sentence-final period from an extent."""
    lead = _PREPOSITION.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()  # TIMEX3 extents leave out the preposition: "in the summer" is "the summer"
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if text[end - 1:end] == "." and end - start > 1:
        word = text[start:end - 1].split()[-1] if text[start:end - 1].split() else ""
        if len(word) > 4 and "." not in word:
            end -= 1  # a sentence-final period, not an abbreviation ("Jan.", "a.m.")
    return start, end


def tag(text: str, dct: date, article_id: str = "") -> list[Timex]:
    """Return the timexes of ``text`` in order, valued against the document date ``dct``."""
    grammar = load_grammar()
    ctx = Context(text=text, dct=dct, grammar=grammar, ref=dct)
    out: list[Timex] = []
    candidates = _candidates(text, ctx)
    ctx.ref_any = None
    for start, end, rule in _select(candidates):
        m = rule.regex.match(text, start, end)
        ctx.named_quarter = None
        result = NORMALISERS[rule.norm](m, ctx) if m else None
        if result is None:
            continue
        kind, value = result
        start, end = _trim(text, start, end)
        out.append(Timex(article_id, start, end, text[start:end], kind or rule.type, value,
                         rule=f"{VERSION}:{rule.name}", confidence=0.8))
        _focus(ctx, value, rule.name)
    return out


def _focus(ctx: Context, value: str, rule: str) -> None:
    """Move the reference date to a day-precise timex, and remember the last quarter named outright."""
    parsed = dates.parse_value(value)
    if not parsed:
        return
    day, gran = parsed
    ctx.ref_any = day
    if gran == "D":
        ctx.ref = day
    elif gran == "Q" and (rule in _NAMED_QUARTER or ctx.named_quarter) and dates.last_day(day, "Q") <= ctx.dct:
        # results are reported for quarters that are over: a forecast for one still running does not take focus
        ctx.quarter = day

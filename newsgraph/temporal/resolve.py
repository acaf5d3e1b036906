"""Entry point of the time stage: timexes valued against the article's real date, and date anchors.

Which tagger, and why. The candidates were measured before writing this one. ``ms_recognizers_date_time``
finds extents well (relaxed F1 0.88 on the first 40 TBAQ-cleaned documents) but values them for a chat
assistant: "Friday" is an underspecified XXXX-WXX-5 with a past and a future reading, no TIMEX3 quarters
or PRESENT_REF/PAST_REF, and it costs about 430 ms per document (value F1 0.45 there with its past
reading; 0.63 on TE3-Platinum per the bench README). dateparser's ``search_dates`` has low extent recall
and no TIMEX3 values for weeks, durations or sets (0.34). Neither gives news conventions, so the stage uses
its own grammar (temporal/tagger.py over data/rules.yaml and data/lexicon.yaml): regular expressions with
named placeholders, run only near trigger words, valued by registered normalisers that follow news
conventions (a bare weekday is the latest one on or before the document date unless the tense or "next"
points forward; a month without a year is the one up to nine months back; "a day earlier" counts from
the last date named). On the same 40 documents it scores value F1 0.76 at about 15 ms per document;
``newsgraph bench time`` gives the full figures.

Steps: tag once against the page date; estimate the real date (dateline, body dates, page date: a page
date years after every dated event is a re-post); tag again against that date when it differs; anchor
clauses to the timex their verb governs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from newsgraph.records import ActorAnalysis, Article, TimeAnalysis, Timex
from newsgraph.temporal import tenure
from newsgraph.temporal.anchors import build_anchors
from newsgraph.temporal.dating import (
    ABSOLUTE_RULES,
    NO_EVIDENCE,
    Dated,
    anchor_to_events,
    body_dates,
    estimate,
    header_date,
    parse_page_date,
)
from newsgraph.temporal.tagger import tag

# any fixed day serves when the article has no date at all: DCT-dependent values are then underspecified
_NO_DATE = date(2000, 1, 3)
_VALUE_FREE = ABSOLUTE_RULES | {"decade", "decade-short", "century", "decade-words", "duration", "bare-units",
                                "set-every", "set-times", "set-word", "vague", "weekday-set", "event-anchored"}


def _tag(article: Article, dct: date) -> list[Timex]:
    """Tag the article text against ``dct`` and value event-anchored expressions."""
    return anchor_to_events(article.text, tag(article.text, dct, article.id))


def _underspecify(timexes: list[Timex]) -> list[Timex]:
    """Without any date evidence, keep what does not depend on the document date ("Friday" = XXXX-WXX-5)."""
    out = []
    for t in timexes:
        rule = t.rule.rsplit(":", 1)[-1]
        if rule in _VALUE_FREE:
            out.append(t)
        elif rule == "weekday":
            weekday = date.fromisoformat(t.value[:10]).isoweekday()
            out.append(replace(t, value=f"XXXX-WXX-{weekday}", confidence=0.5))
        elif rule in ("month", "month-day") and re.match(r"\d{4}-", t.value):
            out.append(replace(t, value="XXXX" + t.value[4:], confidence=0.5))
    return out


def resolve_times(article: Article, doc: Doc, actors: ActorAnalysis | None = None) -> TimeAnalysis:
    """Return the article's timexes, its best real-date estimate with evidence, and date anchors.

    With the ``actors`` of the article, a page date outside the terms of the offices the text states is
    taken for a re-post's (temporal/tenure.py).
    """
    page_date, source = article.page_date, "page date"
    if not parse_page_date(page_date):
        # a text dump's date header is dropped from the body as boilerplate: it is still the page's date
        page_date, source = header_date([*(article.boilerplate or [])[:20], article.title or ""]), "header date"
    page = parse_page_date(page_date)
    first = page or _NO_DATE
    timexes = _tag(article, first)
    dated = estimate(article.text, page_date, timexes, source)
    page_only = page is not None and dated.evidence == source
    explicit = _explicit(timexes)
    # the offices the text states are read once, and only when the date rests on the page alone or is unknown
    offices = tenure.stated_offices(doc, actors, [(t.start, t.end) for t in explicit]) \
        if actors is not None and (page_only or dated.value is None) else []
    if page is not None and page_only:
        dated = _check_offices(offices, page, source, explicit) or dated
    bounds = _written_within(offices) if dated.value is None else None
    if bounds is not None and dated.evidence in (None, NO_EVIDENCE):
        dated = Dated(None, bounds[2], None)
    if dated.anchor is None:
        timexes = _underspecify(timexes)
    elif dated.anchor != first:
        timexes = _tag(article, dated.anchor)
    # without a date, anchors still carry what the text says ("on Wednesday urged": XXXX-WXX-3)
    anchors = build_anchors(doc, timexes)
    since = bounds[0].isoformat() if bounds else None
    until = bounds[1].isoformat() if bounds and bounds[1] else None
    return TimeAnalysis(timexes=timexes, published=dated.value, evidence=dated.evidence, anchors=anchors,
                        written_from=since, written_until=until)


def _written_within(offices: list[tenure.Office]) -> tuple[date, date | None, str] | None:
    """Return the bounds an undated page's stated offices put on its date, with their evidence, or None."""
    bounds = tenure.written_within(offices)
    if bounds is None:
        return None
    return bounds[0], bounds[1], tenure.describe(offices, bounds[0], bounds[1], repost=False)


def _explicit(timexes: list[Timex]) -> list[Timex]:
    """Return the timexes that name a full date by themselves (no anchor needed)."""
    return [t for t in timexes if t.rule.rsplit(":", 1)[-1] in ABSOLUTE_RULES]


def _check_offices(offices: list[tenure.Office], page: date, source: str, explicit: list[Timex]) -> Dated | None:
    """Return the estimate of a re-post that the offices stated in the text reveal, or None."""
    found = tenure.conflicts(offices, page)
    if not found:
        return None
    first, last = tenure.window(found)
    if not tenure.is_repost(found, last, [d[0] for d in body_dates(explicit)]):
        return None
    evidence = f"{source} {page.isoformat()} is {tenure.describe(found, first, last)}"
    return Dated(tenure.value_between(first, last), evidence, None)

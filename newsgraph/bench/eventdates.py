"""`newsgraph bench eventdates`: the date each event record gets, against TempEval-3's event–time links.

TimeML marks every event of a news text and links some of them to the timex they happened within
(TLINK ``IS_INCLUDED``: "exploded" within "Friday", "said" within the creation time). For each linked
event whose timex is a calendar date, the pipeline's own time stage runs on the document (its creation
time as page date) and the event is dated as `extract_events` dates a trigger at that span
(``TimeAnalysis.day_for``). A date counts when it equals one of the gold values.

Reported: ``accuracy`` over all linked events, and ``off_day_accuracy`` over those the gold dates to another
day than the article's: the background events ("since the January 1998 bombing", "said Friday it had
struck in March") that dating every record by its article gets wrong. ``article_date_*`` is that baseline.
Splits as `bench time`: ``test`` (default) TE3-Platinum, ``dev`` TBAQ-cleaned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.bench.time import GoldDoc, load_split
from newsgraph.records import calendar_day

DESCRIPTION = "Event dating on TempEval-3 event-time links: accuracy overall and for events off the article's day"
Dated = tuple[set[str], str | None, str | None]  # gold dates, the pipeline's date, the article's date


def _gold_dates(within: list[str]) -> set[str]:
    """Return the calendar dates among an event's gold timex values (weeks, seasons and durations dropped)."""
    return {v for v in within if calendar_day(v) == v}


def date_events(docs: list[GoldDoc]) -> list[Dated]:
    """Return (gold dates, system date, article date) for every linked event of ``docs``."""
    from newsgraph.nlp import analyse_many
    from newsgraph.records import Article
    from newsgraph.temporal import resolve_times

    out: list[Dated] = []
    for gold, doc in zip(docs, analyse_many(d.text for d in docs), strict=True):
        article = Article(id=gold.name, source=gold.name, source_name="TempEval-3", text=gold.text,
                          page_date=gold.dct.isoformat())
        times = resolve_times(article, doc)
        for event in gold.events:
            dates = _gold_dates(event.within)
            if dates:
                out.append((dates, times.day_for(event.start, event.end), times.published))
    return out


def _share(rows: list[Dated], pick: int) -> float:
    """Return the share of ``rows`` whose date in column ``pick`` is among the gold ones."""
    return round(sum(r[pick] in r[0] for r in rows) / len(rows), 4) if rows else 0.0


def score(dated: list[Dated]) -> dict[str, Any]:
    """Return accuracy overall and off the article's day, for the pipeline and for the article-date baseline."""
    off = [d for d in dated if d[2] not in d[0]]
    return {"linked_events": len(dated), "off_day_events": len(off), "accuracy": _share(dated, 1),
            "off_day_accuracy": _share(off, 1), "article_date_accuracy": _share(dated, 2)}


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, Any]:
    """Date the linked events of ``split`` (default: the held-out TE3-Platinum) and score them."""
    docs = load_split(data, split or "test", limit)
    return {"split": split or "test", "docs": len(docs), **score(date_events(docs))}

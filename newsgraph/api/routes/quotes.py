"""Quotes: search by speaker, dates, words, outlet; facets by speaker."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from newsgraph.api.params import (
    Page,
    Where,
    cursor,
    date_key,
    iso_date,
    newest_first,
    page,
    rows,
    scalar,
    until_bound,
)
from newsgraph.api.respond import listing

router = APIRouter(tags=["quotes"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

SpeakerQ = Annotated[str | None, Query(description="Speaker actor id, or speaker name (case-insensitive).")]
SinceQ = Annotated[str | None, Query(description="Said on or after (ISO date).")]
UntilQ = Annotated[str | None, Query(description="Said on or before (ISO date).")]
TextQ = Annotated[str | None, Query(max_length=200, description="Words the quote contains.")]
OutletQ = Annotated[str | None, Query(description="Outlet of the article (exact, case-insensitive).")]
KindQ = Annotated[str | None, Query(pattern="^(direct|indirect|mixed)$", description="direct, indirect or mixed.")]
SourcesQ = Annotated[int | None, Query(ge=1, description="At least this many articles carry the quote.")]


def quote_filters(speaker: str | None, since: str | None, until: str | None, q: str | None, outlet: str | None,
                  kind: str | None, min_sources: int | None, article: str | None = None) -> Where:
    """Build the WHERE of a quote search (table alias ``q``)."""
    where = Where()
    if speaker:
        where.add("(q.speaker_id = ? OR lower(q.speaker) = lower(?))", speaker, speaker)
    if (s := iso_date("since", since)) is not None:
        where.add("q.date >= ? AND q.date < ':'", s)  # ':' sorts after digits: no 'XXXX-…' value
    if (u := iso_date("until", until)) is not None:
        where.add("q.date <= ?", until_bound(u))
    if q:
        where.add("contains(lower(q.text), lower(?))", q)
    if outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    if kind:
        where.add("q.kind = ?", kind)
    if min_sources:
        where.add("q.sources >= ?", min_sources)
    if article:
        where.add("q.article_id = ?", article)
    return where


@router.get("/quotes", summary="Search quotes")
def list_quotes(
    cur: Cursor, pg: Annotated[Page, Depends(page)], speaker: SpeakerQ = None, since: SinceQ = None,
    until: UntilQ = None, q: TextQ = None, outlet: OutletQ = None, kind: KindQ = None, min_sources: SourcesQ = None,
    article: Annotated[str | None, Query(description="Article id.")] = None,
) -> Response:
    """Quotes, newest first, each with its article, outlet and the outlets of every article carrying it."""
    where = quote_filters(speaker, since, until, q, outlet, kind, min_sources, article)
    total = scalar(cur, "SELECT count(*) FROM quotes q" + where.sql(), where.params)
    narrow = newest_first(cur, "quotes", "q", where, pg)
    items = rows(
        cur,
        f"""WITH page AS (SELECT q.* FROM quotes q {narrow.sql()}
              ORDER BY {date_key('q')} DESC NULLS LAST, q.id LIMIT ? OFFSET ?)
            SELECT page.id, page.article_id, page.speaker, page.speaker_id, page.speaker_country, page.speaker_role,
              page.kind, page.text, page.cue, page.date, page.start, page."end", page.sources, page.canonical_id,
              page.rule, page.confidence, a.title AS article_title, a.outlet, a.published,
              CASE WHEN page.canonical_id IS NULL THEN [a.outlet] ELSE (
                SELECT list(DISTINCT a2.outlet) FROM quotes q2 JOIN articles a2 ON a2.id = q2.article_id
                WHERE q2.canonical_id = page.canonical_id) END AS outlets
            FROM page LEFT JOIN articles a ON a.id = page.article_id
            ORDER BY {date_key('page')} DESC NULLS LAST, page.id""",
        [*narrow.params, pg.limit, pg.offset],
    )
    for item in items:
        item["outlets"] = [o for o in item["outlets"] or [] if o]
    return listing(items, total, pg, "quotes")


@router.get("/quotes/speakers", summary="Speaker facet of a quote search")
def quote_speakers(
    cur: Cursor, since: SinceQ = None, until: UntilQ = None, q: TextQ = None, outlet: OutletQ = None,
    kind: KindQ = None, min_sources: SourcesQ = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Most frequent speakers to return.")] = 30,
) -> dict[str, Any]:
    """Speakers of the matching quotes with their counts, most quoted first."""
    where = quote_filters(None, since, until, q, outlet, kind, min_sources)
    items = rows(
        cur,
        f"""SELECT q.speaker_id, any_value(q.speaker) AS speaker, any_value(q.speaker_country) AS country,
              count(*) AS quotes FROM quotes q {where.sql()}
            GROUP BY q.speaker_id ORDER BY quotes DESC, speaker LIMIT ?""",
        [*where.params, limit],
    )
    return {"items": items}

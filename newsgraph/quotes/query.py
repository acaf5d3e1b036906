"""Read-side query of quotations: the one function behind `newsgraph quotes`, the Python API and GET /api/quotes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import duckdb

from newsgraph.api.sql import (
    Db,
    Found,
    Where,
    add_dates,
    by_id,
    check_page,
    connection,
    in_order,
    iso_date,
    newest_first_ids,
    rows,
    scalar,
)
from newsgraph.errors import BadParameterError

KINDS = ("direct", "indirect", "mixed")
# the columns of a listed quotation: the stored record with its article's title, outlet and publication date, and
# the outlets of every article carrying it; rows and articles are each looked up by primary key
COLUMNS = ("id", "article_id", "speaker", "speaker_id", "speaker_country", "speaker_role", "kind", "text", "cue",
           "date", "start", "end", "sources", "canonical_id", "rule", "confidence", "article_title", "outlet",
           "published", "outlets")
_STORED = COLUMNS[:16]
_ROWS = "SELECT " + ", ".join(f'q."{c}"' for c in _STORED) + " FROM quotes q WHERE q.id IN (SELECT unnest(?))"
# the outlets of every article carrying one of the page's merged quotations
_OUTLETS = """SELECT q.canonical_id, list(DISTINCT a.outlet) AS outlets
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.canonical_id IS NOT NULL{also} GROUP BY q.canonical_id"""


@dataclass(frozen=True)
class QuoteFilters:
    """Validated quotation filters; the speaker is an actor id, or its name (exact, or words of it)."""

    speaker: str | None = None
    speaker_match: str = "words"
    since: str | None = None
    until: str | None = None
    contains: str | None = None
    outlet: str | None = None
    kind: str | None = None
    min_sources: int | None = None
    article: str | None = None


class QuoteSelector(Protocol):
    """An in-memory index that can pick a page of quotation ids (the REST API keeps one per store)."""

    def select(self, filters: QuoteFilters, limit: int | None, offset: int) -> tuple[list[str], int] | None:
        """Return (ids of the page newest first, number of matches), or None when it cannot answer."""
        ...


def quote_filters(speaker: str | None = None, since: str | None = None, until: str | None = None,
                  contains: str | None = None, outlet: str | None = None, kind: str | None = None,
                  min_sources: int | None = None, article: str | None = None,
                  speaker_match: Literal["words", "exact"] = "words") -> QuoteFilters:
    """Validate the filters of a quote search."""
    if kind and kind not in KINDS:
        raise BadParameterError(f"unknown quote kind {kind!r}: choose one of {', '.join(KINDS)}")
    return QuoteFilters(speaker or None, speaker_match, iso_date("since", since), iso_date("until", until),
                        contains or None, outlet or None, kind or None, min_sources or None, article or None)


def where_quotes(f: QuoteFilters) -> Where:
    """Build the WHERE of a quote search (table alias ``q``)."""
    where = Where()
    if f.speaker:
        name = "lower(q.speaker) = lower(?)" if f.speaker_match == "exact" else "contains(lower(q.speaker), lower(?))"
        where.add(f"(q.speaker_id = ? OR {name})", f.speaker, f.speaker)
    add_dates(where, "q", f.since, f.until)
    if f.contains:
        where.add("contains(lower(q.text), lower(?))", f.contains)
    if f.outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", f.outlet)
    if f.kind:
        where.add("q.kind = ?", f.kind)
    if f.min_sources:
        where.add("q.sources >= ?", f.min_sources)
    if f.article:
        where.add("q.article_id = ?", f.article)
    return where


def list_quotes(store: Db, speaker: str | None = None, since: str | None = None, until: str | None = None,
                contains: str | None = None, limit: int | None = 50, *, outlet: str | None = None,
                kind: str | None = None, min_sources: int | None = None, article: str | None = None,
                speaker_match: Literal["words", "exact"] = "words", offset: int = 0, total: bool = False,
                outlets: Mapping[str, list[str]] | None = None, index: QuoteSelector | None = None) -> Found:
    """Return quotations, newest first (undated last, ties by id): by speaker, date range, words, outlet, kind.

    Each carries its article's title, outlet and date, and ``outlets``: the outlets of every article carrying it.
    Dates compare on the quotation's resolved calendar date; quotations whose date is unknown or unresolved
    ('XXXX-WXX-5') match no date filter. ``total=True`` also counts the matches (``Found.total``); ``outlets`` are
    precomputed ``merged_outlets``; ``index`` answers the selection from memory where it can.
    """
    check_page(limit, offset)
    filters = quote_filters(speaker, since, until, contains, outlet, kind, min_sources, article, speaker_match)
    with connection(store) as cur:
        picked = index.select(filters, limit, offset) if index is not None else None
        if picked is None:
            where = where_quotes(filters)
            ids = newest_first_ids(cur, "quotes", "q", where, limit, offset)
            count = scalar(cur, "SELECT count(*) FROM quotes q" + where.sql(), where.params) if total else None
        else:
            ids, count = picked
        return Found(quote_rows(cur, ids, outlets), count if total else None)


def quote_rows(cur: duckdb.DuckDBPyConnection, ids: list[str],
               outlets: Mapping[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Return the listed columns of the quotations ``ids``, in that order (``outlets``: ``merged_outlets``)."""
    if not ids:
        return []
    found = in_order(rows(cur, _ROWS, [ids]), ids)
    articles = by_id(cur, "SELECT id, title, outlet, published FROM articles", {q["article_id"] for q in found})
    if outlets is None:
        merged = sorted({q["canonical_id"] for q in found if q["canonical_id"] is not None})
        outlets = merged_outlets(cur, merged) if merged else {}
    items = []
    for q in found:
        art = articles.get(q["article_id"]) or {}
        carried = [art.get("outlet")] if q["canonical_id"] is None else outlets.get(q["canonical_id"])
        items.append({**q, "article_title": art.get("title"), "outlet": art.get("outlet"),
                      "published": art.get("published"), "outlets": [o for o in carried or [] if o]})
    return items


def merged_outlets(cur: duckdb.DuckDBPyConnection, canonical_ids: list[str] | None = None) -> dict[str, list[str]]:
    """Return {canonical id: outlets of every article carrying that quotation} (all canonical ids by default)."""
    also = "" if canonical_ids is None else " AND q.canonical_id IN (SELECT unnest(?))"
    found = cur.execute(_OUTLETS.format(also=also), [] if canonical_ids is None else [canonical_ids]).fetchall()
    return {c: o for c, o in found}


def quote_speakers(store: Db, since: str | None = None, until: str | None = None, contains: str | None = None,
                   outlet: str | None = None, kind: str | None = None, min_sources: int | None = None,
                   limit: int = 30) -> list[dict[str, Any]]:
    """Return the speakers of the matching quotations with their counts, most quoted first (a search facet)."""
    check_page(limit, 0)
    where = where_quotes(quote_filters(None, since, until, contains, outlet, kind, min_sources))
    with connection(store) as cur:
        return rows(
            cur,
            f"""SELECT q.speaker_id, any_value(q.speaker) AS speaker, any_value(q.speaker_country) AS country,
                  count(*) AS quotes FROM quotes q {where.sql()}
                GROUP BY q.speaker_id ORDER BY quotes DESC, speaker LIMIT ?""",
            [*where.params, limit],
        )


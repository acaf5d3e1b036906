"""Read-side query of quotations: the one function behind `newsgraph quotes`, the Python API and GET /api/quotes."""

from __future__ import annotations

from typing import Any, Literal

import duckdb

from newsgraph.api.sql import (
    Db,
    Found,
    Where,
    add_dates,
    check_page,
    connection,
    in_order,
    newest_first_ids,
    rows,
    scalar,
)
from newsgraph.errors import BadParameterError

KINDS = ("direct", "indirect", "mixed")
# the columns of a listed quotation: the stored record with its article's title, outlet and publication date
_SELECT = """SELECT q.id, q.article_id, q.speaker, q.speaker_id, q.speaker_country, q.speaker_role, q.kind, q.text,
  q.cue, q.date, q.start, q."end", q.sources, q.canonical_id, q.rule, q.confidence, a.title AS article_title, a.outlet,
  a.published
FROM quotes q LEFT JOIN articles a ON a.id = q.article_id
WHERE q.id IN (SELECT unnest(?))"""
# the outlets of every article carrying one of the page's merged quotations
_OUTLETS = """SELECT q.canonical_id, list(DISTINCT a.outlet) AS outlets
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.canonical_id IN (SELECT unnest(?)) GROUP BY q.canonical_id"""


def quote_filters(speaker: str | None = None, since: str | None = None, until: str | None = None,
                  contains: str | None = None, outlet: str | None = None, kind: str | None = None,
                  min_sources: int | None = None, article: str | None = None,
                  speaker_match: Literal["words", "exact"] = "words") -> Where:
    """Build the WHERE of a quote search (table alias ``q``); the speaker is an actor id, or its name (exact, or
    words of it)."""
    where = Where()
    if speaker:
        name = "lower(q.speaker) = lower(?)" if speaker_match == "exact" else "contains(lower(q.speaker), lower(?))"
        where.add(f"(q.speaker_id = ? OR {name})", speaker, speaker)
    add_dates(where, "q", since, until)
    if contains:
        where.add("contains(lower(q.text), lower(?))", contains)
    if outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    if kind:
        if kind not in KINDS:
            raise BadParameterError(f"unknown quote kind {kind!r}: choose one of {', '.join(KINDS)}")
        where.add("q.kind = ?", kind)
    if min_sources:
        where.add("q.sources >= ?", min_sources)
    if article:
        where.add("q.article_id = ?", article)
    return where


def list_quotes(store: Db, speaker: str | None = None, since: str | None = None, until: str | None = None,
                contains: str | None = None, limit: int | None = 50, *, outlet: str | None = None,
                kind: str | None = None, min_sources: int | None = None, article: str | None = None,
                speaker_match: Literal["words", "exact"] = "words", offset: int = 0, total: bool = False) -> Found:
    """Return quotations, newest first (undated last, ties by id): by speaker, date range, words, outlet, kind.

    Each carries its article's title, outlet and date, and ``outlets``: the outlets of every article carrying it.
    Dates compare on the quotation's resolved calendar date; quotations whose date is unknown or unresolved
    ('XXXX-WXX-5') match no date filter. ``total=True`` also counts the matches (``Found.total``).
    """
    check_page(limit, offset)
    where = quote_filters(speaker, since, until, contains, outlet, kind, min_sources, article, speaker_match)
    with connection(store) as cur:
        ids = newest_first_ids(cur, "quotes", "q", where, limit, offset)
        count = scalar(cur, "SELECT count(*) FROM quotes q" + where.sql(), where.params) if total else None
        return Found(quote_rows(cur, ids), count)


def quote_rows(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """Return the listed columns of the quotations ``ids``, in that order."""
    if not ids:
        return []
    items = in_order(rows(cur, _SELECT, [ids]), ids)
    merged = sorted({q["canonical_id"] for q in items if q["canonical_id"] is not None})
    outlets = {r["canonical_id"]: r["outlets"] for r in rows(cur, _OUTLETS, [merged])} if merged else {}
    for item in items:
        found = [item["outlet"]] if item["canonical_id"] is None else outlets.get(item["canonical_id"])
        item["outlets"] = [o for o in found or [] if o]
    return items


def quote_speakers(store: Db, since: str | None = None, until: str | None = None, contains: str | None = None,
                   outlet: str | None = None, kind: str | None = None, min_sources: int | None = None,
                   limit: int = 30) -> list[dict[str, Any]]:
    """Return the speakers of the matching quotations with their counts, most quoted first (a search facet)."""
    check_page(limit, 0)
    where = quote_filters(None, since, until, contains, outlet, kind, min_sources)
    with connection(store) as cur:
        return rows(
            cur,
            f"""SELECT q.speaker_id, any_value(q.speaker) AS speaker, any_value(q.speaker_country) AS country,
                  count(*) AS quotes FROM quotes q {where.sql()}
                GROUP BY q.speaker_id ORDER BY quotes DESC, speaker LIMIT ?""",
            [*where.params, limit],
        )


"""Query the stored events: the one function behind `newsgraph events`, the Python API and GET /api/events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

import duckdb

from newsgraph.api.plover import family_types, score
from newsgraph.api.sql import (
    Db,
    Found,
    Where,
    add_dates,
    by_id,
    check_page,
    connection,
    dyad,
    event_types,
    in_order,
    iso_date,
    newest_first_ids,
    rows,
    scalar,
)
from newsgraph.errors import BadParameterError

FAMILIES = ("all", "cooperation", "conflict")
# the columns of a listed event: the stored record, actor display names, article title and outlet, PLOVER score;
# rows, articles and actors are each looked up by primary key (joins would scan the articles for 50 rows)
COLUMNS = ("id", "article_id", "event_type", "mode", "source", "source_label", "target", "target_label", "source_name",
           "target_name", "source_sector", "target_sector", "date", "location", "sentence", "start", "end", "trigger",
           "negated", "hypothetical", "rule", "confidence", "sources", "canonical_id", "article_title", "outlet",
           "score")
_STORED = [c for c in COLUMNS if c not in ("source_label", "target_label", "article_title", "outlet", "score")]
_ROWS = "SELECT " + ", ".join(f'e."{c}"' for c in _STORED) + " FROM events e WHERE e.id IN (SELECT unnest(?))"


@dataclass(frozen=True)
class EventFilters:
    """Validated event filters; ``actor`` is an exact actor id, ``actor_name`` an id, code or words of a name."""

    actor: str | None = None
    actor_name: str | None = None
    source: str | None = None
    target: str | None = None
    types: tuple[str, ...] | None = None
    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    article: str | None = None
    include_negated: bool = True


class EventSelector(Protocol):
    """An in-memory index that can pick a page of event ids (the REST API keeps one per store)."""

    def select(self, filters: EventFilters, limit: int | None, offset: int) -> tuple[list[str], int] | None:
        """Return (ids of the page newest first, number of matches), or None when it cannot answer."""
        ...


def event_filters(actor: str | None = None, event_type: str | None = None, since: str | None = None,
                  until: str | None = None, include_negated: bool = True, actor_match: Literal["id", "name"] = "id",
                  source: str | None = None, target: str | None = None, dyad_ids: str | None = None,
                  family: str = "all", outlet: str | None = None, article: str | None = None) -> EventFilters:
    """Validate the filters of an event search (types: comma-separated, any case; family: PLOVER sign)."""
    if family not in FAMILIES:
        raise BadParameterError(f"unknown family {family!r}: choose from {', '.join(FAMILIES)}")
    types = event_types(event_type)
    if family != "all":
        allowed = family_types(family)
        types = [t for t in types if t in allowed] if types is not None else allowed
    return EventFilters(
        actor=actor or None if actor_match == "id" else None,
        actor_name=actor or None if actor_match == "name" else None,
        source=source or None, target=target or None, types=tuple(types) if types is not None else None,
        dyad=dyad(dyad_ids), since=iso_date("since", since), until=iso_date("until", until), outlet=outlet or None,
        article=article or None, include_negated=include_negated,
    )


def where_events(f: EventFilters, alias: str = "e") -> Where:
    """Build the WHERE of an event search (table alias ``alias``, a fixed name from code)."""
    where = Where()
    e = alias
    if not f.include_negated:
        where.add(f"NOT coalesce({e}.negated, FALSE)")
    if f.actor:
        where.add(f"({e}.source = ? OR {e}.target = ?)", f.actor, f.actor)
    if f.actor_name:
        # The words match the text of the mention or the actor's canonical name ('Russia' finds 'Moscow said').
        like = f"%{f.actor_name}%"
        where.add(f"(upper({e}.source) = upper(?) OR upper({e}.target) = upper(?) OR {e}.source_name ILIKE ? OR "
                  f"{e}.target_name ILIKE ? OR {e}.source IN (SELECT id FROM actors WHERE name ILIKE ?) OR "
                  f"{e}.target IN (SELECT id FROM actors WHERE name ILIKE ?))",
                  f.actor_name, f.actor_name, like, like, like, like)
    if f.source:
        where.add(f"{e}.source = ?", f.source)
    if f.target:
        where.add(f"{e}.target = ?", f.target)
    if f.types is not None:
        where.add(f"list_contains(?, {e}.event_type)", list(f.types))
    if f.dyad is not None:
        if f.dyad[0] == f.dyad[1]:
            where.add(f"{e}.source = ? AND {e}.target = ?", *f.dyad)
        else:  # both directions, as single-column filters DuckDB pushes into the scan (faster than an OR)
            where.add(f"{e}.source IN (?, ?) AND {e}.target IN (?, ?) AND {e}.source <> {e}.target",
                      *f.dyad, *f.dyad)
    add_dates(where, e, f.since, f.until)
    if f.outlet:
        where.add(f"{e}.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", f.outlet)
    if f.article:
        where.add(f"{e}.article_id = ?", f.article)
    return where


def query_events(db: Db, actor: str | None = None, event_type: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = 100, include_negated: bool = False, *,
                 actor_match: Literal["id", "name"] = "name", source: str | None = None, target: str | None = None,
                 dyad: str | None = None, family: str = "all", outlet: str | None = None, article: str | None = None,
                 offset: int = 0, total: bool = False, index: EventSelector | None = None) -> Found:
    """Return stored events, newest first (undated last, ties by id), with actor names, PLOVER score and outlet.

    ``actor`` matches an actor id, code or name words (``actor_match="name"``) or exactly an id (``"id"``);
    ``event_type`` is one PLOVER type or several comma-separated; ``dyad`` 'A,B' is events between A and B either
    way. Dates compare on the event's calendar date; unresolved dates ('XXXX-WXX-5') match no date filter.
    ``total=True`` also counts the matches (``Found.total``); ``index`` answers the selection from memory.
    """
    check_page(limit, offset)
    filters = event_filters(actor, event_type, since, until, include_negated, actor_match, source, target, dyad,
                            family, outlet, article)
    with connection(db) as cur:
        picked = index.select(filters, limit, offset) if index is not None else None
        if picked is None:
            where = where_events(filters)
            ids = newest_first_ids(cur, "events", "e", where, limit, offset)
            count = scalar(cur, "SELECT count(*) FROM events e" + where.sql(), where.params) if total else None
        else:
            ids, count = picked
        return Found(event_rows(cur, ids), count if total else None)


def event_rows(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """Return the listed columns of the events ``ids``, in that order."""
    if not ids:
        return []
    found = in_order(rows(cur, _ROWS, [ids]), ids)
    articles = by_id(cur, "SELECT id, title, outlet FROM articles", {e["article_id"] for e in found})
    names = {a: r["name"] for a, r in by_id(cur, "SELECT id, name FROM actors",
                                            {e[k] for e in found for k in ("source", "target")}).items()}
    items = []
    for e in found:
        art = articles.get(e["article_id"]) or {}
        extra = {"source_label": names.get(e["source"]) or e["source"],
                 "target_label": names.get(e["target"]) or e["target"], "article_title": art.get("title"),
                 "outlet": art.get("outlet"), "score": score(e["event_type"], e["mode"])}
        items.append({c: e[c] if c in e else extra[c] for c in COLUMNS})
    return items

"""Query the stored events (shared by the CLI `newsgraph events` and the REST API)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newsgraph.errors import BadParameterError
from newsgraph.events.lexicon import EVENT_TYPES
from newsgraph.store import open_store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COLUMNS = ("id", "article_id", "event_type", "mode", "source", "target", "source_name", "target_name",
           "source_sector", "target_sector", "date", "location", "trigger", "negated", "hypothetical", "sentence",
           "start", "end", "rule", "confidence", "sources")


def _check(event_type: str | None, since: str | None, until: str | None, limit: int | None) -> None:
    """Raise BadParameterError for an unknown type, a malformed date or a bad limit."""
    if event_type and event_type.upper() not in EVENT_TYPES:
        raise BadParameterError(f"unknown event type {event_type!r}: use one of {', '.join(EVENT_TYPES)}")
    for name, value in (("since", since), ("until", until)):
        if value and not _DATE.match(value):
            raise BadParameterError(f"--{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if limit is not None and limit < 1:
        raise BadParameterError("--limit must be at least 1")


def query_events(db: str | Path, actor: str | None = None, event_type: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = 100,
                 include_negated: bool = False) -> list[dict[str, Any]]:
    """Return stored events, newest first, filtered by actor (id, code or name), PLOVER type and date range."""
    _check(event_type, since, until, limit)
    where: list[str] = []
    params: list[object] = []
    if not include_negated:
        where.append("NOT coalesce(negated, FALSE)")
    if actor:
        where.append("(upper(source) = upper(?) OR upper(target) = upper(?) OR source_name ILIKE ? OR "
                     "target_name ILIKE ?)")
        params += [actor, actor, f"%{actor}%", f"%{actor}%"]
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        # a date prefix compares lower than its extensions; pad so "2022-01" includes 2022-01-31
        where.append("date <= ?")
        params.append(until + "-99" * ((10 - len(until)) // 3))
    sql = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date DESC NULLS LAST, article_id, start"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    with open_store(db, read_only=True) as store:
        return store.query(sql, params)

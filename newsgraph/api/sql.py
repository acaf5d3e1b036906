"""SQL building blocks of the read-side query functions (shared by the CLI, the Python API and the REST API).

No web framework here: the query functions in ``newsgraph/{quotes,events,actors}/query.py`` import this module, and
the CLI must not pay for FastAPI.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from newsgraph.api.plover import EVENT_TYPES
from newsgraph.errors import BadParameterError
from newsgraph.store import Store, open_store

Db = str | Path | Store | duckdb.DuckDBPyConnection
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Found(list[dict[str, Any]]):
    """Rows of a list query; ``total`` is the number of matching rows when the caller asked for it."""

    def __init__(self, items: list[dict[str, Any]], total: int | None = None) -> None:
        super().__init__(items)
        self.total = total


@contextmanager
def connection(db: Db) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a DuckDB connection for a store path (opened read-only), an open Store, or a cursor as it is."""
    if isinstance(db, duckdb.DuckDBPyConnection):
        yield db
    elif isinstance(db, Store):
        yield db.con
    else:
        with open_store(db, read_only=True) as store:
            yield store.con


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Run a parameterised query and return dict rows."""
    res = cur.execute(sql, params or [])
    names = [d[0] for d in res.description or []]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def scalar(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """Run a query returning one value."""
    row = cur.execute(sql, params or []).fetchone()
    return row[0] if row else None


def check_page(limit: int | None, offset: int) -> None:
    """Raise BadParameterError for a limit below 1 or a negative offset."""
    if limit is not None and limit < 1:
        raise BadParameterError("--limit must be at least 1")
    if offset < 0:
        raise BadParameterError("offset must be at least 0")


def iso_date(name: str, value: str | None) -> str | None:
    """Check an ISO date parameter (YYYY, YYYY-MM or YYYY-MM-DD) and return it."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise BadParameterError(f"{name} must be an ISO date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise BadParameterError(f"{name} is not a real date: {value!r} ({exc})") from exc
    return value


def until_bound(value: str | None) -> str | None:
    """Return an upper bound that includes every date starting with ``value`` ('2022-03' → '2022-03~')."""
    return None if value is None else value + "~"  # '~' sorts after digits and '-'


def event_types(value: str | None) -> list[str] | None:
    """Parse a comma-separated list of PLOVER event types (any case)."""
    if not value:
        return None
    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    bad = [t for t in types if t not in EVENT_TYPES]
    if bad:
        raise BadParameterError(f"unknown event type(s) {', '.join(bad)}: choose from {', '.join(EVENT_TYPES)}")
    return types


def dyad(value: str | None) -> tuple[str, str] | None:
    """Parse 'A,B' into an actor pair."""
    if not value:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise BadParameterError(f"dyad must be two actor ids separated by a comma, e.g. USA,RUS; got {value!r}")
    return parts[0], parts[1]


class Where:
    """WHERE clauses written in code, with their values bound as parameters (never pasted into SQL)."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        """Add a clause with its ``?`` parameters."""
        self.clauses.append(clause)
        self.params.extend(params)

    def copy(self) -> Where:
        """Return an independent copy (to add clauses for one query only)."""
        other = Where()
        other.clauses, other.params = list(self.clauses), list(self.params)
        return other

    def sql(self) -> str:
        """Return the WHERE part (or nothing)."""
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def add_dates(where: Where, alias: str, since: str | None, until: str | None) -> None:
    """Filter ``alias.date`` to [since, until]; unresolved values ('XXXX-WXX-5') match no date filter."""
    if (s := iso_date("since", since)) is not None:
        where.add(f"{alias}.date >= ? AND {alias}.date < ':'", s)  # ':' sorts after digits: no 'XXXX-…' value
    if (u := iso_date("until", until)) is not None:
        where.add(f"{alias}.date <= ?", until_bound(u))


def date_key(alias: str) -> str:
    """SQL for a record's date as a sort key: unresolved TIMEX values ('XXXX-WXX-5') count as undated.

    Calendar dates start with a digit, and digits sort before ':'; 'X…' values do not.
    """
    return f"(CASE WHEN {alias}.date < ':' THEN {alias}.date END)"


def newest_first_ids(cur: duckdb.DuckDBPyConnection, table: str, alias: str, where: Where, limit: int | None,
                     offset: int) -> list[str]:
    """Return the ids of one page of ``table`` (filtered by ``where`` on ``alias``) newest first, ties by id; undated
    rows last.

    Sorting a million rows by (date, id) costs far more than finding the n-th newest date first and sorting only
    the rows on or after it (ties included); when there is such a date the page holds calendar dates only, so both
    queries sort the plain column, which DuckDB's top-n prunes as it scans. ``table`` and ``alias`` are names from
    code.
    """
    x = alias
    if limit is not None:
        cutoff = scalar(cur, f"SELECT {x}.date FROM {table} {x} {where.sql()}{' AND' if where.clauses else ' WHERE'} "
                             f"{x}.date < ':' ORDER BY {x}.date DESC LIMIT 1 OFFSET ?",
                        [*where.params, offset + limit - 1])
        if cutoff is not None:
            narrowed = where.copy()
            narrowed.add(f"{x}.date >= ? AND {x}.date < ':'", cutoff)
            found = cur.execute(f"SELECT {x}.id FROM {table} {x} {narrowed.sql()} ORDER BY {x}.date DESC, {x}.id "
                                "LIMIT ? OFFSET ?", [*narrowed.params, limit, offset]).fetchall()
            return [r[0] for r in found]
    key = date_key(x)
    page = " LIMIT ? OFFSET ?" if limit is not None else " OFFSET ?"
    found = cur.execute(f"SELECT {x}.id FROM {table} {x} {where.sql()} ORDER BY {key} DESC NULLS LAST, {x}.id{page}",
                        [*where.params, *([limit] if limit is not None else []), offset]).fetchall()
    return [r[0] for r in found]


def by_id(cur: duckdb.DuckDBPyConnection, select: str, ids: set[str | None]) -> dict[str, dict[str, Any]]:
    """Run ``select`` (a query from code, with an ``id`` column) for the rows whose id is in ``ids``; key by id."""
    wanted = sorted(i for i in ids if i is not None)
    if not wanted:
        return {}
    return {r["id"]: r for r in rows(cur, f"{select} WHERE id IN (SELECT unnest(?))", [wanted])}


def in_order(items: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """Return ``items`` in the order of ``ids`` (rows fetched by id come back in any order)."""
    by_id = {item["id"]: item for item in items}
    return [by_id[i] for i in ids if i in by_id]

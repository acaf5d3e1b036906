"""Query parameters shared by the routes: pagination, dates, lists; validated into clear 400s."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Query, Request

from newsgraph.api.plover import EVENT_TYPES
from newsgraph.errors import BadParameterError

MAX_JSON_LIMIT = 500
MAX_CSV_LIMIT = 100_000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Page:
    """Pagination and output format of a list call."""

    limit: int
    offset: int
    format: str


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_CSV_LIMIT, description="Rows per page (JSON: at most 500).")] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip.")] = 0,
    format: Annotated[Literal["json", "csv"], Query(description="json, or csv for a download.")] = "json",
) -> Page:
    """Validate pagination: CSV downloads may ask for more rows than a JSON page."""
    if format == "json" and limit > MAX_JSON_LIMIT:
        raise BadParameterError(f"limit must be at most {MAX_JSON_LIMIT} for JSON (use format=csv for more)")
    return Page(limit=limit, offset=offset, format=format)


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
    """Parse a comma-separated list of PLOVER event types."""
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


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """Give each request its own cursor on the shared read-only connection (connections are not thread-safe)."""
    state = request.app.state
    with state.cursor_lock:
        cur = state.store.cursor()
    try:
        yield cur
    finally:
        cur.close()


def rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Run a parameterised query and return dict rows."""
    res = cur.execute(sql, params or [])
    names = [d[0] for d in res.description or []]
    return [dict(zip(names, r, strict=True)) for r in res.fetchall()]


def scalar(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    """Run a query returning one value."""
    row = cur.execute(sql, params or []).fetchone()
    return row[0] if row else None


def newest_first(cur: duckdb.DuckDBPyConnection, table: str, alias: str, where: Where, page: Page) -> Where:
    """Narrow a newest-first page query to dates >= the page's last date.

    Sorting a million rows by (date, id) costs far more than finding the n-th newest date, and the narrowed set
    still holds every row of the page (ties included). ``table`` and ``alias`` are names from code.
    """
    key = date_key(alias)
    sql = f"SELECT {key} FROM {table} {alias} {where.sql()} ORDER BY {key} DESC NULLS LAST LIMIT 1 OFFSET ?"
    cutoff = scalar(cur, sql, [*where.params, page.offset + page.limit - 1])
    narrowed = where.copy()
    if cutoff is not None:
        narrowed.add(f"{key} >= ?", cutoff)
    return narrowed


def date_key(alias: str) -> str:
    """SQL for a record's date as a sort key: unresolved TIMEX values ('XXXX-WXX-5') count as undated.

    Calendar dates start with a digit, and digits sort before ':'; 'X…' values do not.
    """
    return f"(CASE WHEN {alias}.date < ':' THEN {alias}.date END)"

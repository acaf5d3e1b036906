"""Query parameters shared by the routes: pagination and the per-request cursor; validated into clear 400s.

The SQL helpers live in ``newsgraph.api.sql`` (shared with the CLI's query functions) and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

import duckdb
from fastapi import Query, Request

from newsgraph.api.sql import Where, date_key, dyad, event_types, iso_date, rows, scalar, until_bound
from newsgraph.errors import BadParameterError

MAX_JSON_LIMIT = 500
MAX_CSV_LIMIT = 100_000
__all__ = ["MAX_CSV_LIMIT", "MAX_JSON_LIMIT", "Page", "Where", "cursor", "date_key", "dyad", "event_types", "iso_date",
           "page", "rows", "scalar", "until_bound"]


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


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """Give each request its own cursor on the shared read-only connection (connections are not thread-safe)."""
    state = request.app.state
    with state.cursor_lock:
        cur = state.store.cursor()
    try:
        yield cur
    finally:
        cur.close()

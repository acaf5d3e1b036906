"""Stories, ingest errors, the store summary and the PLOVER score table."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from newsgraph.api.params import Page, Where, cursor, page, rows, scalar
from newsgraph.api.plover import EVENT_TYPES, family_types, scores
from newsgraph.api.respond import listing
from newsgraph.errors import NotFoundError

router = APIRouter()
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
_TABLES = ("documents", "articles", "actors", "mentions", "timexes", "quotes", "events", "stories")


@router.get("/summary", tags=["meta"], summary="What the store holds")
def summary(cur: Cursor) -> dict[str, Any]:
    """Row counts, outlets, date range, event types present and failed documents: what the UI needs to start."""
    counts = {t: scalar(cur, f"SELECT count(*) FROM {t}") for t in _TABLES}  # table names from the constant above
    return {
        "counts": counts,
        "failed_documents": scalar(cur, "SELECT count(*) FROM documents WHERE status <> 'ok'"),
        "outlets": rows(cur, "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
                             "GROUP BY outlet ORDER BY articles DESC, outlet LIMIT 200"),
        "published": rows(cur, "SELECT min(published) AS first, max(published) AS last FROM articles")[0],
        "event_dates": rows(cur, "SELECT min(date) AS first, max(date) AS last FROM events "
                                 "WHERE regexp_matches(date, '^[0-9]{4}-[0-9]{2}-[0-9]{2}')")[0],
        "event_types": [r["event_type"] for r in rows(cur, "SELECT DISTINCT event_type FROM events "
                                                             "WHERE event_type IS NOT NULL ORDER BY 1")],
    }


@router.get("/plover", tags=["meta"], summary="PLOVER conflict–cooperation scores")
def plover() -> dict[str, Any]:
    """The score table used by the timeline and network (PLOVER manual, Table 2.2)."""
    return {
        "event_types": list(EVENT_TYPES),
        "cooperation": family_types("cooperation"),
        "conflict": family_types("conflict"),
        "scores": [{"event_type": t, "mode": m or None, "score": s} for (t, m), s in scores().items()],
    }


@router.get("/stories", tags=["stories"], summary="List stories")
def list_stories(
    cur: Cursor, pg: Annotated[Page, Depends(page)],
    q: Annotated[str | None, Query(max_length=200, description="Words in the story label.")] = None,
) -> Response:
    """Stories (clusters of articles about one happening), largest first."""
    where = Where()
    if q:
        where.add("contains(lower(s.label), lower(?))", q)
    total = scalar(cur, "SELECT count(*) FROM stories s" + where.sql(), where.params)
    items = rows(
        cur,
        f"""SELECT s.*, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS articles FROM stories s
            {where.sql()} ORDER BY articles DESC, s.last_date DESC NULLS LAST, s.id LIMIT ? OFFSET ?""",
        [*where.params, pg.limit, pg.offset],
    )
    return listing(items, total, pg, "stories")


@router.get("/stories/{story_id}", tags=["stories"], summary="One story with its articles")
def get_story(story_id: str, cur: Cursor) -> dict[str, Any]:
    """A story and its articles in date order."""
    found = rows(cur, "SELECT * FROM stories WHERE id = ?", [story_id])
    arts = rows(cur, "SELECT id, title, outlet, published, duplicate_of FROM articles WHERE story_id = ? "
                     "ORDER BY published, id", [story_id])
    if not found and not arts:
        raise NotFoundError(f"no story with id {story_id!r}")
    story: dict[str, Any] = found[0] if found else {"id": story_id, "label": None}
    story["articles"] = arts
    return story


@router.get("/errors", tags=["ingest"], summary="Documents that failed or had a stage fail")
def list_errors(
    cur: Cursor, pg: Annotated[Page, Depends(page)],
    status: Annotated[str, Query(pattern="^(error|warning|all)$",
                                 description="error: failed documents; warning: a stage failed; all: both.")] = "all",
) -> Response:
    """Failed documents with their error code and message, and documents where an analysis stage failed."""
    where = Where()
    if status == "error":
        where.add("status <> 'ok'")
    elif status == "warning":
        where.add("status = 'ok' AND len(coalesce(warnings, [])) > 0")
    else:
        where.add("(status <> 'ok' OR len(coalesce(warnings, [])) > 0)")
    total = scalar(cur, "SELECT count(*) FROM documents" + where.sql(), where.params)
    items = rows(
        cur,
        f"""SELECT id, source, source_name, media_type, size, status, error_code, error, warnings, ingested_at
            FROM documents {where.sql()} ORDER BY ingested_at DESC, source LIMIT ? OFFSET ?""",
        [*where.params, pg.limit, pg.offset],
    )
    return listing(items, total, pg, "errors")

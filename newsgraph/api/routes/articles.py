"""Articles: the list (outlet, dates, story, full-text search) and one article with all its records."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.api.params import Page, Where, cursor, iso_date, page, rows, scalar, until_bound
from newsgraph.api.plover import score
from newsgraph.api.respond import json_response, listing
from newsgraph.errors import NotFoundError

router = APIRouter(tags=["articles"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

_LIST_COLUMNS = """a.id, a.source, a.source_name, a.outlet, a.original_outlet, a.title, a.page_date, a.published,
  a.published_evidence, a.duplicate_of, a.story_id, length(a.text) AS chars"""


@router.get("/articles", summary="List articles")
def list_articles(
    request: Request,
    cur: Cursor,
    pg: Annotated[Page, Depends(page)],
    outlet: Annotated[str | None, Query(description="Outlet name (exact, case-insensitive).")] = None,
    since: Annotated[str | None, Query(description="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (ISO date).")] = None,
    story: Annotated[str | None, Query(description="Story id.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words to find in the title or text.")] = None,
) -> Response:
    """Articles, newest first, with how many quotes, events and mentions each has."""
    where = Where()
    if outlet:
        where.add("lower(a.outlet) = lower(?)", outlet)
    if (s := iso_date("since", since)) is not None:
        where.add("a.published >= ?", s)
    if (u := iso_date("until", until)) is not None:
        where.add("a.published <= ?", until_bound(u))
    if story:
        where.add("a.story_id = ?", story)
    if q:
        where.add("(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)))", q, q)
    total = scalar(cur, "SELECT count(*) FROM articles a" + where.sql(), where.params)
    items = rows(cur, f"""SELECT {_LIST_COLUMNS} FROM articles a {where.sql()}
                           ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?""",
                 [*where.params, pg.limit, pg.offset])
    per_article = request.app.state.index.article_counts()  # counted once per store, not per page
    for a in items:
        a.update(per_article.get(a["id"]) or {"quotes": 0, "events": 0, "mentions": 0})
    return listing(items, total, pg, "articles")


@router.get("/articles/{article_id}", summary="One article with its records")
def get_article(article_id: str, cur: Cursor) -> Response:
    """One article (id or unique id prefix): clean text, boilerplate, every record as offsets, copies, story."""
    found = rows(cur, "SELECT * FROM articles WHERE id = ? OR starts_with(id, ?) ORDER BY id <> ? LIMIT 2",
                 [article_id, article_id, article_id])
    if not found or (len(found) == 2 and found[0]["id"] != article_id):
        problem = "is ambiguous" if found else "matches no article"
        raise NotFoundError(f"article id {article_id!r} {problem}")
    art = found[0]
    aid = art["id"]
    art.pop("ingested_at", None)
    art["mentions"] = rows(
        cur,
        """SELECT m.start, m."end", m.text, m.actor_id, coalesce(ac.name, m.actor_id) AS actor_name, ac.kind,
             m.role, m.rule, m.confidence
           FROM mentions m LEFT JOIN actors ac ON ac.id = m.actor_id WHERE m.article_id = ? ORDER BY m.start""",
        [aid],
    )
    art["timexes"] = rows(cur, 'SELECT start, "end", text, type, value, rule, confidence FROM timexes '
                               "WHERE article_id = ? ORDER BY start", [aid])
    art["quotes"] = rows(cur, "SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? ORDER BY start", [aid])
    art["events"] = rows(
        cur,
        """SELECT e.* EXCLUDE (article_id), coalesce(s.name, e.source) AS source_label,
             coalesce(t.name, e.target) AS target_label
           FROM events e LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
           WHERE e.article_id = ? ORDER BY e.start, e.id""",
        [aid],
    )
    for ev in art["events"]:
        ev["score"] = score(ev["event_type"], ev["mode"])
    art["copies"] = rows(
        cur,
        """SELECT id, title, outlet, published, duplicate_of FROM articles
           WHERE id <> ? AND (duplicate_of = ? OR id = ? OR (duplicate_of IS NOT NULL AND duplicate_of = ?))
           ORDER BY published, id""",
        [aid, aid, art["duplicate_of"], art["duplicate_of"]],
    )
    art["story"] = _story(cur, art["story_id"], aid)
    return json_response(art)


def _story(cur: duckdb.DuckDBPyConnection, story_id: str | None, aid: str) -> dict[str, Any] | None:
    """Return the article's story with its other articles."""
    if not story_id:
        return None
    found = rows(cur, "SELECT * FROM stories WHERE id = ?", [story_id])
    story: dict[str, Any] = found[0] if found else {"id": story_id, "label": None}
    story["articles"] = rows(
        cur, "SELECT id, title, outlet, published FROM articles WHERE story_id = ? AND id <> ? ORDER BY published, id",
        [story_id, aid],
    )
    return story

"""Actors: search with counts (``newsgraph.actors.query``); one actor with roles over time, what it said and did,
and to whom."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.actors.query import list_actors as query_actors
from newsgraph.api.index import StoreIndex
from newsgraph.api.params import Page, cursor, page, rows
from newsgraph.api.respond import json_response, listing
from newsgraph.api.sql import by_id
from newsgraph.errors import NotFoundError

router = APIRouter(tags=["actors"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

@router.get("/actors", summary="Search actors")
def list_actors(
    request: Request, cur: Cursor, pg: Annotated[Page, Depends(page)],
    q: Annotated[str | None, Query(max_length=200, description="Words in the name, id or an alias.")] = None,
    kind: Annotated[str | None, Query(description="state, igo, person, organisation, group.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3 or IGO code.")] = None,
    sort: Annotated[str, Query(pattern="^(mentions|name|events|quotes)$", description="Order.")] = "mentions",
) -> Response:
    """Actors with how often they are mentioned (and in how many articles), quoted, and source or target of an
    event (self-directed events count twice)."""
    found = query_actors(cur, q, kind, pg.limit, country=country, sort=sort, offset=pg.offset,
                         total=pg.format == "json", counts=request.app.state.index.actor_counts())
    return listing(found, found.total or 0, pg, "actors")


@router.get("/actors/{actor_id}", summary="One actor")
def get_actor(actor_id: str, request: Request, cur: Cursor) -> Response:
    """Who the actor is, its roles by date, what it said, what it did to whom and what was done to it."""
    index = request.app.state.index
    events = index.events()
    as_source, as_target = events.involving(actor_id)
    found = rows(cur, "SELECT * FROM actors WHERE id = ?", [actor_id])
    if not found:
        if not (as_source.any() or as_target.any()):
            raise NotFoundError(f"no actor with id {actor_id!r}")
        found = [{"id": actor_id, "name": actor_id, "kind": None, "country": None, "sector": None, "role": None,
                  "aliases": []}]
    actor = found[0]
    actor["counts"] = {**_counts(cur, index, actor_id), "events_as_source": int(as_source.sum()),
                       "events_as_target": int(as_target.sum())}
    actor["roles"] = _roles(cur, actor_id)
    quotes = index.quotes().per_bucket(7, speaker=actor_id)
    acts = events.per_month(as_source | as_target)
    actor["activity"] = [{"month": m, "quotes": quotes.get(m, 0), "events": acts.get(m, 0)}
                         for m in sorted(quotes.keys() | acts.keys())]
    actor["targets"] = _partners(cur, events.partners(as_source, "target"))
    actor["sources"] = _partners(cur, events.partners(as_target, "source"))
    return json_response(actor)


def _counts(cur: duckdb.DuckDBPyConnection, index: StoreIndex, actor_id: str) -> dict[str, int]:
    """The actor's mentions, articles mentioning it and quotes: counted once per store for actors of the table."""
    counts = index.actor_counts()
    if (i := index.actor_position(actor_id)) is not None:
        return {"mentions": counts.mentions[i], "articles": counts.articles[i], "quotes": counts.quotes[i]}
    return rows(
        cur,
        """SELECT (SELECT count(*) FROM mentions WHERE actor_id = $1) AS mentions,
                  (SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = $1) AS articles,
                  (SELECT count(*) FROM quotes WHERE speaker_id = $1) AS quotes""",
        [actor_id],
    )[0]


def _roles(cur: duckdb.DuckDBPyConnection, actor_id: str) -> list[dict[str, Any]]:
    """Roles stated at the actor's mentions, with the first and last article dates they were seen."""
    return rows(
        cur,
        """SELECT m.role, min(a.published) AS first_seen, max(a.published) AS last_seen,
             count(DISTINCT m.article_id) AS articles
           FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
           WHERE m.actor_id = ? AND m.role IS NOT NULL AND m.role <> ''
           GROUP BY m.role ORDER BY first_seen NULLS LAST, m.role""",
        [actor_id],
    )


def _partners(cur: duckdb.DuckDBPyConnection, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 50 busiest partners with their display names and mean PLOVER score."""
    out = found[:50]
    names = by_id(cur, "SELECT id, name FROM actors", {p["id"] for p in out})
    for p in out:
        p["name"] = (names.get(p["id"]) or {}).get("name") or p["id"]
        p["mean_score"] = round(p.pop("score_sum") / p["events"], 3)
    return [{k: p[k] for k in ("id", "name", "events", "types", "last", "mean_score")} for p in out]

"""Actors: search with counts (``newsgraph.actors.query``); one actor with roles over time, what it said and did,
and to whom."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.actors.query import list_actors as query_actors
from newsgraph.api.params import Page, cursor, page, rows, scalar
from newsgraph.api.plover import score
from newsgraph.api.respond import json_response, listing
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
def get_actor(actor_id: str, cur: Cursor) -> Response:
    """Who the actor is, its roles by date, what it said, what it did to whom and what was done to it."""
    found = rows(cur, "SELECT * FROM actors WHERE id = ?", [actor_id])
    if not found:
        if not scalar(cur, "SELECT count(*) FROM events WHERE source = ? OR target = ?", [actor_id, actor_id]):
            raise NotFoundError(f"no actor with id {actor_id!r}")
        found = [{"id": actor_id, "name": actor_id, "kind": None, "country": None, "sector": None, "role": None,
                  "aliases": []}]
    actor = found[0]
    actor["counts"] = rows(
        cur,
        """SELECT (SELECT count(*) FROM mentions WHERE actor_id = $1) AS mentions,
                  (SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = $1) AS articles,
                  (SELECT count(*) FROM quotes WHERE speaker_id = $1) AS quotes,
                  (SELECT count(*) FROM events WHERE source = $1) AS events_as_source,
                  (SELECT count(*) FROM events WHERE target = $1) AS events_as_target""",
        [actor_id],
    )[0]
    actor["roles"] = _roles(cur, actor_id)
    actor["activity"] = rows(
        cur,
        """SELECT month, sum(quotes)::INTEGER AS quotes, sum(events)::INTEGER AS events FROM (
             SELECT left(date, 7) AS month, 1 AS quotes, 0 AS events FROM quotes WHERE speaker_id = $1
             UNION ALL SELECT left(date, 7), 0, 1 FROM events WHERE source = $1 OR target = $1)
           WHERE regexp_matches(month, '^[0-9]{4}-[0-9]{2}$') GROUP BY month ORDER BY month""",
        [actor_id],
    )
    actor["targets"] = _partners(cur, actor_id, "source", "target")
    actor["sources"] = _partners(cur, actor_id, "target", "source")
    return json_response(actor)


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


def _partners(cur: duckdb.DuckDBPyConnection, actor_id: str, me: str, other: str) -> list[dict[str, Any]]:
    """Return the actors on the other side of this actor's events, with counts by type and a mean PLOVER score.

    ``me`` and ``other`` are column names chosen in code ("source"/"target"), never user input.
    """
    found = rows(
        cur,
        f"""SELECT e.{other} AS id, coalesce(any_value(ac.name), e.{other}) AS name, e.event_type, e.mode,
              count(*) AS n, max(e.date) AS last
            FROM events e LEFT JOIN actors ac ON ac.id = e.{other}
            WHERE e.{me} = ? AND e.{other} IS NOT NULL GROUP BY e.{other}, e.event_type, e.mode""",
        [actor_id],
    )
    partners: dict[str, dict[str, Any]] = {}
    for r in found:
        p = partners.setdefault(r["id"], {"id": r["id"], "name": r["name"], "events": 0, "types": {},
                                          "score_sum": 0.0, "last": None})
        p["events"] += r["n"]
        p["types"][r["event_type"]] = p["types"].get(r["event_type"], 0) + r["n"]
        p["score_sum"] += (score(r["event_type"], r["mode"]) or 0.0) * r["n"]
        p["last"] = max(filter(None, [p["last"], r["last"]]), default=None)
    out = sorted(partners.values(), key=lambda p: (-p["events"], p["id"]))[:50]
    for p in out:
        p["mean_score"] = round(p.pop("score_sum") / p["events"], 3)
    return out

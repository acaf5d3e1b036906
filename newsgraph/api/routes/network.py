"""The actor network: actors as nodes, weighted edges from events (source → target) and quotes (speaker → actors
mentioned in the quotation)."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from newsgraph.api.params import Where, cursor, iso_date, rows, until_bound
from newsgraph.api.plover import score
from newsgraph.api.respond import json_response
from newsgraph.api.routes.events import ActorQ, FamilyQ, OutletQ, SinceQ, TypeQ, UntilQ
from newsgraph.events.query import event_filters, where_events

router = APIRouter(tags=["network"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


@router.get("/network", summary="Actor network")
def network(
    cur: Cursor, since: SinceQ = None, until: UntilQ = None, family: FamilyQ = "all", type: TypeQ = None,
    actor: ActorQ = None, outlet: OutletQ = None,
    quotes: Annotated[bool, Query(description="Add speaker → mentioned-actor edges from quotes (family=all only).")]
    = True,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="Drop edges seen fewer times.")] = 1,
    nodes: Annotated[int, Query(ge=2, le=500, description="Keep the most connected actors.")] = 80,
) -> Response:
    """Nodes (actors, with weighted degree) and directed edges (events by type with mean PLOVER score; quotes)."""
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    where = where_events(event_filters(actor, type, since, until, family=family, outlet=outlet))
    where.add("e.source IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target")
    for r in rows(cur, f"SELECT e.source, e.target, e.event_type, e.mode, count(*) AS n FROM events e {where.sql()}"
                       " GROUP BY ALL", where.params):
        edge = _edge(edges, r["source"], r["target"])
        edge["events"] += r["n"]
        edge["types"][r["event_type"]] = edge["types"].get(r["event_type"], 0) + r["n"]
        edge["score_sum"] += (score(r["event_type"], r["mode"]) or 0.0) * r["n"]
    if quotes and family == "all" and not type:
        for r in _quote_edges(cur, since, until, actor, outlet):
            _edge(edges, r["source"], r["target"])["quotes"] += r["n"]
    return json_response(_graph(cur, edges, min_weight, nodes))


def _edge(edges: dict[tuple[str, str], dict[str, Any]], source: str, target: str) -> dict[str, Any]:
    """Return (creating) the edge source → target."""
    return edges.setdefault((source, target), {"source": source, "target": target, "events": 0, "quotes": 0,
                                               "types": {}, "score_sum": 0.0})


def _quote_edges(cur: duckdb.DuckDBPyConnection, since: str | None, until: str | None, actor: str | None,
                 outlet: str | None) -> list[dict[str, Any]]:
    """Speaker → actor mentioned inside the quotation span, counted once per quote."""
    where = Where()
    where.add("q.speaker_id IS NOT NULL")
    if (s := iso_date("since", since)) is not None:
        where.add("q.date >= ? AND q.date < ':'", s)  # ':' sorts after digits: no 'XXXX-…' value
    if (u := iso_date("until", until)) is not None:
        where.add("q.date <= ?", until_bound(u))
    if actor:
        where.add("(q.speaker_id = ? OR m.actor_id = ?)", actor, actor)
    if outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    return rows(
        cur,
        f"""SELECT q.speaker_id AS source, m.actor_id AS target, count(DISTINCT q.id) AS n
            FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
              AND m.actor_id <> q.speaker_id
            {where.sql()} GROUP BY ALL""",
        where.params,
    )


def _graph(cur: duckdb.DuckDBPyConnection, edges: dict[tuple[str, str], dict[str, Any]], min_weight: int,
           max_nodes: int) -> dict[str, Any]:
    """Keep edges of weight >= min_weight among the ``max_nodes`` most connected actors."""
    kept = [e for e in edges.values() if e["events"] + e["quotes"] >= min_weight]
    degree: dict[str, int] = defaultdict(int)
    for e in kept:
        w = e["events"] + e["quotes"]
        degree[e["source"]] += w
        degree[e["target"]] += w
    top = sorted(degree, key=lambda a: (-degree[a], a))[:max_nodes]
    chosen = set(top)
    out_edges = []
    for e in kept:
        if e["source"] in chosen and e["target"] in chosen:
            e["weight"] = e["events"] + e["quotes"]
            e["mean_score"] = round(e.pop("score_sum") / e["events"], 3) if e["events"] else None
            out_edges.append(e)
    found = rows(cur, "SELECT id, name, kind, country FROM actors WHERE list_contains(?, id)", [top]) if top else []
    info = {r["id"]: r for r in found}
    out_nodes = [{"id": a, "name": info.get(a, {}).get("name") or a, "kind": info.get(a, {}).get("kind"),
                  "country": info.get(a, {}).get("country"), "weight": degree[a]} for a in top]
    out_edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    return {"nodes": out_nodes, "edges": out_edges, "dropped_nodes": max(0, len(degree) - len(top))}

"""Timeline aggregate: events and quotes per day (or month) by type; a PLOVER cooperation–conflict series per dyad."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query

from newsgraph.api.params import Where, cursor, iso_date, rows, until_bound
from newsgraph.api.plover import EVENT_TYPES, score
from newsgraph.api.routes.events import ActorQ, DyadQ, FamilyQ, OutletQ, SinceQ, TypeQ, UntilQ, event_filters

router = APIRouter(tags=["timeline"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
_WIDTH = {"day": 10, "month": 7}


@router.get("/timeline", summary="Events and quotes over time; cooperation–conflict per dyad")
def timeline(
    cur: Cursor, actor: ActorQ = None, type: TypeQ = None, dyad: DyadQ = None, family: FamilyQ = "all",
    since: SinceQ = None, until: UntilQ = None, outlet: OutletQ = None,
    interval: Annotated[str, Query(pattern="^(day|month)$", description="day or month buckets.")] = "day",
    top_dyads: Annotated[int, Query(ge=0, le=20, description="Dyads with the most events to chart.")] = 5,
) -> dict[str, Any]:
    """Counts per bucket (events by PLOVER type, quotes) and the summed PLOVER score per dyad and bucket.

    Only records dated to the bucket's precision are counted; ``undated`` says how many were left out.
    """
    width = _WIDTH[interval]
    where = event_filters(actor, None, None, type, dyad, family, since, until, outlet)
    where.add("length(e.date) >= ?", width)
    per_type = rows(cur, f"SELECT left(e.date, ?) AS d, e.event_type AS t, count(*) AS n FROM events e {where.sql()}"
                         " GROUP BY ALL", [width, *where.params])
    quotes = _quotes_per_bucket(cur, width, actor, since, until, outlet) if not (type or dyad or family != "all") \
        else {}
    buckets: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": {}, "events_total": 0, "quotes": 0})
    for r in per_type:
        b = buckets[r["d"]]
        b["events"][r["t"]] = r["n"]
        b["events_total"] += r["n"]
    for d, n in quotes.items():
        buckets[d]["quotes"] = n
    seen_types = {r["t"] for r in per_type}
    return {
        "interval": interval,
        "buckets": [{"date": d, **buckets[d]} for d in sorted(buckets)],
        "types": [t for t in EVENT_TYPES if t in seen_types] + sorted(seen_types - set(EVENT_TYPES)),
        "dyads": _dyad_series(cur, where, width, top_dyads),
        "undated": _undated(cur, actor, type, dyad, family, since, until, outlet, width),
    }


def _quotes_per_bucket(cur: duckdb.DuckDBPyConnection, width: int, actor: str | None, since: str | None,
                       until: str | None, outlet: str | None) -> dict[str, int]:
    """Return {bucket: number of quotes} (the actor as speaker)."""
    where = Where()
    if actor:
        where.add("q.speaker_id = ?", actor)
    if (s := iso_date("since", since)) is not None:
        where.add("q.date >= ?", s)
    if (u := iso_date("until", until)) is not None:
        where.add("q.date <= ?", until_bound(u))
    if outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    where.add("length(q.date) >= ?", width)
    found = rows(cur, f"SELECT left(q.date, ?) AS d, count(*) AS n FROM quotes q {where.sql()} GROUP BY ALL",
                 [width, *where.params])
    return {r["d"]: r["n"] for r in found}


def _dyad_series(cur: duckdb.DuckDBPyConnection, where: Where, width: int, top: int) -> list[dict[str, Any]]:
    """Return, for the ``top`` dyads (unordered pairs), events and summed PLOVER score per bucket."""
    if top == 0:
        return []
    dyad_where = f"{where.sql()} AND e.source IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target"
    found = rows(
        cur,
        f"""WITH top AS (SELECT least(e.source, e.target) AS a, greatest(e.source, e.target) AS b, count(*) AS n
                         FROM events e {dyad_where} GROUP BY ALL ORDER BY n DESC, a, b LIMIT ?)
            SELECT top.a, top.b, top.n AS total, left(e.date, ?) AS d, e.event_type AS t, e.mode AS m, count(*) AS n
            FROM events e JOIN top ON least(e.source, e.target) = top.a AND greatest(e.source, e.target) = top.b
            {dyad_where} GROUP BY ALL""",
        [*where.params, top, width, *where.params],
    )
    series: dict[tuple[str, str], dict[str, dict[str, float]]] = defaultdict(dict)
    totals: dict[tuple[str, str], int] = {}
    for r in found:
        key = (r["a"], r["b"])
        totals[key] = r["total"]
        point = series[key].setdefault(r["d"], {"events": 0, "score": 0.0, "scored": 0})
        point["events"] += r["n"]
        if (s := score(r["t"], r["m"])) is not None:
            point["score"] += s * r["n"]
            point["scored"] += r["n"]
    names = _names(cur, sorted({a for pair in totals for a in pair}))
    out = []
    for key in sorted(totals, key=lambda k: (-totals[k], k)):
        points = [{"date": d, "events": int(p["events"]), "score": p["score"],
                   "mean": round(p["score"] / p["scored"], 3) if p["scored"] else None}
                  for d, p in sorted(series[key].items())]
        out.append({"a": key[0], "b": key[1], "a_name": names.get(key[0], key[0]), "b_name": names.get(key[1], key[1]),
                    "events": totals[key], "series": points})
    return out


def _undated(cur: duckdb.DuckDBPyConnection, actor: str | None, type: str | None, dyad: str | None, family: str,
             since: str | None, until: str | None, outlet: str | None, width: int) -> int:
    """Return how many matching events have no date of the bucket's precision (only without a date filter)."""
    if since or until:
        return 0
    where = event_filters(actor, None, None, type, dyad, family, None, None, outlet)
    where.add("(e.date IS NULL OR length(e.date) < ?)", width)
    found = rows(cur, "SELECT count(*) AS n FROM events e" + where.sql(), where.params)
    return int(found[0]["n"])


def _names(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """Return {actor id: display name} for ``ids``."""
    if not ids:
        return {}
    return {r["id"]: r["name"] for r in rows(cur, "SELECT id, name FROM actors WHERE list_contains(?, id)", [ids])}

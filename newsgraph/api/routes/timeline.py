"""Timeline aggregate: events and quotes per day (or month) by type; a PLOVER cooperation–conflict series per dyad."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query

from newsgraph.api.params import Where, cursor, iso_date, rows, until_bound
from newsgraph.api.plover import EVENT_TYPES, scores
from newsgraph.api.routes.events import ActorQ, DyadQ, FamilyQ, OutletQ, SinceQ, TypeQ, UntilQ, event_filters

router = APIRouter(tags=["timeline"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
_WIDTH = {"day": 10, "month": 7}
# a date of at least the bucket's precision; unresolved TIMEX values ("XXXX-WXX-5", "2022-W03") are undated here
_PRECISE = {10: re.compile(r"^\d{4}-\d{2}-\d{2}"), 7: re.compile(r"^\d{4}-\d{2}")}


def _bucket(date: str | None, width: int) -> str | None:
    """Return the bucket of a stored date, or None when the date is not precise enough."""
    return date[:width] if date and _PRECISE[width].match(date) else None


@router.get("/timeline", summary="Events and quotes over time")
def timeline(
    cur: Cursor, actor: ActorQ = None, type: TypeQ = None, dyad: DyadQ = None, family: FamilyQ = "all",
    since: SinceQ = None, until: UntilQ = None, outlet: OutletQ = None,
    interval: Annotated[str, Query(pattern="^(day|month)$", description="day or month buckets.")] = "day",
) -> dict[str, Any]:
    """Counts per bucket: events by PLOVER type, and quotes (the actor as speaker; none when events are filtered
    by type, dyad or family). Records not dated to the bucket's precision are counted in ``undated``."""
    width = _WIDTH[interval]
    where = event_filters(actor, None, None, type, dyad, family, since, until, outlet)
    # group by the raw date (no string functions over every row); buckets are cut in Python
    per_date = rows(cur, f"SELECT e.event_type AS t, e.date AS d, count(*) AS n FROM events e {where.sql()} "
                         "GROUP BY ALL", where.params)
    buckets: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": {}, "events_total": 0, "quotes": 0})
    undated = 0
    for r in per_date:
        if (day := _bucket(r["d"], width)) is None:
            undated += r["n"]
            continue
        b = buckets[day]
        b["events"][r["t"]] = b["events"].get(r["t"], 0) + r["n"]
        b["events_total"] += r["n"]
    if not (type or dyad or family != "all"):
        for d, n in _quotes_per_date(cur, actor, since, until, outlet).items():
            if (day := _bucket(d, width)) is not None:
                buckets[day]["quotes"] += n
    seen_types = {r["t"] for r in per_date}
    return {
        "interval": interval,
        "buckets": [{"date": d, **buckets[d]} for d in sorted(buckets)],
        "types": [t for t in EVENT_TYPES if t in seen_types] + sorted(seen_types - set(EVENT_TYPES) - {None}),
        "undated": undated,
    }


@router.get("/timeline/dyads", summary="Cooperation–conflict series of the busiest dyads")
def timeline_dyads(
    cur: Cursor, actor: ActorQ = None, type: TypeQ = None, dyad: DyadQ = None, family: FamilyQ = "all",
    since: SinceQ = None, until: UntilQ = None, outlet: OutletQ = None,
    interval: Annotated[str, Query(pattern="^(day|month)$", description="day or month buckets.")] = "day",
    top: Annotated[int, Query(ge=1, le=20, description="Dyads with the most events to chart.")] = 5,
) -> dict[str, Any]:
    """For the ``top`` dyads (unordered actor pairs), events and summed PLOVER score per bucket (PLOVER manual,
    Table 2.2: −10 conflict … +10 cooperation)."""
    width = _WIDTH[interval]
    where = event_filters(actor, None, None, type, dyad, family, since, until, outlet)
    where.add("e.source IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target")
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows(cur, f"SELECT e.source AS s, e.target AS t, count(*) AS n FROM events e {where.sql()} GROUP BY ALL",
                  where.params):
        totals[(min(r["s"], r["t"]), max(r["s"], r["t"]))] += r["n"]
    chosen = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    ids = sorted({a for pair in chosen for a in pair})
    series: dict[tuple[str, str], dict[str, dict[str, float]]] = defaultdict(dict)
    if chosen:
        for r in _scored_series(cur, where, chosen):
            if (day := _bucket(r["d"], width)) is None:
                continue
            key = (min(r["s"], r["t"]), max(r["s"], r["t"]))
            point = series[key].setdefault(day, {"events": 0, "score": 0.0, "scored": 0})
            point["events"] += r["n"]
            point["score"] += r["score"] or 0.0
            point["scored"] += r["scored"]
    names = _names(cur, ids)
    out = []
    for key in chosen:
        points = [{"date": d, "events": int(p["events"]), "score": p["score"],
                   "mean": round(p["score"] / p["scored"], 3) if p["scored"] else None}
                  for d, p in sorted(series[key].items())]
        out.append({"a": key[0], "b": key[1], "a_name": names.get(key[0], key[0]), "b_name": names.get(key[1], key[1]),
                    "events": totals[key], "series": points})
    return {"interval": interval, "dyads": out}


def _scored_series(cur: duckdb.DuckDBPyConnection, where: Where, pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Events and summed PLOVER score per (source, target, date) for the given pairs, both directions.

    The score table is joined as a parameter (type, mode, score); a mode the manual does not score falls back to
    the type's own score.
    """
    table = scores()
    narrowed = where.copy()
    narrowed.add("(" + " OR ".join("(e.source = ? AND e.target = ?)" for _ in range(2 * len(pairs))) + ")",
                 *[x for a, b in pairs for x in (a, b, b, a)])
    return rows(
        cur,
        f"""WITH sc AS (SELECT unnest(?) AS t, unnest(?) AS m, unnest(?) AS s)
            SELECT e.source AS s, e.target AS t, e.date AS d, count(*) AS n, sum(coalesce(sm.s, sb.s)) AS score,
              count(coalesce(sm.s, sb.s)) AS scored
            FROM events e LEFT JOIN sc sm ON sm.t = e.event_type AND sm.m = lower(e.mode)
              LEFT JOIN sc sb ON sb.t = e.event_type AND sb.m = ''
            {narrowed.sql()} GROUP BY ALL""",
        [[k[0] for k in table], [k[1] for k in table], list(table.values()), *narrowed.params],
    )


def _quotes_per_date(cur: duckdb.DuckDBPyConnection, actor: str | None, since: str | None, until: str | None,
                     outlet: str | None) -> dict[str, int]:
    """Return {date: number of quotes} (the actor as speaker)."""
    where = Where()
    if actor:
        where.add("q.speaker_id = ?", actor)
    if (s := iso_date("since", since)) is not None:
        where.add("q.date >= ? AND q.date < ':'", s)  # ':' sorts after digits: no 'XXXX-…' value
    if (u := iso_date("until", until)) is not None:
        where.add("q.date <= ?", until_bound(u))
    if outlet:
        where.add("q.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    found = rows(cur, f"SELECT q.date AS d, count(*) AS n FROM quotes q {where.sql()} GROUP BY ALL", where.params)
    return {r["d"]: r["n"] for r in found}


def _names(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """Return {actor id: display name} for ``ids``."""
    if not ids:
        return {}
    return {r["id"]: r["name"] for r in rows(cur, "SELECT id, name FROM actors WHERE list_contains(?, id)", [ids])}

"""Timeline aggregate: events and quotes per day (or month) by type; a PLOVER cooperation–conflict series per dyad.

Both are cut from the in-memory event index (``newsgraph/api/index.py``): a million events are counted per bucket
with numpy in milliseconds, where grouping their date and type strings in SQL took most of the request.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.api.index import bucket
from newsgraph.api.params import cursor
from newsgraph.api.plover import EVENT_TYPES
from newsgraph.api.respond import json_response
from newsgraph.api.routes.events import ActorQ, DyadQ, FamilyQ, OutletQ, SinceQ, TypeQ, UntilQ
from newsgraph.api.sql import rows
from newsgraph.events.query import event_filters

router = APIRouter(tags=["timeline"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
_WIDTH = {"day": 10, "month": 7}
IntervalQ = Annotated[str, Query(pattern="^(day|month)$", description="day or month buckets.")]


def _bucket(date: str | None, width: int) -> str | None:
    """Return the bucket of a stored date, or None when the date is not precise enough."""
    return bucket(date, width)


@router.get("/timeline", summary="Events and quotes over time")
def timeline(
    request: Request, cur: Cursor, actor: ActorQ = None, type: TypeQ = None, dyad: DyadQ = None,
    family: FamilyQ = "all", since: SinceQ = None, until: UntilQ = None, outlet: OutletQ = None,
    interval: IntervalQ = "day",
) -> Response:
    """Counts per bucket: events by PLOVER type, and quotes (the actor as speaker; none when events are filtered
    by type, dyad or family). Records not dated to the bucket's precision are counted in ``undated``."""
    width = _WIDTH[interval]
    filters = event_filters(actor, type, since, until, dyad_ids=dyad, family=family, outlet=outlet)
    index = request.app.state.index.events()
    counted = index.per_bucket(index.matching(filters), width)
    buckets: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": {}, "events_total": 0, "quotes": 0})
    for day, counts in counted["buckets"]:
        buckets[day]["events"] = counts
        buckets[day]["events_total"] = sum(counts.values())
    if not (type or dyad or family != "all"):
        quotes = request.app.state.index.quotes().per_bucket(width, actor, filters.since, filters.until, outlet)
        for day, n in quotes.items():
            buckets[day]["quotes"] = n
    seen = set(counted["types"])
    return json_response({
        "interval": interval,
        "buckets": [{"date": d, **buckets[d]} for d in sorted(buckets)],
        "types": [t for t in EVENT_TYPES if t in seen] + sorted(seen - set(EVENT_TYPES) - {None}),
        "undated": counted["undated"],
    })


@router.get("/timeline/dyads", summary="Cooperation–conflict series of the busiest dyads")
def timeline_dyads(
    request: Request, cur: Cursor, actor: ActorQ = None, type: TypeQ = None, dyad: DyadQ = None,
    family: FamilyQ = "all", since: SinceQ = None, until: UntilQ = None, outlet: OutletQ = None,
    interval: IntervalQ = "day",
    top: Annotated[int, Query(ge=1, le=20, description="Dyads with the most events to chart.")] = 5,
) -> Response:
    """For the ``top`` dyads (unordered actor pairs), events and summed PLOVER score per bucket (PLOVER manual,
    Table 2.2: −10 conflict … +10 cooperation)."""
    filters = event_filters(actor, type, since, until, dyad_ids=dyad, family=family, outlet=outlet)
    index = request.app.state.index.events()
    found = index.dyads(index.matching(filters), _WIDTH[interval], top)
    names = _names(cur, sorted({d[k] for d in found for k in ("a", "b")}))
    out = [{"a": d["a"], "b": d["b"], "a_name": names.get(d["a"], d["a"]), "b_name": names.get(d["b"], d["b"]),
            "events": d["events"], "series": d["series"]} for d in found]
    return json_response({"interval": interval, "dyads": out})


def _names(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """Return {actor id: display name} for ``ids``."""
    if not ids:
        return {}
    return {r["id"]: r["name"] for r in rows(cur, "SELECT id, name FROM actors WHERE list_contains(?, id)", [ids])}

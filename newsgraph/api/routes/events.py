"""Events: filter by actor, dyad, PLOVER type or family, dates, outlet."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from newsgraph.api import params as P
from newsgraph.api.params import Page, Where, cursor, date_key, newest_first, page, rows, scalar
from newsgraph.api.plover import FAMILIES, family_types, score
from newsgraph.api.respond import listing

router = APIRouter(tags=["events"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

ActorQ = Annotated[str | None, Query(description="Actor id as source or target.")]
TypeQ = Annotated[str | None, Query(description="PLOVER event type(s), comma-separated, e.g. CONSULT,ACCUSE.")]
DyadQ = Annotated[str | None, Query(description="Two actor ids 'A,B': events between them, either direction.")]
FamilyQ = Annotated[str, Query(pattern="^(all|cooperation|conflict)$", description=" | ".join(FAMILIES))]
SinceQ = Annotated[str | None, Query(description="On or after (ISO date).")]
UntilQ = Annotated[str | None, Query(description="On or before (ISO date).")]
OutletQ = Annotated[str | None, Query(description="Outlet of the article (exact, case-insensitive).")]


def event_filters(actor: str | None = None, source: str | None = None, target: str | None = None,
                  event_type: str | None = None, dyad: str | None = None, family: str = "all",
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  article: str | None = None, alias: str = "e") -> Where:
    """Build the WHERE of an event search (table alias ``alias``, a fixed name from code)."""
    where = Where()
    e = alias
    if actor:
        where.add(f"({e}.source = ? OR {e}.target = ?)", actor, actor)
    if source:
        where.add(f"{e}.source = ?", source)
    if target:
        where.add(f"{e}.target = ?", target)
    if (types := P.event_types(event_type)) is not None:
        where.add(f"list_contains(?, {e}.event_type)", types)
    if family != "all":
        where.add(f"list_contains(?, {e}.event_type)", family_types(family))
    if (pair := P.dyad(dyad)) is not None:
        if pair[0] == pair[1]:
            where.add(f"{e}.source = ? AND {e}.target = ?", *pair)
        else:  # both directions, as single-column filters DuckDB pushes into the scan (faster than an OR)
            where.add(f"{e}.source IN (?, ?) AND {e}.target IN (?, ?) AND {e}.source <> {e}.target", *pair, *pair)
    if (s := P.iso_date("since", since)) is not None:
        where.add(f"{e}.date >= ? AND {e}.date < ':'", s)  # ':' sorts after digits: no 'XXXX-…' value
    if (u := P.iso_date("until", until)) is not None:
        where.add(f"{e}.date <= ?", P.until_bound(u))
    if outlet:
        where.add(f"{e}.article_id IN (SELECT id FROM articles WHERE lower(outlet) = lower(?))", outlet)
    if article:
        where.add(f"{e}.article_id = ?", article)
    return where


@router.get("/events", summary="Search events")
def list_events(
    cur: Cursor, pg: Annotated[Page, Depends(page)], actor: ActorQ = None,
    source: Annotated[str | None, Query(description="Source actor id.")] = None,
    target: Annotated[str | None, Query(description="Target actor id.")] = None,
    type: TypeQ = None, dyad: DyadQ = None, family: FamilyQ = "all", since: SinceQ = None, until: UntilQ = None,
    outlet: OutletQ = None, article: Annotated[str | None, Query(description="Article id.")] = None,
) -> Response:
    """Events, newest first, with actor names, PLOVER score, article title and outlet."""
    where = event_filters(actor, source, target, type, dyad, family, since, until, outlet, article)
    total = scalar(cur, "SELECT count(*) FROM events e" + where.sql(), where.params)
    narrow = newest_first(cur, "events", "e", where, pg)
    items = rows(
        cur,
        f"""WITH page AS (SELECT e.* FROM events e {narrow.sql()}
              ORDER BY {date_key('e')} DESC NULLS LAST, e.id LIMIT ? OFFSET ?)
            SELECT page.id, page.article_id, page.event_type, page.mode, page.source,
              coalesce(s.name, page.source) AS source_label, page.target, coalesce(t.name, page.target) AS target_label,
              page.source_name, page.target_name, page.source_sector, page.target_sector, page.date, page.location,
              page.sentence, page.start, page."end", page.trigger, page.negated, page.hypothetical, page.rule,
              page.confidence, page.sources, page.canonical_id, a.title AS article_title, a.outlet
            FROM page LEFT JOIN articles a ON a.id = page.article_id
              LEFT JOIN actors s ON s.id = page.source LEFT JOIN actors t ON t.id = page.target
            ORDER BY {date_key('page')} DESC NULLS LAST, page.id""",
        [*narrow.params, pg.limit, pg.offset],
    )
    for item in items:
        item["score"] = score(item["event_type"], item["mode"])
    return listing(items, total, pg, "events")

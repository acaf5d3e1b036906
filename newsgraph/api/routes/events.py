"""Events: filter by actor, dyad, PLOVER type or family, dates, outlet (``newsgraph.events.query.query_events``)."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.api.params import Page, cursor, page
from newsgraph.api.plover import FAMILIES
from newsgraph.api.respond import listing
from newsgraph.events.query import query_events

router = APIRouter(tags=["events"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

ActorQ = Annotated[str | None, Query(description="Actor id as source or target.")]
TypeQ = Annotated[str | None, Query(description="PLOVER event type(s), comma-separated, e.g. CONSULT,ACCUSE.")]
DyadQ = Annotated[str | None, Query(description="Two actor ids 'A,B': events between them, either direction.")]
FamilyQ = Annotated[str, Query(pattern="^(all|cooperation|conflict)$", description=" | ".join(FAMILIES))]
SinceQ = Annotated[str | None, Query(description="On or after (ISO date).")]
UntilQ = Annotated[str | None, Query(description="On or before (ISO date).")]
OutletQ = Annotated[str | None, Query(description="Outlet of the article (exact, case-insensitive).")]


@router.get("/events", summary="Search events")
def list_events(
    request: Request, cur: Cursor, pg: Annotated[Page, Depends(page)], actor: ActorQ = None,
    source: Annotated[str | None, Query(description="Source actor id.")] = None,
    target: Annotated[str | None, Query(description="Target actor id.")] = None,
    type: TypeQ = None, dyad: DyadQ = None, family: FamilyQ = "all", since: SinceQ = None, until: UntilQ = None,
    outlet: OutletQ = None, article: Annotated[str | None, Query(description="Article id.")] = None,
) -> Response:
    """Events, newest first, with actor names, PLOVER score, article title and outlet."""
    found = query_events(cur, actor, type, since, until, pg.limit, include_negated=True, actor_match="id",
                         source=source, target=target, dyad=dyad, family=family, outlet=outlet, article=article,
                         offset=pg.offset, total=pg.format == "json", index=request.app.state.index)
    return listing(found, found.total or 0, pg, "events")

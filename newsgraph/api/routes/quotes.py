"""Quotes: search by speaker, dates, words, outlet; facets by speaker (``newsgraph.quotes.query``)."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.api.params import Page, cursor, page
from newsgraph.api.respond import json_response, listing
from newsgraph.quotes.query import list_quotes as query_quotes
from newsgraph.quotes.query import quote_speakers as query_speakers

router = APIRouter(tags=["quotes"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]

SpeakerQ = Annotated[str | None, Query(description="Speaker actor id, or speaker name (case-insensitive).")]
SinceQ = Annotated[str | None, Query(description="Said on or after (ISO date).")]
UntilQ = Annotated[str | None, Query(description="Said on or before (ISO date).")]
TextQ = Annotated[str | None, Query(max_length=200, description="Words the quote contains.")]
OutletQ = Annotated[str | None, Query(description="Outlet of the article (exact, case-insensitive).")]
KindQ = Annotated[str | None, Query(pattern="^(direct|indirect|mixed)$", description="direct, indirect or mixed.")]
SourcesQ = Annotated[int | None, Query(ge=1, description="At least this many articles carry the quote.")]


@router.get("/quotes", summary="Search quotes")
def list_quotes(
    request: Request, cur: Cursor, pg: Annotated[Page, Depends(page)], speaker: SpeakerQ = None, since: SinceQ = None,
    until: UntilQ = None, q: TextQ = None, outlet: OutletQ = None, kind: KindQ = None, min_sources: SourcesQ = None,
    article: Annotated[str | None, Query(description="Article id.")] = None,
) -> Response:
    """Quotes, newest first, each with its article, outlet and the outlets of every article carrying it."""
    found = query_quotes(cur, speaker, since, until, q, pg.limit, outlet=outlet, kind=kind, min_sources=min_sources,
                         article=article, speaker_match="exact", offset=pg.offset, total=pg.format == "json",
                         outlets=request.app.state.index.quote_outlets(), index=request.app.state.index.quotes())
    return listing(found, found.total or 0, pg, "quotes")


@router.get("/quotes/speakers", summary="Speaker facet of a quote search")
def quote_speakers(
    cur: Cursor, since: SinceQ = None, until: UntilQ = None, q: TextQ = None, outlet: OutletQ = None,
    kind: KindQ = None, min_sources: SourcesQ = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Most frequent speakers to return.")] = 30,
) -> Response:
    """Speakers of the matching quotes with their counts, most quoted first."""
    return json_response({"items": query_speakers(cur, since, until, q, outlet, kind, min_sources, limit)})

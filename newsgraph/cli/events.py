"""`newsgraph events --db FILE`: list coded PLOVER events."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import DbOption, console, print_table, user_errors
from newsgraph.events.query import query_events
from newsgraph.store import DEFAULT_DB


@app.command("events")
def events_cmd(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor id, code or name (source or target).")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Earliest event date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Latest event date (YYYY[-MM[-DD]]).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most events to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per event.")] = False,
) -> None:
    """List PLOVER events (who did what to whom, when) with their evidence sentence."""
    with user_errors():
        rows = query_events(db, actor=actor, event_type=event_type, since=since, until=until, limit=limit)
    if as_json:
        for row in rows:
            console.print(json.dumps(row, default=str), markup=False, highlight=False, soft_wrap=True)
        return
    print_table(rows, ["date", "event_type", "mode", "source", "target", "source_name", "confidence", "sentence"],
                title=f"{len(rows)} events")

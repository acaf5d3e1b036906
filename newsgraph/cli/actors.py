"""`newsgraph actors --db FILE`: actors with mention counts."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.actors.query import list_actors
from newsgraph.cli.app import app
from newsgraph.cli.common import print_table, user_errors
from newsgraph.store import DEFAULT_DB


@app.command("actors")
def actors_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    search: Annotated[str | None, typer.Option("--search", help="Words in the name, id or an alias.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="state, igo, person, organisation or group.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most N actors.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the actors as JSON lines.")] = False,
) -> None:
    """List actors with how often they are mentioned, most mentioned first."""
    with user_errors():
        rows = list_actors(db, search=search, kind=kind, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, default=str))
        return
    for row in rows:
        row["aliases"] = ", ".join((row.get("aliases") or [])[:5])
    print_table(rows, ["id", "name", "kind", "country", "sector", "role", "mentions", "articles", "aliases"],
                title="actors")

"""`newsgraph stories --db FILE`: the story clusters, largest first."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import print_table, user_errors
from newsgraph.errors import BadParameterError
from newsgraph.store import DEFAULT_DB, open_store


@app.command("stories")
def stories_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", help="Show at most N stories.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stories as JSON lines, with article ids.")] = False,
) -> None:
    """List stories (clusters of articles about one happening) with their label, dates and size."""
    with user_errors(), open_store(db, read_only=True) as store:
        if limit < 1:
            raise BadParameterError(f"--limit must be at least 1, not {limit}")
        rows = store.query(
            """SELECT s.id, s.label, s.first_date, s.last_date, s.size,
                      list(a.id ORDER BY a.published, a.id) AS articles
               FROM stories s LEFT JOIN articles a ON a.story_id = s.id
               GROUP BY ALL ORDER BY s.size DESC, s.first_date, s.id LIMIT ?""", [limit])
    if as_json:
        for row in rows:
            print(json.dumps(row, default=str))
        return
    print_table(rows, ["id", "size", "first_date", "last_date", "label"], title="stories")

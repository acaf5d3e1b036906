"""`newsgraph quotes --db FILE`: quotations by speaker, date and words."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import print_table, user_errors
from newsgraph.quotes.query import list_quotes
from newsgraph.store import DEFAULT_DB


@app.command("quotes")
def quotes_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker actor id, or words of the name.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Said on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Said on or before this ISO date.")] = None,
    contains: Annotated[str | None, typer.Option("--contains", help="Words the quotation contains.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most N quotations.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the quotations as JSON lines.")] = False,
) -> None:
    """List quotations with their speaker, kind and date, newest first."""
    with user_errors():
        rows = list_quotes(db, speaker=speaker, since=since, until=until, contains=contains, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, default=str))
        return
    print_table(rows, ["date", "speaker", "speaker_country", "kind", "cue", "text"], title="quotes")

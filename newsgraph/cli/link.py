"""`newsgraph link --db FILE`: recompute copies, stories and merged quotes/events over the whole store."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import print_table, user_errors
from newsgraph.link import link_store
from newsgraph.store import DEFAULT_DB, open_store


@app.command("link")
def link_cmd(
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Recompute cross-document links: duplicates and copies, stories, quotes and events with N sources."""
    with user_errors(), open_store(db) as store:
        summary = link_store(store)
    if as_json:
        print(json.dumps(summary))
    else:
        print_table([{"what": k, "count": v} for k, v in summary.items()], ["what", "count"], title="link")

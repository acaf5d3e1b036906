"""`newsgraph show ARTICLE_ID`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from newsgraph.cli.app import app
from newsgraph.cli.common import console, user_errors
from newsgraph.store import DEFAULT_DB, open_store


@app.command("show")
def show_cmd(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    db: Annotated[str, typer.Option("--db", help="DuckDB store file.")] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the article and its records as JSON.")] = False,
) -> None:
    """Show one article: metadata, clean text, and its quotes and events."""
    with user_errors(), open_store(db, read_only=True) as store:
        art = store.article(article_id)
    if as_json:
        console.print_json(json.dumps(art, default=str))
        return
    console.rule(f"[bold]{art['title'] or '(no title)'}")
    for key in ("id", "outlet", "original_outlet", "page_date", "published", "published_evidence", "source",
                "duplicate_of", "story_id"):
        if art.get(key) or key == "published":  # an unknown real date is said, not left out
            console.print(f"[dim]{key}:[/dim] {art[key] or 'unknown'}", highlight=False)
    console.print(f"[dim]boilerplate dropped:[/dim] {len(art['boilerplate'] or [])} lines")
    console.print()
    console.print(art["text"], markup=False, highlight=False)
    for q in art["quotes"]:
        console.print(f"quote · {q['speaker'] or '?'} · {q['kind']} · {q['date']}: {q['text']}", markup=False)
    for e in art["events"]:
        console.print(f"event · {e['event_type']} {e['source']}→{e['target']} · {e['date']}: {e['sentence']}",
                      markup=False)

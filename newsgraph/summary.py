"""A readable summary of a store: articles, outlets, real dates, boilerplate, records, failures."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from newsgraph.store import Store

_ARTICLES = """
SELECT a.id, a.outlet, a.title, a.page_date, a.published, a.published_evidence, len(a.text) AS chars,
       len(a.boilerplate) AS dropped, a.duplicate_of, a.story_id,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
FROM articles a ORDER BY a.published NULLS LAST, a.source"""


def summary(store: Store) -> dict[str, Any]:
    """Return the figures of the summary as plain data (the API and the CLI share it)."""
    return {
        "counts": store.counts(),
        "articles": store.query(_ARTICLES),
        "failed": store.query("SELECT source, error_code, error FROM documents WHERE status = 'error' ORDER BY source"),
    }


def summarise(store: Store, console: Console) -> None:
    """Print the summary of ``store``."""
    data = summary(store)
    counts = data["counts"]
    table = Table(title=f"{counts['articles']} articles in {store.path}")
    for col in ("id", "outlet", "title", "page date", "real date (evidence)", "kept / dropped", "quotes", "events"):
        table.add_column(col, overflow="fold")
    for a in data["articles"]:
        real = f"{a['published'] or '?'} ({a['published_evidence'] or 'no evidence'})"
        table.add_row(a["id"][:10], a["outlet"] or "?", (a["title"] or "")[:70], a["page_date"] or "?", real,
                      f"{a['chars']} chars / {a['dropped']} lines", str(a["quotes"]), str(a["events"]))
    console.print(table)
    console.print(" · ".join(f"{n} {k}" for k, n in counts.items()))
    for f in data["failed"]:
        console.print(f"[red]failed[/red] {f['source']}: [{f['error_code']}] {f['error']}", highlight=False)

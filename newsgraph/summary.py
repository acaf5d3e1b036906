"""A readable summary of a store: articles, outlets, real dates, boilerplate, records, failures."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from newsgraph.store import Store

_ARTICLES = """
SELECT a.id, a.outlet, a.title, a.page_date, a.published, a.published_evidence, len(a.text) AS chars,
       len(a.boilerplate) AS dropped, a.duplicate_of, a.story_id,
       (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
       (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
FROM articles a ORDER BY a.published NULLS LAST, a.source"""
# (header, field, width, wide terminals only, alignment) of the columns before the title; an id is cut, not elided
_COLUMNS = [("id", "id", 7, False, "<"), ("real date", "published", 10, False, "<"),
            ("page date", "page_date", 10, True, "<"), ("quotes", "quotes", 6, False, ">"),
            ("events", "events", 6, False, ">"), ("dropped", "dropped", 7, True, ">"),
            ("outlet", "outlet", 16, False, "<")]

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
    # A fixed-width listing rather than a rich Table: a table squeezes its columns into a letter each in an
    # 80-column terminal; here each article keeps one line, cut at the terminal's width.
    console.print(f"[bold]{counts['articles']} articles in {store.path}[/bold]", highlight=False)
    wide = console.width >= 110
    columns = [c for c in _COLUMNS if wide or not c[3]]
    head = "  ".join(f"{name:{align}{width}}" for name, _, width, _, align in columns) + "  title"
    console.print(_fit(head, console.width), style="bold", highlight=False, markup=False)
    for a in data["articles"]:
        cells = (f"{_cell(a, key, width):{align}{width}}" for _, key, width, _, align in columns)
        line = "  ".join(cells) + f"  {a['title'] or ''}"
        console.print(_fit(line, console.width), highlight=False, markup=False)
        if a["published"] != a["page_date"]:
            why = f"{'':9}date evidence: {a['published_evidence'] or 'none'}"
            console.print(_fit(why, console.width), style="dim", highlight=False, markup=False)
    console.print(" · ".join(f"{n} {k}" for k, n in counts.items()))
    dropped = sum(a["dropped"] or 0 for a in data["articles"])
    outlets = len({a["outlet"] for a in data["articles"] if a["outlet"]})
    dated = sum(1 for a in data["articles"] if a["published"])
    console.print(f"{outlets} outlets · {dated} of {len(data['articles'])} articles with a real date · "
                  f"{dropped} boilerplate lines dropped", highlight=False)
    for f in data["failed"]:
        console.print(f"[red]failed[/red] {f['source']}: [{f['error_code']}] {f['error']}", highlight=False)


def _cell(article: dict[str, Any], key: str, width: int) -> str:
    """Return one field of an article as a cell: '?' when unknown, cut to the column."""
    value = "?" if article[key] is None else str(article[key])
    return value[:width] if key == "id" else _fit(value, width)


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"

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
    head = f"{'id':7}  {'real date':10}  " + (f"{'page date':10}  " if wide else "")
    head += f"{'quotes':>6}  {'events':>6}  " + (f"{'dropped':>7}  " if wide else "") + f"{'outlet':16}  title"
    console.print(_fit(head, console.width), style="bold", highlight=False, markup=False)
    for a in data["articles"]:
        line = f"{a['id'][:7]:7}  {a['published'] or '?':10}  " + (f"{a['page_date'] or '?':10}  " if wide else "")
        line += f"{a['quotes']:>6}  {a['events']:>6}  " + (f"{a['dropped']:>7}  " if wide else "")
        line += f"{_fit(a['outlet'] or '?', 16):16}  {a['title'] or ''}"
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


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"

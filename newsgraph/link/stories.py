"""Story clustering over the store: term vectors from link_docs/link_df, centroids in story_terms, labels."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import duckdb

from newsgraph.link.cluster import Story, StoryIndex
from newsgraph.link.vectors import Vector, tfidf

VECTOR_TERMS = 1000  # terms kept per article vector (in practice all of a news article's content words)
_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def parse_day(value: str | None) -> date | None:
    """Return the date of an ISO ``YYYY-MM-DD`` or ``YYYY-MM`` value (mid-month), else None."""
    m = _DAY.match((value or "")[:10])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3] or 15))
    except ValueError:
        return None


def story_id(article_id: str) -> str:
    """Return the id of a story opened by ``article_id``."""
    return f"story-{article_id[:16]}"


def load_index(con: duckdb.DuckDBPyConnection, threshold: float) -> StoryIndex:
    """Return the stored stories as an in-memory index (O(S · K) to read)."""
    index = StoryIndex(threshold)
    meta = {r[0]: r[1:] for r in con.execute(
        "SELECT id, size, first_date, last_date, written_from, written_until FROM stories").fetchall()}
    totals: dict[str, dict[str, float]] = {}
    for sid, term, weight in con.execute("SELECT story_id, term, weight FROM story_terms").fetchall():
        totals.setdefault(sid, {})[term] = weight
    for sid, (size, first, last, since, until) in meta.items():
        index.load(Story(sid, totals.get(sid, {}), int(size or 0), parse_day(first), parse_day(last),
                         held_from=parse_day(since), held_until=parse_day(until)))
    return index


def vectors(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Vector]:
    """Return the TF-IDF vectors of the linked articles ``ids`` under the current document frequencies."""
    row = con.execute("SELECT count(*) FROM link_docs").fetchone()
    n_docs = int(row[0]) if row else 0
    df = dict(con.execute(
        "SELECT term, df FROM link_df WHERE term IN (SELECT unnest(terms) FROM link_docs"
        " WHERE article_id IN (SELECT article_id FROM link_new))"
    ).fetchall())
    out = {}
    for aid, terms, counts in con.execute(
        "SELECT article_id, terms, counts FROM link_docs WHERE article_id IN (SELECT article_id FROM link_new)"
    ).fetchall():
        out[aid] = tfidf(dict(zip(terms, counts, strict=True)), df, n_docs, VECTOR_TERMS)
    return {aid: out[aid] for aid in ids if aid in out}


def save(con: duckdb.DuckDBPyConnection, index: StoryIndex, touched: set[str], members: dict[str, str]) -> None:
    """Write the touched stories' centroids and the articles' story ids."""
    if not touched:
        return
    sids = sorted(touched)
    con.execute("DELETE FROM story_terms WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [sids])
    rows = [(sid, t, w) for sid in sids for t, w in index.stories[sid].stored_terms()]
    bulk_insert(con, "story_terms", rows, ["VARCHAR", "VARCHAR", "DOUBLE"])
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sids])
    bulk_insert(con, "stories", [(sid, None, None, None, index.stories[sid].size, None, None) for sid in sids],
                ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR"])
    con.execute("""UPDATE articles SET story_id = m.sid
                   FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS sid) m WHERE articles.id = m.id""",
                [list(members), list(members.values())])
    label_stories(con, sids)


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]], types: list[str]) -> None:
    """Insert many rows in one statement (DuckDB's executemany runs one statement per row)."""
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    select = ", ".join(f"unnest(?::{t}[])" for t in types)
    con.execute(f"INSERT INTO {table} SELECT {select}", [list(c) for c in columns])


def label_stories(con: duckdb.DuckDBPyConnection, sids: list[str]) -> None:
    """Set the stories' size, date range and label (top actors + event types + dates, else top terms)."""
    con.execute("CREATE OR REPLACE TEMP TABLE link_touched AS SELECT unnest(?::VARCHAR[]) AS id", [sids])
    con.execute(
        """UPDATE stories SET size = f.n, first_date = f.first, last_date = f.last, written_from = f.since,
             written_until = f.until FROM (
             SELECT story_id, count(*) AS n, min(published) AS first, max(published) AS last,
                    max(written_from) FILTER (WHERE published IS NULL) AS since,
                    min(written_until) FILTER (WHERE published IS NULL) AS until FROM articles
             WHERE story_id IN (SELECT id FROM link_touched) GROUP BY 1) f WHERE stories.id = f.story_id""")
    actors = _top(con, """SELECT a.story_id, coalesce(ac.name, m.actor_id) AS item, count(*) AS n
        FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN actors ac ON ac.id = m.actor_id
        WHERE a.story_id IN (SELECT id FROM link_touched) GROUP BY 1, 2""", 3)
    types = _top(con, """SELECT a.story_id, e.event_type AS item, count(*) AS n FROM events e
        JOIN articles a ON a.id = e.article_id WHERE a.story_id IN (SELECT id FROM link_touched) GROUP BY 1, 2""", 2)
    terms = _top(con, """SELECT story_id, term AS item, weight AS n FROM story_terms
        WHERE story_id IN (SELECT id FROM link_touched)""", 5)
    labels = []
    for sid, first, last in con.execute(
        "SELECT id, first_date, last_date FROM stories WHERE id IN (SELECT id FROM link_touched)"
    ).fetchall():
        parts = [", ".join(actors.get(sid) or terms.get(sid) or [sid])]
        if types.get(sid):
            parts.append("/".join(types[sid]))
        if first:
            parts.append(first if first == last else f"{first} – {last}")
        labels.append((sid, " · ".join(parts)))
    if labels:
        con.execute("""UPDATE stories SET label = l.label FROM (SELECT unnest(?::VARCHAR[]) AS id,
                       unnest(?::VARCHAR[]) AS label) l WHERE stories.id = l.id""",
                    [[x[0] for x in labels], [x[1] for x in labels]])


def _top(con: duckdb.DuckDBPyConnection, sql: str, k: int) -> dict[str, list[str]]:
    """Return the ``k`` items with the largest n per story of a (story_id, item, n) query."""
    rows = con.execute(
        f"""SELECT story_id, list(item ORDER BY n DESC, item)[1:{k}] FROM ({sql}) GROUP BY 1"""
    ).fetchall()
    return {r[0]: list(r[1]) for r in rows}

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
    meta = {r[0]: r[1:] for r in con.execute("SELECT id, size, first_date, last_date FROM stories").fetchall()}
    totals: dict[str, dict[str, float]] = {}
    for sid, term, weight in con.execute("SELECT story_id, term, weight FROM story_terms").fetchall():
        totals.setdefault(sid, {})[term] = weight
    for sid, (size, first, last) in meta.items():
        index.load(Story(sid, totals.get(sid, {}), int(size or 0), parse_day(first), parse_day(last)))
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
    con.execute("DELETE FROM story_terms WHERE list_contains(?, story_id)", [sids])
    rows = [(sid, t, w) for sid in sids for t, w in index.stories[sid].stored_terms()]
    if rows:
        con.executemany("INSERT INTO story_terms VALUES (?, ?, ?)", rows)
    con.execute("DELETE FROM stories WHERE list_contains(?, id)", [sids])
    con.executemany(
        "INSERT INTO stories (id, size) VALUES (?, ?)", [(sid, index.stories[sid].size) for sid in sids]
    )
    con.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in members.items()])
    label_stories(con, sids)


def label_stories(con: duckdb.DuckDBPyConnection, sids: list[str]) -> None:
    """Set each story's size, date range and label (top actors + event types + dates, else terms)."""
    for sid in sids:
        size, first, last, title = _facts(con, sid)
        actors = [r[0] for r in con.execute(
            """SELECT coalesce(ac.name, m.actor_id) FROM mentions m JOIN articles a ON a.id = m.article_id
               LEFT JOIN actors ac ON ac.id = m.actor_id WHERE a.story_id = ?
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3""", [sid]).fetchall()]
        types = [r[0] for r in con.execute(
            """SELECT e.event_type FROM events e JOIN articles a ON a.id = e.article_id WHERE a.story_id = ?
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2""", [sid]).fetchall()]
        if not actors:
            actors = [r[0] for r in con.execute(
                "SELECT term FROM story_terms WHERE story_id = ? ORDER BY weight DESC, term LIMIT 5", [sid]
            ).fetchall()]
        parts = [", ".join(actors)] if actors else [title or sid]
        if types:
            parts.append("/".join(types))
        if first:
            parts.append(first if first == last else f"{first} – {last}")
        con.execute("UPDATE stories SET label = ?, size = ?, first_date = ?, last_date = ? WHERE id = ?",
                    [" · ".join(parts), size, first, last, sid])


def _facts(con: duckdb.DuckDBPyConnection, sid: str) -> tuple[int, str | None, str | None, str | None]:
    """Return a story's size, first and last published date, and its earliest article's title."""
    row: Any = con.execute(
        """SELECT count(*), min(published), max(published), arg_min(title, coalesce(published, '9999'))
           FROM articles WHERE story_id = ?""", [sid]).fetchone()
    return int(row[0]), row[1], row[2], row[3]

"""Read-side query of actors with their counts: the one function behind `newsgraph actors`, the Python API and
GET /api/actors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from newsgraph.api.sql import Db, Found, Where, check_page, connection, rows, scalar
from newsgraph.errors import BadParameterError

KINDS = ("state", "igo", "person", "organisation", "group")
SORTS = {"mentions": "mentions DESC, ac.name, ac.id", "name": "ac.name, ac.id", "events": "events DESC, ac.name, ac.id",
         "quotes": "quotes DESC, ac.name, ac.id"}
# one grouped scan per table (correlated per-actor subqueries would rescan the events per actor); events counts
# appearances as source plus as target
_COUNTS = """WITH m AS (SELECT actor_id AS id, count(*) AS n, count(DISTINCT article_id) AS a FROM mentions GROUP BY 1),
  q AS (SELECT speaker_id AS id, count(*) AS n FROM quotes GROUP BY 1),
  s AS (SELECT source AS id, count(*) AS n FROM events GROUP BY 1),
  t AS (SELECT target AS id, count(*) AS n FROM events GROUP BY 1)
SELECT ac.id, coalesce(m.n, 0) AS mentions, coalesce(m.a, 0) AS articles, coalesce(q.n, 0) AS quotes,
  coalesce(s.n, 0) + coalesce(t.n, 0) AS events
FROM actors ac LEFT JOIN m ON m.id = ac.id LEFT JOIN q ON q.id = ac.id LEFT JOIN s ON s.id = ac.id
  LEFT JOIN t ON t.id = ac.id"""


class Queryable(Protocol):
    """Anything with the Store's ``query(sql, params)``."""

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return rows as dicts."""
        ...


@dataclass
class ActorCounts:
    """Per actor: mentions, articles mentioning it, quotes it said, events it is source or target of."""

    ids: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)


def actor_counts(db: Db) -> ActorCounts:
    """Count every actor's mentions, articles, quotes and events (the REST API keeps them while the store is
    unchanged)."""
    counts = ActorCounts()
    with connection(db) as cur:
        for r in cur.execute(_COUNTS).fetchall():
            for name, value in zip(("ids", "mentions", "articles", "quotes", "events"), r, strict=True):
                getattr(counts, name).append(value)
    return counts


def actor_filters(search: str | None = None, kind: str | None = None, country: str | None = None) -> Where:
    """Build the WHERE of an actor search (table alias ``ac``)."""
    if kind and kind not in KINDS:
        raise BadParameterError(f"unknown actor kind {kind!r}: choose one of {', '.join(KINDS)}")
    where = Where()
    if search:
        where.add("(contains(lower(ac.name), lower(?)) OR contains(lower(ac.id), lower(?))"
                  " OR contains(lower(array_to_string(ac.aliases, '|')), lower(?)))", search, search, search)
    if kind:
        where.add("ac.kind = ?", kind)
    if country:
        where.add("upper(ac.country) = upper(?)", country)
    return where


def list_actors(store: Db, search: str | None = None, kind: str | None = None, limit: int | None = 50, *,
                country: str | None = None, sort: str = "mentions", offset: int = 0, total: bool = False,
                counts: ActorCounts | None = None) -> Found:
    """Return actors with their mention, article, quote and event counts, most mentioned first (or by ``sort``:
    name, events, quotes). ``total=True`` also counts the matches; ``counts`` are precomputed ``actor_counts``."""
    check_page(limit, offset)
    if sort not in SORTS:
        raise BadParameterError(f"unknown sort {sort!r}: choose one of {', '.join(SORTS)}")
    where = actor_filters(search, kind, country)
    with connection(store) as cur:
        counts = counts if counts is not None else actor_counts(cur)
        items = rows(
            cur,
            f"""WITH c AS (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::BIGINT[]) AS mentions,
                  unnest(?::BIGINT[]) AS articles, unnest(?::BIGINT[]) AS quotes, unnest(?::BIGINT[]) AS events)
                SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, ac.role, ac.aliases,
                  coalesce(c.mentions, 0) AS mentions, coalesce(c.articles, 0) AS articles,
                  coalesce(c.quotes, 0) AS quotes, coalesce(c.events, 0) AS events
                FROM actors ac LEFT JOIN c ON c.id = ac.id {where.sql()}
                ORDER BY {SORTS[sort]} {"LIMIT ? " if limit is not None else ""}OFFSET ?""",
            [counts.ids, counts.mentions, counts.articles, counts.quotes, counts.events, *where.params,
             *([limit] if limit is not None else []), offset],
        )
        found = scalar(cur, "SELECT count(*) FROM actors ac" + where.sql(), where.params) if total else None
    return Found(items, found)


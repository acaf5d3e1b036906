"""Read-side query: actors with their mention counts (shared by the CLI and the REST API)."""

from __future__ import annotations

from typing import Any, Protocol

from newsgraph.errors import BadParameterError

KINDS = ("state", "igo", "person", "organisation", "group")


class Queryable(Protocol):
    """Anything with the Store's ``query(sql, params)``."""

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return rows as dicts."""
        ...


def list_actors(store: Queryable, search: str | None = None, kind: str | None = None,
                limit: int | None = 50) -> list[dict[str, Any]]:
    """Return actors with their mention and article counts, most mentioned first."""
    if kind is not None and kind not in KINDS:
        raise BadParameterError(f"unknown actor kind {kind!r}: choose one of {', '.join(KINDS)}")
    if limit is not None and limit < 1:
        raise BadParameterError("--limit must be at least 1")
    where: list[str] = []
    params: list[Any] = []
    if search:
        where.append("(contains(lower(a.name), lower(?)) OR contains(lower(a.id), lower(?))"
                     " OR contains(lower(array_to_string(a.aliases, '|')), lower(?)))")
        params += [search, search, search]
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    sql = (
        "WITH m AS (SELECT actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles"
        " FROM mentions GROUP BY actor_id)"
        " SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, a.aliases,"
        " coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles"
        " FROM actors a LEFT JOIN m ON m.actor_id = a.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY mentions DESC, a.name, a.id"
        + (" LIMIT ?" if limit is not None else "")
    )
    if limit is not None:
        params.append(limit)
    return store.query(sql, params)

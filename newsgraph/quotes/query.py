"""Read-side query: quotations by speaker, date range and words (shared by the CLI and the REST API)."""

from __future__ import annotations

import re
from typing import Any, Protocol

from newsgraph.errors import BadParameterError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COLUMNS = ("id", "article_id", "speaker", "speaker_id", "speaker_country", "speaker_role", "kind", "text", "cue",
           "date", "start", "end", "rule", "confidence", "sources")


class Queryable(Protocol):
    """Anything with the Store's ``query(sql, params)``."""

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query and return rows as dicts."""
        ...


def _date(name: str, value: str | None) -> str | None:
    """Return a validated ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD), or raise BadParameterError."""
    if value is None:
        return None
    if not _DATE.match(value):
        raise BadParameterError(f"--{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}")
    return value


def list_quotes(store: Queryable, speaker: str | None = None, since: str | None = None, until: str | None = None,
                contains: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:
    """Return quotations, newest first: by speaker (actor id or words of the name), date range and words.

    Dates compare on the quotation's resolved calendar date; quotations whose date is unknown or unresolved
    ('XXXX-WXX-5') match no date filter.
    """
    if limit is not None and limit < 1:
        raise BadParameterError("--limit must be at least 1")
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append("(q.speaker_id = ? OR contains(lower(q.speaker), lower(?)))")
        params += [speaker, speaker]
    if (s := _date("since", since)) is not None:
        where.append("regexp_matches(q.date, '^[0-9]{4}') AND left(q.date, ?) >= ?")
        params += [len(s), s]
    if (u := _date("until", until)) is not None:
        where.append("regexp_matches(q.date, '^[0-9]{4}') AND left(q.date, ?) <= ?")
        params += [len(u), u]
    if contains:
        where.append("contains(lower(q.text), lower(?))")
        params.append(contains)
    cols = ", ".join(f'q."{c}"' for c in COLUMNS)
    sql = (f"SELECT {cols} FROM quotes q" + (" WHERE " + " AND ".join(where) if where else "")
           + ' ORDER BY q.date DESC NULLS LAST, q.article_id, q.start' + (" LIMIT ?" if limit is not None else ""))
    if limit is not None:
        params.append(limit)
    return store.query(sql, params)

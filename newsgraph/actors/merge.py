"""Corpus-level merge of surname-only person ids into the one full name that owns the surname.

Articles are processed independently, so an article that only says "Blinken" yields ``person:blinken``
while others yield ``person:antony-blinken``. Over the store, a surname-only id is an alias of the full-name
id when exactly one full-name person in the corpus ends with that surname; ambiguous surnames stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import duckdb

from newsgraph.actors.query import Queryable


def surname_merges(person_ids: list[str]) -> dict[str, str]:
    """Map each surname-only person id to the unique full-name id with that surname."""
    full: dict[str, set[str]] = defaultdict(set)
    single = []
    for pid in person_ids:
        if not pid.startswith("person:"):
            continue
        parts = pid.removeprefix("person:").split("-")
        if len(parts) == 1:
            single.append(pid)
        else:
            full[parts[-1]].add(pid)
    out = {}
    for pid in single:
        owners = full.get(pid.removeprefix("person:"), set())
        if len(owners) == 1:
            out[pid] = next(iter(owners))
    return out


def store_merges(store: Queryable) -> dict[str, str]:
    """Return the surname merges for every person actor in a store."""
    rows: list[dict[str, Any]] = store.query("SELECT id FROM actors WHERE kind = 'person'", [])
    return surname_merges([r["id"] for r in rows])


def apply_merges(con: duckdb.DuckDBPyConnection) -> int:
    """Fold every surname-only person into its full-name owner across the store; return how many were folded.

    Mentions and quote speakers move to the full-name id, the surname becomes one of its aliases and the
    surname-only actor row is removed. Run by the link stage, after each batch.
    """
    ids = [r[0] for r in con.execute("SELECT id FROM actors WHERE kind = 'person'").fetchall()]
    merges = surname_merges(ids)
    for short, full in merges.items():
        row = con.execute("SELECT name, country, role FROM actors WHERE id = ?", [full]).fetchone()
        if row is None:
            continue
        name, country, role = row
        con.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", [full, short])
        con.execute("""UPDATE quotes SET speaker_id = ?, speaker = ?, speaker_country = coalesce(speaker_country, ?),
                       speaker_role = coalesce(speaker_role, ?) WHERE speaker_id = ?""",
                    [full, name, country, role, short])
        con.execute("""UPDATE actors SET aliases = list_distinct(list_concat(coalesce(aliases, []),
                         (SELECT list_concat([name], coalesce(aliases, [])) FROM actors WHERE id = ?)))
                       WHERE id = ?""", [short, full])
        con.execute("DELETE FROM actors WHERE id = ?", [short])
    return len(merges)

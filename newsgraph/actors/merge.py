"""Corpus-level merge of surname-only person ids into the one full name that owns the surname.

Articles are processed independently, so an article that only says "Blinken" yields ``person:blinken``
while others yield ``person:antony-blinken``. Over the store, a surname-only id is an alias of the full-name
id when exactly one full-name person in the corpus ends with that surname; ambiguous surnames stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

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

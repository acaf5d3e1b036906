"""PLOVER conflict–cooperation scores (Table 2.2 of the PLOVER manual), loaded once from data/."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
FAMILIES = ("all", "cooperation", "conflict")


@cache
def scores() -> dict[tuple[str, str], float]:
    """Return {(EVENT_TYPE, mode or ''): score} from the data file."""
    text = (resources.files("newsgraph.api") / "data" / "plover_scores.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {(r["event_type"], r["mode"].lower()): float(r["score"]) for r in rows}


def score(event_type: str | None, mode: str | None = None) -> float | None:
    """Return the score of an event type (and mode, where the manual scores it), or None if unknown."""
    if not event_type:
        return None
    table = scores()
    key = (event_type.upper(), (mode or "").lower())
    if key in table:
        return table[key]
    return table.get((event_type.upper(), ""))


def family_types(family: str) -> list[str]:
    """Return the event types of a family: cooperation (score > 0), conflict (< 0), or all."""
    if family == "all":
        return list(EVENT_TYPES)
    sign = 1 if family == "cooperation" else -1
    return [t for t in EVENT_TYPES if (score(t) or 0) * sign > 0]

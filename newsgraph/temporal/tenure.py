"""Terms of office as date evidence: a page dated outside the term of an office the text gives someone
('Liz Truss, the UK foreign secretary' on a page dated 2024) is a re-post of an older story.

Aggregators and content farms stamp old stories with the day they copied them, and the body often has
no year to contradict that (weekdays only). The offices the text states are then the evidence a reader
would use. ``data/tenures.csv`` lists the terms of office holders news names most (start and end
inclusive, an empty end for one still in office). Histories name old offices too ('President Obama signed
the law'), so the evidence is hedged: a mention counts only when its role is stated as current (not
'former', 'then-') in a sentence that names no year; two people's offices must miss the page date; and no
date in the body may fall after the offices' common window.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.nlp import doc_text
from newsgraph.records import ActorAnalysis

DATA_FILE = Path(__file__).parent / "data" / "tenures.csv"
GRACE_DAYS = 31  # reports keep the old title for a while, and a new holder is named before taking office
MIN_PEOPLE = 2  # people whose stated offices miss the page date
_PAST = re.compile(r"(?i)\b(?:then|former|ex|outgoing|late|erstwhile|incoming|future)[\s-]+(?:\S+\s+){0,4}$")


@dataclass(frozen=True)
class Term:
    """One term of one person in one office."""

    person: str
    roles: frozenset[str]
    start: date
    end: date | None


@dataclass(frozen=True)
class Office:
    """An office the text states someone holds now, with the terms it was held in."""

    name: str
    role: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Conflict(Office):
    """A stated office whose terms do not cover the page date (by ``gap_days``)."""

    gap_days: int = 0


def _role_key(role: str) -> str:
    """Return a role in comparable form ('Defense Secretary' → 'defence secretary')."""
    return re.sub(r"[\s-]+", " ", role.lower().replace("defense", "defence")).strip()


@lru_cache(maxsize=1)
def load_terms() -> dict[str, list[Term]]:
    """Return person id → their terms of office (loaded once per process)."""
    out: dict[str, list[Term]] = {}
    with DATA_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            roles = frozenset(_role_key(r) for r in row["roles"].split(";"))
            end = date.fromisoformat(row["end"]) if row["end"] else None
            out.setdefault(row["person"], []).append(Term(row["person"], roles, date.fromisoformat(row["start"]), end))
    return out


def _gap(term: Term, day: date) -> int:
    """Return how many days ``day`` lies outside ``term`` (0 inside)."""
    if day < term.start:
        return (term.start - day).days
    if term.end is not None and day > term.end:
        return (day - term.end).days
    return 0


def stated_offices(doc: Doc, actors: ActorAnalysis, dated_spans: list[tuple[int, int]]) -> list[Office]:
    """Return the listed offices ``doc`` states as current: not 'former'/'then-', in a sentence with no date.

    ``dated_spans`` are the offsets of explicit dates: a sentence with one is history, not the present.
    """
    terms = load_terms()
    text = doc_text(doc)
    found: dict[tuple[str, str], Office] = {}
    for m in actors.mentions:
        if not m.role or m.actor_id not in terms or _PAST.search(text[max(0, m.start - 40):m.start]):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        if sent is None or any(sent.start_char <= a < sent.end_char for a, _ in dated_spans):
            continue
        key = (m.actor_id, _role_key(m.role))
        matching = tuple(t for t in terms[m.actor_id] if key[1] in t.roles)
        if matching and key not in found:
            actor = actors.actors.get(m.actor_id)
            found[key] = Office(actor.name if actor else m.text, m.role, matching)
    return list(found.values())


def conflicts(offices: list[Office], day: date) -> list[Conflict]:
    """Return the stated ``offices`` whose every term misses ``day`` by over the grace."""
    out = []
    for office in offices:
        gap = min(_gap(t, day) for t in office.terms)
        if gap > GRACE_DAYS:
            out.append(Conflict(office.name, office.role, office.terms, gap))
    return out


def written_within(offices: list[Office]) -> tuple[date, date | None] | None:
    """Return the days on which every stated office was held, widened by the grace (None if they never met).

    An undated page is at least this old and this recent: the link stage keeps it out of stories of other
    years ("Jen Psaki, the White House press secretary" was written 2021-2022).
    """
    if not offices:
        return None
    first, last = window(offices)
    if last is not None and first > last:
        return None  # offices never held together: a history, not the present
    grace = timedelta(days=GRACE_DAYS)
    return first - grace, None if last is None else last + grace


def is_repost(found: list[Conflict], last: date | None, body_days: list[date]) -> bool:
    """Tell whether the conflicts outweigh a page date: two people's offices, no body date after their
    common window (which ends on ``last``)."""
    if len({c.name for c in found}) < MIN_PEOPLE:
        return False
    return last is None or all(d <= last for d in body_days)


def window(found: Sequence[Office]) -> tuple[date, date | None]:
    """Return the days every conflicting office was held on (its terms' hull per person), as (first, last)."""
    first = max(min(t.start for t in c.terms) for c in found)
    ends = [max((t.end or date.max) for t in c.terms) for c in found]
    last = min(ends)
    return first, None if last == date.max else last


def describe(found: Sequence[Office], first: date, last: date | None, repost: bool = True) -> str:
    """Return the evidence sentence of a window found by terms of office (a re-post's, or an undated page's)."""
    held = "; ".join(
        f"{c.name}, {c.role} " + ", ".join(f"{t.start.isoformat()}–{t.end.isoformat() if t.end else 'now'}"
                                          for t in c.terms) for c in found)
    until = last.isoformat() if last else "now"
    if not repost:
        return f"no date; written {first.isoformat()}–{until} by the terms of office the text names ({held})"
    return f"outside the terms of office the text names ({held}): a re-post, written {first.isoformat()}–{until}"


def value_between(first: date, last: date | None) -> str | None:
    """Return the finest ISO value that covers the whole window (a month or a year), else None."""
    last = last or first + timedelta(days=3650)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None

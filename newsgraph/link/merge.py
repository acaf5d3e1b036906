"""Quote and event merging: the same statement or happening reported by several articles becomes one record.

Quotes are compared only within one speaker; events only within one (story, PLOVER family) block
(blocking), so the cost is O(n · b) for n new records and blocks of b records, never all pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import duckdb
import yaml
from rapidfuzz import fuzz

from newsgraph.link.stories import parse_day

QUOTE_SIMILARITY = 85.0  # rapidfuzz partial ratio: a quote cut short or lightly edited is the same statement
STORY_QUOTE_SIMILARITY = 95.0  # the same words in one story are one statement whoever the speaker resolved to
QUOTE_MIN_CHARS = 20  # shorter quotes ("no", "we'll see") are too common to merge on text alone
EVENT_SIMILARITY = 70.0  # partial ratio of the evidence sentences (within one story and dyad)
EVENT_DAYS = 2  # events dated further apart are different happenings


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Return the PLOVER type → family map of data/plover_families.yaml."""
    text = (resources.files("newsgraph.link") / "data" / "plover_families.yaml").read_text("utf-8")
    return {t: fam for fam, types in yaml.safe_load(text).items() for t in types}


class _Union:
    """Union-find over record ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """Return the representative of ``x``."""
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        """Join the groups of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def same_quote(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Return the similarity (0..100) of two quotes of one speaker, 0 when too short to judge."""
    ta, tb = (a["text"] or "").lower(), (b["text"] or "").lower()
    if min(len(ta), len(tb)) < QUOTE_MIN_CHARS:
        return 100.0 if ta == tb and ta else 0.0
    return float(fuzz.partial_ratio(ta, tb))


def same_dyad(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Tell whether two events have one dyad: each side equal or unknown in one, and one side known in both."""
    sides = [(a[k], b[k]) for k in ("source", "target")]
    if any(x and y and x != y for x, y in sides):
        return False
    return any(x and x == y for x, y in sides)


def same_event(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Return the evidence similarity (0..100) of two events, 0 when dyads, dates or places differ."""
    if not same_dyad(a, b):
        return 0.0
    da, db = parse_day(a["date"]), parse_day(b["date"])
    if da and db and abs((da - db).days) > EVENT_DAYS:
        return 0.0
    if a["location"] and b["location"] and a["location"].lower() != b["location"].lower():
        return 0.0
    if bool(a["negated"]) != bool(b["negated"]):
        return 0.0
    return float(fuzz.partial_ratio((a["sentence"] or "").lower(), (b["sentence"] or "").lower()))


def merge_quotes(con: duckdb.DuckDBPyConnection) -> int:
    """Merge the quotes of the new articles with their speakers' and their stories' quotes; return the groups."""
    rows = _rows(con, """SELECT q.*, a.published, a.story_id FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.speaker_id IN (SELECT speaker_id FROM quotes WHERE article_id IN (SELECT article_id FROM link_new))
           OR a.story_id IN (SELECT story_id FROM articles WHERE id IN (SELECT article_id FROM link_new))""")
    # one speaker: paraphrase-tolerant; one story: near-verbatim only, as outlets resolve speakers differently
    return _merge(con, "quote", rows, [(lambda r: r["speaker_id"], same_quote, QUOTE_SIMILARITY),
                                       (lambda r: r["story_id"], same_quote, STORY_QUOTE_SIMILARITY)])


def merge_events(con: duckdb.DuckDBPyConnection) -> int:
    """Merge the events of the new articles' stories that report one happening; return the groups."""
    rows = _rows(con, """SELECT e.*, a.published, a.story_id FROM events e JOIN articles a ON a.id = e.article_id
        WHERE a.story_id IN (SELECT story_id FROM articles WHERE id IN (SELECT article_id FROM link_new))""")
    fam = families()

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["story_id"], fam.get(r["event_type"], r["event_type"])

    return _merge(con, "event", rows, [(key, same_event, EVENT_SIMILARITY)])


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    """Return the rows of ``sql`` as dicts."""
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


Blocking = tuple[Callable[[dict[str, Any]], Any], Callable[[dict[str, Any], dict[str, Any]], float], float]


def _merge(con: duckdb.DuckDBPyConnection, kind: str, rows: Sequence[dict[str, Any]],
           blockings: list[Blocking]) -> int:
    """Group records of different articles that are similar enough within a block; write ids and sources."""
    union, scores = _Union(), dict[str, float]()
    for block, similar, threshold in blockings:
        blocks: dict[Any, list[dict[str, Any]]] = {}
        for r in rows:
            key = block(r)
            if key is None or (isinstance(key, tuple) and key[0] is None):  # no speaker / no story: no block
                continue
            blocks.setdefault(key, []).append(r)
        for members in blocks.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if a["article_id"] != b["article_id"] and (s := similar(a, b)) >= threshold:
                        union.union(a["id"], b["id"])
                        scores[a["id"]] = max(scores.get(a["id"], 0.0), s)
                        scores[b["id"]] = max(scores.get(b["id"], 0.0), s)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(union.find(r["id"]), []).append(r)
    return _write(con, kind, [g for g in groups.values() if len({r["article_id"] for r in g}) > 1], scores)


def _write(con: duckdb.DuckDBPyConnection, kind: str, groups: list[list[dict[str, Any]]],
           scores: dict[str, float]) -> int:
    """Write the canonical id (the earliest report), the source count and the link rows of each group."""
    table, links = (("quotes", "quote_sources") if kind == "quote" else ("events", "event_sources"))
    for group in groups:
        first = min(group, key=lambda r: (r["date"] or r["published"] or "9999", r["published"] or "9999", r["id"]))
        ids = [r["id"] for r in group]
        n = len({r["article_id"] for r in group})
        con.execute(f"DELETE FROM {links} WHERE list_contains(?, {kind}_id)", [ids])
        con.executemany(f"INSERT INTO {links} VALUES (?, ?, ?, ?, ?)",
                        [(first["id"], r["id"], r["article_id"], scores.get(r["id"], 100.0) / 100,
                          f"link.{kind}@1") for r in group])
        con.execute(f"UPDATE {table} SET canonical_id = ?, sources = ? WHERE list_contains(?, id)",
                    [first["id"], n, ids])
        earliest = min((r["date"] for r in group if r["date"]), default=None)
        if earliest and kind == "quote":  # a statement's date is when it was first said
            con.execute("UPDATE quotes SET date = ? WHERE id = ?", [earliest, first["id"]])
        if kind == "quote":
            _share_speaker(con, group)
    return len(groups)


def _share_speaker(con: duckdb.DuckDBPyConnection, group: list[dict[str, Any]]) -> None:
    """Give the reports of a statement that left its speaker open ('she said', no antecedent in that article)
    the speaker the other reports agree on; the speaker offsets still point at the article's own words."""
    named = {r["speaker_id"] for r in group if r["speaker_id"]}
    open_ids = [r["id"] for r in group if not r["speaker_id"]]
    if len(named) != 1 or not open_ids:
        return
    source = next(r for r in group if r["speaker_id"])
    con.execute("""UPDATE quotes SET speaker = ?, speaker_id = ?, speaker_country = ?, speaker_role = ?,
                   rule = coalesce(rule, '') || '+speaker:linked' WHERE list_contains(?, id)""",
                [source["speaker"], source["speaker_id"], source["speaker_country"], source["speaker_role"],
                 open_ids])

"""Duplicates, syndicated and partial copies: sampled 5-gram fingerprints in an inverted index, containment.

Jaccard misses partial copies (an outlet re-posting a wire story with paragraphs dropped shares few
shingles with it relative to their union), so a pair is judged by *containment*: the share of one text's
5-grams found in the other. Candidates come from the fingerprint index (a join on hash, posting lists
capped so boilerplate shingles do not pair everything); only candidates are compared exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import duckdb
import yaml

from newsgraph.link.vectors import shingle_hashes, words

COPY_CONTAINMENT = 0.5  # share of the smaller text's 5-grams found in the other: it is a copy
PASSAGE_SHINGLES = 8  # shared 5-grams (about one sentence) that make two articles share a passage
MIN_SHARED_SAMPLES = 2  # sampled fingerprints two articles must share to be compared at all
MAX_POSTING = 200  # a fingerprint in more articles than this is boilerplate, not a passage
SAME_DAY = 1  # days apart before the later date marks the copy


@dataclass
class Pair:
    """Two articles that share text, with exact shingle overlap figures."""

    a: str
    b: str
    shared: int
    in_a: float  # share of b's 5-grams found in a (b contained in a)
    in_b: float  # share of a's 5-grams found in b
    jaccard: float

    @property
    def containment(self) -> float:
        """Return the containment of the smaller text in the larger."""
        return max(self.in_a, self.in_b)


@lru_cache(maxsize=1)
def _credit_patterns() -> list[re.Pattern[str]]:
    """Return the copy-credit regexes of data/credits.yaml."""
    text = (resources.files("newsgraph.link") / "data" / "credits.yaml").read_text("utf-8")
    return [re.compile(p, re.I | re.M) for p in yaml.safe_load(text)["copy_credits"]]


def has_credit(article: dict[str, Any]) -> bool:
    """Tell whether an article credits another outlet as its source (a re-post or syndicated copy)."""
    if article.get("original_outlet"):
        return True
    lines = "\n".join([article.get("text") or "", *(article.get("boilerplate") or [])])
    return any(p.search(lines) for p in _credit_patterns())


def candidates(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """Return (new article, other article, shared samples) for the articles in temp table link_new."""
    return [
        (r[0], r[1], int(r[2]))
        for r in con.execute(
            """WITH common AS (
                 SELECT hash FROM link_fingerprints
                 WHERE hash IN (SELECT f.hash FROM link_fingerprints f JOIN link_new n USING (article_id))
                 GROUP BY hash HAVING count(*) BETWEEN 2 AND ?)
               SELECT a.article_id, b.article_id, count(*) AS shared
               FROM link_fingerprints a JOIN common USING (hash)
                 JOIN link_fingerprints b ON a.hash = b.hash AND a.article_id <> b.article_id
               WHERE a.article_id IN (SELECT article_id FROM link_new)
               GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 1, 2""",
            [MAX_POSTING, MIN_SHARED_SAMPLES],
        ).fetchall()
    ]


def compare(a: str, b: str, texts: dict[str, str]) -> Pair:
    """Return the exact 5-gram overlap of articles ``a`` and ``b``."""
    sa = set(shingle_hashes(words(texts[a])).tolist())
    sb = set(shingle_hashes(words(texts[b])).tolist())
    shared = len(sa & sb)
    union = len(sa | sb) or 1
    return Pair(a, b, shared, shared / (len(sb) or 1), shared / (len(sa) or 1), shared / union)


def copy_of(pair: Pair, arts: dict[str, dict[str, Any]]) -> tuple[str, str, str]:
    """Decide which article of a copy pair is the copy: return (copy, original, rule)."""
    a, b = arts[pair.a], arts[pair.b]
    credit_a, credit_b = has_credit(a), has_credit(b)
    if credit_a != credit_b:
        return (pair.a, pair.b, "credit") if credit_a else (pair.b, pair.a, "credit")
    da, db = a.get("_date"), b.get("_date")
    if da is not None and db is not None and abs((da - db).days) >= SAME_DAY:
        return (pair.a, pair.b, "later date") if da > db else (pair.b, pair.a, "later date")
    if abs(pair.in_a - pair.in_b) > 0.1:  # paragraphs dropped: the shorter text is the copy
        return (pair.b, pair.a, "contained") if pair.in_a > pair.in_b else (pair.a, pair.b, "contained")
    ordered = sorted([pair.a, pair.b], key=lambda i: (str(arts[i].get("ingested_at") or ""), i))
    return ordered[1], ordered[0], "ingested later"

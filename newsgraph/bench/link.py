"""`newsgraph bench link`: time of a full link recompute over 10k and 100k synthetic articles.

The articles are ECB+ documents replicated with perturbations (sentences shuffled and dropped, 40 % of
the words replaced by random corpus words, dates spread over days), so replicas of one document are
topically alike without being copies. Also timed: linking 100 further articles incrementally against the
linked store (what `ingest` does). ``--limit N`` times one store of N articles instead.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.bench._ecbplus import EcbDoc, load_ecbplus
from newsgraph.link import link_articles, link_store
from newsgraph.store import open_store

DESCRIPTION = "Link time (copies, stories, merging) for 10k and 100k perturbed ECB+ articles"
SIZES = (10_000, 100_000)
INCREMENT = 100  # new articles linked incrementally after the full recompute
REPLACE = 0.4  # share of words replaced: replicas share topic words, hardly any 5-gram


def synthetic(docs: list[EcbDoc], n: int, seed: int = 0) -> list[tuple[str, str, str, str]]:
    """Return ``n`` perturbed replicas (id, title, text, published) of the documents."""
    rng = random.Random(seed)
    vocab = [w for d in docs[:200] for w in d.text.split()]
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        sentences = [s for s in doc.text.split(" . ") if s]
        rng.shuffle(sentences)
        kept = sentences[: max(1, int(len(sentences) * 0.7))]
        text = " . ".join(" ".join(w if rng.random() > REPLACE else rng.choice(vocab) for w in s.split())
                          for s in kept)
        day = date(2020, 1, 1) + timedelta(days=doc.topic * 40 + rng.randint(0, 3))
        out.append((f"bench{i:07d}", " ".join(text.split()[:8]), text, day.isoformat()))
    return out


def time_link(docs: list[EcbDoc], n: int) -> dict[str, float | int]:
    """Build a store of ``n`` synthetic articles and time a full link recompute over it."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb")
        rows = synthetic(docs, n)
        store.con.executemany(
            "INSERT INTO articles (id, title, text, published, published_evidence) VALUES (?, ?, ?, ?, 'bench')", rows
        )
        started = time.perf_counter()
        summary = link_store(store)
        seconds = time.perf_counter() - started
        # then an ingest's worth of new articles against the linked store: the incremental path
        extra = [(f"new{r[0]}", *r[1:]) for r in synthetic(docs, INCREMENT, seed=1)]
        store.con.executemany(
            "INSERT INTO articles (id, title, text, published, published_evidence) VALUES (?, ?, ?, ?, 'bench')", extra
        )
        started = time.perf_counter()
        link_articles(store, [r[0] for r in extra])
        incremental = time.perf_counter() - started
        store.close()
    return {f"link_seconds_{n}": round(seconds, 2), f"articles_per_second_{n}": round(n / seconds, 1),
            f"stories_{n}": int(summary["stories"]), f"copies_{n}": int(summary["copies"]),
            f"incremental_seconds_{INCREMENT}_into_{n}": round(incremental, 2)}


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Time the link stage at each size (or at ``limit`` articles)."""
    docs = load_ecbplus(data)
    out: dict[str, float | int | str] = {"cpu_cores": os.cpu_count() or 1}
    for n in ([limit] if limit else SIZES):
        out |= time_link(docs, n)
    return out

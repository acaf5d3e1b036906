"""`newsgraph bench clustering`: the story clusterer on ECB+ (topics and sub-events), BCubed and ARI.

The clusterer is the link stage's own: incremental average-link over TF-IDF vectors in document order
(what `ingest` does), and the same followed by re-assignment passes (``recompute_*``: `newsgraph link`).
Thresholds are chosen on the odd-numbered topics and scored on the even-numbered ones (``--split odd``
scores the tuning half instead, ``--split all`` everything with the shipped thresholds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from pathlib import Path

from newsgraph.bench._ecbplus import EcbDoc, ari, bcubed, load_ecbplus
from newsgraph.link.cluster import MERGE_FACTOR, REFINE_PASSES, STORY_THRESHOLD, TOPIC_THRESHOLD, StoryIndex
from newsgraph.link.stories import VECTOR_TERMS
from newsgraph.link.vectors import Vector, text_counts, tfidf

DESCRIPTION = "Story clustering on ECB+: BCubed P/R/F1 and ARI for topics and sub-events (tuned odd, scored even)"
# thresholds 0.02 … 0.59 in steps of 8 %: as fine at the topic level (≈ 0.06) as at the sub-event level (≈ 0.2)
GRID = [round(0.02 * 1.08**i, 4) for i in range(45)]


def _vectors(docs: list[EcbDoc]) -> list[Vector]:
    """Return the TF-IDF vectors of the documents (IDF over these documents, as the store computes it)."""
    counts = [text_counts(d.text) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    return [tfidf(c, df, len(docs), VECTOR_TERMS) for c in counts]


def cluster(vectors: list[Vector], threshold: float, refine: int = 0, merge: float = MERGE_FACTOR) -> list[str]:
    """Return the story of each vector: added one at a time in order, ``refine`` re-assignment passes, merges.

    The whole list is one batch, as one `ingest` call links its articles: the merge pass follows it.
    """
    index = StoryIndex(threshold, merge=merge)
    keys = [f"d{i:05d}" for i in range(len(vectors))]
    members = {k: index.assign(v, None, f"s{i}") for i, (k, v) in enumerate(zip(keys, vectors, strict=True))}
    if refine:
        members = index.refine(dict(zip(keys, vectors, strict=True)), {}, members, set(), lambda k: f"r{k}", refine)
    if merge:
        renamed = index.merge_stories(set(index.stories))
        members = {k: renamed.get(s, s) for k, s in members.items()}
    return [members[k] for k in keys]


def _tune(docs: list[EcbDoc], vectors: list[Vector], level: str, refine: int) -> float:
    """Return the threshold of GRID with the best BCubed F1 on ``docs`` at ``level``."""
    gold = [d.topic if level == "topic" else d.subevent for d in docs]
    return max(GRID, key=lambda t: (bcubed(cluster(vectors, t, refine), gold)[2], -t))


def run(data: Path, limit: int | None = None, split: str | None = None) -> dict[str, float | int | str]:
    """Score topic and sub-event clustering on the held-out half (thresholds tuned on the other half)."""
    docs = load_ecbplus(data)
    topics = sorted({d.topic for d in docs})
    if limit:
        topics = topics[: max(2, limit)]
    tune_docs = [d for d in docs if d.topic in topics and d.topic % 2 == 1]
    score_docs = [d for d in docs if d.topic in topics and (d.topic % 2 == 0 or split == "all")]
    if split == "odd":
        score_docs = tune_docs
    tune_vecs, score_vecs = _vectors(tune_docs), _vectors(score_docs)
    out: dict[str, float | int | str] = {"docs_scored": len(score_docs), "topics_scored": len({
        d.topic for d in score_docs}), "subevents_scored": len({d.subevent for d in score_docs}),
        "split": "score " + (split or "even") + ", tune odd"}
    for mode, refine in (("", 0), ("recompute_", REFINE_PASSES)):
        for level, shipped in (("topic", TOPIC_THRESHOLD), ("subevent", STORY_THRESHOLD)):
            threshold = shipped if split == "all" else _tune(tune_docs, tune_vecs, level, refine)
            gold: list[Hashable] = [d.topic if level == "topic" else d.subevent for d in score_docs]
            pred = cluster(score_vecs, threshold, refine)
            precision, recall, f1 = bcubed(pred, gold)
            key = f"{mode}{level}"
            out |= {f"{key}_threshold": threshold, f"{key}_bcubed_precision": round(precision, 4),
                    f"{key}_bcubed_recall": round(recall, 4), f"{key}_bcubed_f1": round(f1, 4),
                    f"{key}_ari": round(ari(pred, gold), 4), f"{key}_clusters": len(set(pred))}
    return out

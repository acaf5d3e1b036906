"""Shared helpers of the extraction benchmarks: the ScrapingHub 4-word-shingle metric and the gold data."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of lowercase word n-grams of ``text``."""
    words = _WORD.findall(text.lower())
    # as in ScrapingHub's evaluate.py, a text shorter than n words is one short shingle
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words)


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Return shingle precision, recall and F1 of ``predicted`` against ``gold`` (multiset overlap)."""
    pred, ref = shingles(predicted), shingles(gold)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def summarise(scores: Iterable[tuple[float, float, float]], prefix: str = "") -> dict[str, float | int]:
    """Return the figures of per-page (precision, recall, F1) scores.

    ``f1`` is the harmonic mean of the mean precision and the mean recall, as ScrapingHub's evaluate.py
    computes it (the anchors of the bench README use it); ``f1_page_mean`` is the mean of per-page F1.
    """
    rows = list(scores)
    n = len(rows) or 1
    precision = sum(r[0] for r in rows) / n
    recall = sum(r[1] for r in rows) / n
    return {
        f"{prefix}f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        f"{prefix}precision": round(precision, 4),
        f"{prefix}recall": round(recall, 4),
        f"{prefix}f1_page_mean": round(sum(r[2] for r in rows) / n, 4),
        f"{prefix}pages": len(rows),
    }


def ground_truth(data: Path) -> dict[str, dict[str, Any]]:
    """Return the HTML benchmark's gold ``{id: {articleBody, url}}``."""
    return dict(json.loads((data / "html" / "ground-truth.json").read_text(encoding="utf-8")))


def textdump_pages(data: Path) -> list[dict[str, Any]]:
    """Return the text-dump benchmark pages (``id``, ``url``, ``lines``, ``labels``) in file order."""
    path = data / "textdump" / "scrapinghub_lines_inscriptis.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_gz_text(path: Path) -> str:
    """Return the decoded text of a gzipped page (UTF-8, undecodable bytes replaced)."""
    with gzip.open(path, "rb") as fh:
        return fh.read().decode("utf-8", errors="replace")

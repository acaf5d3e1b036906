"""The trained content/chrome line classifier for text dumps: two stacked boosted-tree ensembles.

Stage 1 scores each line from its own features and its neighbours'; stage 2 rescores it knowing the
stage-1 scores around it and the block of likely content it sits in (the article is usually the largest
run of content lines; teaser lists and comments are smaller runs after it). The trees are stored as plain
arrays in ``data/textdump_model.json`` (written by ``newsgraph train textdump``) and evaluated with numpy,
so inference needs neither scikit-learn nor pickles.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsgraph.extract.linefeatures import feature_names, line_features

MODEL_FILE = "data/textdump_model.json"
STAGE2_OFFSETS = (-6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6)
STAGE2_WINDOWS = (3, 8, 20)


@dataclass
class TreeEnsemble:
    """Binary boosted trees in flat arrays: a row goes left when ``x[feature] <= threshold``."""

    baseline: float
    roots: np.ndarray  # index of each tree's root node in the flat arrays
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    is_leaf: np.ndarray
    depth: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeEnsemble:
        """Build the ensemble from its JSON form."""
        return cls(
            baseline=float(d["baseline"]), roots=np.asarray(d["roots"], dtype=np.int64),
            feature=np.asarray(d["feature"], dtype=np.int64), threshold=np.asarray(d["threshold"], dtype=np.float64),
            left=np.asarray(d["left"], dtype=np.int64), right=np.asarray(d["right"], dtype=np.int64),
            value=np.asarray(d["value"], dtype=np.float64), is_leaf=np.asarray(d["is_leaf"], dtype=bool),
            depth=int(d["depth"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the ensemble."""
        return {
            "baseline": self.baseline, "roots": self.roots.tolist(), "feature": self.feature.tolist(),
            "threshold": [float(t) for t in self.threshold], "left": self.left.tolist(),
            "right": self.right.tolist(), "value": [float(v) for v in self.value],
            "is_leaf": self.is_leaf.astype(int).tolist(), "depth": self.depth,
        }

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Return the raw score (log-odds) of each row of ``x``; all trees are walked at once."""
        x = np.asarray(x, dtype=np.float64)
        n = x.shape[0]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            leaf = self.is_leaf[node]
            if leaf.all():
                break
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        return np.asarray(self.baseline + self.value[node].sum(axis=1))

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Return the probability of the positive class for each row of ``x``."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision(x))))


def _window_mean(col: np.ndarray, w: int) -> np.ndarray:
    """Return the mean of ``col`` over ±w lines, the line itself included."""
    n = len(col)
    csum = np.concatenate([[0.0], np.cumsum(col)])
    idx = np.arange(n)
    lo, hi = np.clip(idx - w, 0, n), np.clip(idx + w + 1, 0, n)
    return np.asarray((csum[hi] - csum[lo]) / (hi - lo))


def densest_span(weights: np.ndarray) -> tuple[int, int]:
    """Return the (start, end) lines, inclusive, of the contiguous run with the largest total weight (Kadane)."""
    best, best_span = -np.inf, (0, 0)
    run, start = 0.0, 0
    for i, w in enumerate(weights.tolist()):
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _span_features(p1: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Return per line: inside the densest content span, and the distance to it (before, after)."""
    idx = np.arange(len(p1))
    cols = []
    for weights in ((p1 - 0.5) * np.log1p(words), p1 - 0.5):
        start, end = densest_span(weights)
        cols += [((idx >= start) & (idx <= end)).astype(float), np.log1p(np.clip(start - idx, 0, None)),
                 np.log1p(np.clip(idx - end, 0, None))]
    return np.column_stack(cols)


def _block_features(p1: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Return per line features of the run of likely-content lines it belongs to (or is nearest to)."""
    n = len(p1)
    on = p1 >= 0.5
    block = np.cumsum(np.concatenate([[1], (on[1:] != on[:-1]).astype(int)])) - 1
    n_blocks = int(block[-1]) + 1
    content_words = np.bincount(block, weights=words * on, minlength=n_blocks)
    total = content_words.sum() or 1.0
    main = int(np.argmax(content_words))
    main_lines = np.flatnonzero(block == main)
    start, end = int(main_lines[0]), int(main_lines[-1])
    idx = np.arange(n)
    before_main = np.clip(start - idx, 0, None)
    after_main = np.clip(idx - end, 0, None)
    order = np.argsort(np.argsort(-content_words))  # rank of each block by its words (0 = largest)
    mean_p = np.bincount(block, weights=p1, minlength=n_blocks) / np.bincount(block, minlength=n_blocks)
    return np.column_stack([
        content_words[block] / total, order[block].astype(float), (block == main).astype(float),
        np.log1p(before_main), np.log1p(after_main), mean_p[block],
        np.cumsum(words * on) / total - words * on / total, np.full(n, float(n_blocks)),
    ])


def stage2_features(x1: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """Return the stage-2 features: stage-1 features plus the stage-1 scores around each line."""
    n = len(p1)
    pad = np.full(max(abs(o) for o in STAGE2_OFFSETS), -1.0)
    padded = np.concatenate([pad, p1, pad])
    k = len(pad)
    shifted = np.column_stack([padded[k + off : k + off + n] for off in STAGE2_OFFSETS])
    windows = np.column_stack([_window_mean(p1, w) for w in STAGE2_WINDOWS])
    words = np.expm1(x1[:, feature_names().index("log_words")].astype(np.float64))
    blocks = _block_features(p1, words)
    return np.hstack([x1, p1[:, None], shifted, windows, blocks, _span_features(p1, words)]).astype(np.float32)


@dataclass
class LineModel:
    """The two stages and the decision threshold."""

    stage1: TreeEnsemble
    stage2: TreeEnsemble
    threshold: float = 0.5
    version: str = "textdump-gbt@1"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LineModel:
        """Build the model from its JSON form."""
        return cls(TreeEnsemble.from_dict(d["stage1"]), TreeEnsemble.from_dict(d["stage2"]),
                   float(d.get("threshold", 0.5)), str(d.get("version", "textdump-gbt@1")))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the model."""
        return {"version": self.version, "threshold": self.threshold, "features": feature_names(),
                "stage1": self.stage1.to_dict(), "stage2": self.stage2.to_dict()}

    def scores(self, lines: list[str]) -> np.ndarray:
        """Return the probability that each of the non-empty, stripped ``lines`` is article content."""
        if not lines:
            return np.zeros(0)
        x1 = line_features(lines)
        p1 = self.stage1.proba(x1)
        return self.stage2.proba(stage2_features(x1, p1))


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """Return the shipped line model (loaded once)."""
    text = resources.files("newsgraph.extract").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_dict(json.loads(text))

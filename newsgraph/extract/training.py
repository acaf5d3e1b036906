"""Training of the text-dump line classifier (scikit-learn), and its page-grouped cross-validation.

Both stages are scikit-learn HistGradientBoosting models, exported to the flat arrays of
``lineclass.TreeEnsemble``; the export is checked against scikit-learn's own scores before it is used.
Stage 2 learns from *out-of-fold* stage-1 scores, so it sees stage-1 errors as they are on unseen pages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from newsgraph.extract.lineclass import LineModel, TreeEnsemble, stage2_features
from newsgraph.extract.linefeatures import line_features

PARAMS: dict[str, Any] = {
    "max_iter": 120, "learning_rate": 0.12, "max_leaf_nodes": 31, "max_depth": 8, "min_samples_leaf": 20,
    "l2_regularization": 1.0, "random_state": 0, "early_stopping": False,
}


def export_ensemble(model: HistGradientBoostingClassifier) -> TreeEnsemble:
    """Return the flat-array form of a fitted binary HistGradientBoostingClassifier."""
    feature, threshold, left, right, value, is_leaf, roots = [], [], [], [], [], [], []
    depth = 0
    offset = 0
    for (predictor,) in model._predictors:  # one tree per iteration for a binary model
        nodes = predictor.nodes
        roots.append(offset)
        feature.append(nodes["feature_idx"].astype(np.int64))
        threshold.append(nodes["num_threshold"].astype(np.float64))
        left.append(nodes["left"].astype(np.int64) + offset)
        right.append(nodes["right"].astype(np.int64) + offset)
        value.append(nodes["value"].astype(np.float64))
        is_leaf.append(nodes["is_leaf"].astype(bool))
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    return TreeEnsemble(
        baseline=float(np.ravel(model._baseline_prediction)[0]), roots=np.asarray(roots, dtype=np.int64),
        feature=np.concatenate(feature), threshold=np.concatenate(threshold), left=np.concatenate(left),
        right=np.concatenate(right), value=np.concatenate(value), is_leaf=np.concatenate(is_leaf), depth=depth + 1,
    )


def fit_ensemble(x: np.ndarray, y: np.ndarray) -> TreeEnsemble:
    """Fit one boosted-tree stage and return it exported, checked against scikit-learn's scores."""
    x64 = x.astype(np.float64)
    model = HistGradientBoostingClassifier(**PARAMS).fit(x64, y)
    ensemble = export_ensemble(model)
    probe = x64[:: max(1, len(x64) // 2000)]
    if not np.allclose(ensemble.decision(probe), model.decision_function(probe), atol=1e-6):
        raise RuntimeError("exported trees disagree with scikit-learn (has its tree layout changed?)")
    return ensemble


def _oof_stage1(xs: Sequence[np.ndarray], ys: Sequence[np.ndarray], folds: int) -> list[np.ndarray]:
    """Return out-of-fold stage-1 scores of each page (pages grouped into ``folds`` folds)."""
    out: list[np.ndarray] = [np.zeros(len(y)) for y in ys]
    pages = np.arange(len(xs))
    for train_idx, test_idx in GroupKFold(n_splits=min(folds, len(xs))).split(pages, groups=pages):
        stage1 = fit_ensemble(np.vstack([xs[i] for i in train_idx]), np.concatenate([ys[i] for i in train_idx]))
        for i in test_idx:
            out[i] = stage1.proba(xs[i])
    return out


def fit_stacked(xs: Sequence[np.ndarray], ys: Sequence[np.ndarray], inner_folds: int = 4) -> LineModel:
    """Fit both stages on the pages ``xs`` (stage-1 feature matrices) with line labels ``ys``."""
    p1 = _oof_stage1(xs, ys, inner_folds)
    x2 = np.vstack([stage2_features(x, p) for x, p in zip(xs, p1, strict=True)])
    y = np.concatenate(ys)
    return LineModel(stage1=fit_ensemble(np.vstack(xs), y), stage2=fit_ensemble(x2, y))


def page_data(pages: Sequence[dict[str, Any]]) -> tuple[list[list[str]], list[np.ndarray], list[np.ndarray]]:
    """Return the stripped non-empty lines, stage-1 features and labels of benchmark pages."""
    lines, xs, ys = [], [], []
    for page in pages:
        kept = [(ln.strip(), lab) for ln, lab in zip(page["lines"], page["labels"], strict=True) if ln.strip()]
        lines.append([ln for ln, _ in kept])
        xs.append(line_features(lines[-1]))
        ys.append(np.asarray([lab for _, lab in kept], dtype=np.int64))
    return lines, xs, ys


def cross_validated_scores(xs: Sequence[np.ndarray], ys: Sequence[np.ndarray], folds: int = 5) -> list[np.ndarray]:
    """Return each page's line scores from a model trained without that page (page-grouped k-fold)."""
    out: list[np.ndarray] = [np.zeros(len(y)) for y in ys]
    pages = np.arange(len(xs))
    for train_idx, test_idx in GroupKFold(n_splits=min(folds, len(xs))).split(pages, groups=pages):
        model = fit_stacked([xs[i] for i in train_idx], [ys[i] for i in train_idx])
        for i in test_idx:
            out[i] = model.stage2.proba(stage2_features(xs[i], model.stage1.proba(xs[i])))
    return out


def save_model(model: LineModel, path: Path) -> None:
    """Write ``model`` as compact JSON."""
    path.write_text(json.dumps(model.to_dict(), separators=(",", ":")), encoding="utf-8")

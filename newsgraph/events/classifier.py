"""A small learned sentence classifier (penta class: statement / verbal or material coop / conflict).

TF-IDF + logistic regression trained on the ConfliBERT CAMEO train split (``newsgraph train events``),
shipped as ``data/penta_model.json``. It never invents an event: it only chooses among the rule
candidates of a sentence, or says the sentence is a mere statement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsgraph.events.lexicon import DATA

MODEL = DATA / "penta_model.json"
PENTA = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_coop"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_coop"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
RULE_BONUS = 0.15  # prior for the rules' own main event (chosen by cross-validation on the train split)


@dataclass
class PentaModel:
    """The vectoriser and the linear model's weights."""

    vectorizer: TfidfVectorizer
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]

    def proba(self, texts: list[str]) -> list[dict[str, float]]:
        """Return class probabilities for each text."""
        scores = self.vectorizer.transform(texts) @ self.coef.T + self.intercept
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in scores]


def fit(texts: list[str], labels: list[str]) -> dict[str, Any]:
    """Fit the classifier and return it as a JSON-serialisable dict."""
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=10, max_iter=2000).fit(x, labels)
    return {"version": 1, "ngram_range": [1, 2], "vocabulary": {k: int(v) for k, v in vec.vocabulary_.items()},
            "idf": [round(float(v), 6) for v in vec.idf_], "classes": [str(c) for c in clf.classes_],
            "coef": [[round(float(v), 5) for v in row] for row in clf.coef_],
            "intercept": [float(v) for v in clf.intercept_]}


def _from_dict(raw: dict[str, Any]) -> PentaModel:
    """Rebuild a PentaModel from its JSON form."""
    vec = TfidfVectorizer(ngram_range=tuple(raw["ngram_range"]), sublinear_tf=True, vocabulary=raw["vocabulary"])
    vec.idf_ = np.array(raw["idf"])
    return PentaModel(vec, np.array(raw["coef"]), np.array(raw["intercept"]), list(raw["classes"]))


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> PentaModel | None:
    """Load the shipped model once; None when it has not been trained."""
    file = Path(path) if path else MODEL
    if not file.is_file():
        return None
    return _from_dict(json.loads(file.read_text(encoding="utf-8")))

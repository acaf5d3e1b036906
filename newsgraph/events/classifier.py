"""Two small learned sentence classifiers, both trained by ``newsgraph train events`` and shipped as data files.

- The penta classifier (statement / verbal or material coop / conflict): TF-IDF word n-grams stacked with the
  rule coder's own findings (candidate types, their modality, trigger lemmas and pattern ids, as pseudo-tokens),
  then logistic regression, trained on the ConfliBERT CAMEO train split (``data/penta_model.json``). It labels
  the sentence; among the rule candidates it picks the one of its class.
- The type classifier (the 16 PLOVER types or NONE): word n-grams only, trained on the team's development data
  (``data/type_model.json``; see bench.events.type_training_rows). The coder asks it only about a sentence
  in which no pattern matched at all (see learned.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from newsgraph.events.lexicon import DATA

MODEL = DATA / "penta_model.json"
TYPE_MODEL = DATA / "type_model.json"
# PLOVER type → CAMEO quad class, in the PETRARCH/Phoenix convention the ConfliBERT labels follow: CONCEDE comes
# from CAMEO 08 (yield: material cooperation) and SANCTION from CAMEO 16 (reduce relations: verbal conflict).
# Appeals (REQUEST from CAMEO 02) are "statement": see code.penta_of.
PENTA = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "verbal_coop"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "CONCEDE"), "material_coop"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
# weight of the rule pseudo-token block against the word block, and the inverse regularisation
# (both chosen by 5-fold cross-validation on the train split)
RULE_WEIGHT = 0.5
C = 10.0
_RULE_TOKEN = r"\S+"


@dataclass
class SentenceModel:
    """The two vectorisers and the linear model's weights."""

    words: TfidfVectorizer
    rules: CountVectorizer
    rule_weight: float
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]

    def features(self, texts: list[str], rules: list[str]) -> csr_matrix:
        """Return the stacked feature matrix of sentences and their rule pseudo-token strings."""
        return hstack([self.words.transform(texts), self.rules.transform(rules) * self.rule_weight]).tocsr()

    def proba(self, texts: list[str], rules: list[str] | None = None) -> list[dict[str, float]]:
        """Return class probabilities for each text (``rules``: the coder's pseudo-tokens per text)."""
        x = self.features(texts, rules if rules is not None else [""] * len(texts))
        scores = np.asarray(x @ self.coef.T) + self.intercept
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, map(float, row), strict=True)) for row in scores]


def _vectorizers(max_features: int | None = None) -> tuple[TfidfVectorizer, CountVectorizer]:
    """Return fresh (unfitted) word and rule vectorisers (``max_features``: the most frequent n-grams only)."""
    return (TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=max_features),
            CountVectorizer(token_pattern=_RULE_TOKEN, lowercase=False, binary=True))


def fit(texts: list[str], labels: list[str], rules: list[str] | None = None, max_features: int | None = None
        ) -> dict[str, Any]:
    """Fit the classifier and return it as a JSON-serialisable dict."""
    from sklearn.linear_model import LogisticRegression

    rules = rules if rules is not None else [""] * len(texts)
    words, rvec = _vectorizers(max_features)
    xw = words.fit_transform(texts)
    try:
        xr = rvec.fit_transform(rules)
    except ValueError:  # no rule token at all (tiny training sets): an empty block
        rvec = CountVectorizer(token_pattern=_RULE_TOKEN, lowercase=False, binary=True, vocabulary=["NOCAND"])
        xr = rvec.fit_transform(rules)
    clf = LogisticRegression(C=C, max_iter=3000).fit(hstack([xw, xr * RULE_WEIGHT]).tocsr(), labels)
    return {"version": 2, "ngram_range": [1, 2], "vocabulary": {k: int(v) for k, v in words.vocabulary_.items()},
            "idf": [round(float(v), 6) for v in words.idf_],
            "rule_vocabulary": {k: int(v) for k, v in rvec.vocabulary_.items()}, "rule_weight": RULE_WEIGHT,
            "classes": [str(c) for c in clf.classes_],
            "coef": [[round(float(v), 5) for v in row] for row in clf.coef_],
            "intercept": [float(v) for v in clf.intercept_]}


def _from_dict(raw: dict[str, Any]) -> SentenceModel:
    """Rebuild a SentenceModel from its JSON form."""
    words = TfidfVectorizer(ngram_range=tuple(raw["ngram_range"]), sublinear_tf=True, vocabulary=raw["vocabulary"])
    words.idf_ = np.array(raw["idf"])
    rules = CountVectorizer(token_pattern=_RULE_TOKEN, lowercase=False, binary=True,
                            vocabulary=raw.get("rule_vocabulary") or {"NOCAND": 0})
    coef = np.array(raw["coef"])
    if "rule_vocabulary" not in raw:  # a version-1 model (words only): the rule block gets zero weights
        coef = np.hstack([coef, np.zeros((coef.shape[0], 1))])
    return SentenceModel(words, rules, float(raw.get("rule_weight", 0.0)), coef, np.array(raw["intercept"]),
                         list(raw["classes"]))


def _load(file: Path) -> SentenceModel | None:
    """Load a model file; None when it has not been trained."""
    return _from_dict(json.loads(file.read_text(encoding="utf-8"))) if file.is_file() else None


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> SentenceModel | None:
    """Load the shipped penta model once; None when it has not been trained."""
    return _load(Path(path) if path else MODEL)


@lru_cache(maxsize=1)
def load_type_model(path: str | None = None) -> SentenceModel | None:
    """Load the shipped PLOVER type model once; None when it has not been trained."""
    return _load(Path(path) if path else TYPE_MODEL)

"""The penta sentence classifier and how it chooses among rule candidates."""

from __future__ import annotations

import pytest

from newsgraph.actors import find_actors
from newsgraph.events.classifier import _from_dict, fit, load_model
from newsgraph.events.code import code_sentences, main_event
from newsgraph.nlp import analyse
from newsgraph.records import Article


def test_fit_round_trips_through_json_form() -> None:
    texts = ["Troops shelled the town.", "Troops shelled a convoy.", "The minister praised the deal.",
             "Leaders praised the deal.", "He said it was sunny.", "Officials said it was sunny."]
    labels = ["material_conflict", "material_conflict", "verbal_coop", "verbal_coop", "statement", "statement"]
    model = _from_dict(fit(texts, labels))
    (proba,) = model.proba(["Troops shelled the village."])
    assert set(proba) == set(labels) and sum(proba.values()) == pytest.approx(1.0)
    assert max(proba, key=proba.get) == "material_conflict"


def test_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None and "statement" in model.classes


def _cands(text: str) -> list:
    article = Article(id="a", source="t", source_name="t", text=text)
    doc = analyse(text)
    return [c for _, cs in code_sentences(doc, find_actors(article, doc)) for c in cs]


def test_classifier_can_overrule_the_rules_with_statement() -> None:
    cands = _cands("Iran rejected accusations that it armed the rebels, and urged calm.")
    assert main_event(cands) is not None
    assert main_event(cands, {"statement": 0.9, "verbal_conflict": 0.1}) is None
    chosen = main_event(cands, {"statement": 0.05, "verbal_conflict": 0.95})
    assert chosen is not None and chosen.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")

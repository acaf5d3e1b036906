"""The penta sentence classifier and how it chooses among rule candidates."""

from __future__ import annotations

import pytest

from newsgraph.actors import find_actors
from newsgraph.events.classifier import _from_dict, fit, load_model
from newsgraph.events.code import code_sentences, penta_of
from newsgraph.events.rank import main_event, rule_tokens
from newsgraph.nlp import analyse
from newsgraph.records import Article


def test_fit_round_trips_through_json_form() -> None:
    texts = ["Troops shelled the town.", "Troops shelled a convoy.", "The minister praised the deal.",
             "Leaders praised the deal.", "He said it was sunny.", "Officials said it was sunny."]
    labels = ["material_conflict", "material_conflict", "verbal_coop", "verbal_coop", "statement", "statement"]
    rules = ["MAIN_ASSAULT", "MAIN_ASSAULT", "MAIN_SUPPORT", "", "NOCAND", "NOCAND"]
    model = _from_dict(fit(texts, labels, rules))
    (proba,) = model.proba(["Troops shelled the village."], ["MAIN_ASSAULT"])
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
    cands = _cands("Iran rejected the peace plan proposed by Egypt.")
    assert main_event(cands) is not None
    assert main_event(cands, {"statement": 0.9, "verbal_conflict": 0.1}) is None
    assert main_event(cands, {"statement": 0.9, "verbal_conflict": 0.1}, allow_statement=False) is not None
    chosen = main_event(cands, {"statement": 0.05, "verbal_conflict": 0.95})
    assert chosen is not None and chosen.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN")


def test_rule_tokens_describe_the_coders_findings() -> None:
    tokens = rule_tokens(_cands("Iran rejected the peace plan proposed by Egypt.")).split()
    assert "MAIN_REJECT" in tokens and "MAINP_verbal_conflict" in tokens and "TRIG_reject" in tokens
    assert rule_tokens(_cands("It was sunny in Paris on Monday.")).split()[:1] == ["NOCAND"]


def test_shipped_model_uses_the_rule_tokens() -> None:
    model = load_model()
    assert model is not None
    text = "The two sides met in Geneva on Monday."
    with_rules, without = model.proba([text, text], ["MAIN_ASSAULT MAINP_material_conflict ANY_ASSAULT", ""])
    assert with_rules["material_conflict"] > without["material_conflict"]


def test_classifier_label_picks_the_candidate_of_its_class() -> None:
    cands = _cands("Israel accused Hamas of firing rockets and closed the border crossings.")
    types = {c.type for c in cands}
    assert "ACCUSE" in types and types & {"COERCE", "SANCTION"}
    chosen = main_event(cands, {"statement": 0.1, "verbal_conflict": 0.2, "material_conflict": 0.7})
    assert chosen is not None and chosen.type in ("COERCE", "SANCTION")
    chosen = main_event(cands, {"statement": 0.1, "verbal_conflict": 0.7, "material_conflict": 0.2})
    assert chosen is not None and chosen.type == "ACCUSE"


def test_appeals_are_statements_and_demands_verbal_conflict() -> None:
    (urge,) = [c for c in _cands("The United Nations urged Israel to ease the blockade.") if c.type == "REQUEST"]
    (demand,) = [c for c in _cands("Russia demanded that Ukraine withdraw its troops.") if c.type == "REQUEST"]
    assert penta_of(urge) == "statement" and penta_of(demand) == "verbal_conflict"
    chosen = main_event([urge], {"statement": 0.8, "verbal_conflict": 0.2})
    assert chosen is urge  # an appeal stands for a "statement" sentence

"""The type classifier's events: only where no pattern matched, argued by the coder, citing their rule."""

from __future__ import annotations

import pytest

from newsgraph.actors import find_actors
from newsgraph.events import code, learned
from newsgraph.events.classifier import _from_dict, fit, load_type_model
from newsgraph.events.code import Candidate, code_sentences
from newsgraph.events.lexicon import EVENT_TYPES, NON_EVENT
from newsgraph.nlp import analyse
from newsgraph.records import Article

# a made-up verb no pattern knows: what the classifier has learned of it is all the coder can go on
_TRAINING = [
    ("Russia zorbled Ukraine over the grain deal.", "ACCUSE"),
    ("The minister zorbled the envoy on Monday.", "ACCUSE"),
    ("France zorbled Mali for the coup.", "ACCUSE"),
    ("Rebels plinked the convoy near the border.", "ASSAULT"),
    ("Gunmen plinked a police post in the north.", "ASSAULT"),
    ("Militants plinked an army base.", "ASSAULT"),
    ("It was sunny in Paris on Monday.", NON_EVENT),
    ("The match ended in a draw.", NON_EVENT),
    ("Shares rose in early trading.", NON_EVENT),
]


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _from_dict(fit([t for t, _ in _TRAINING], [label for _, label in _TRAINING]))
    monkeypatch.setattr(learned, "load_type_model", lambda: model)


def _coded(text: str, use_model: bool = True) -> list[Candidate]:
    article = Article(id="a", source="t", source_name="t", text=text)
    doc = analyse(text)
    return [c for _, cs in code_sentences(doc, find_actors(article, doc), learned=use_model) for c in cs]


def test_shipped_type_model_knows_every_plover_type_and_none() -> None:
    model = load_type_model()
    assert model is not None and set(model.classes) == set(EVENT_TYPES) | {NON_EVENT}


@pytest.mark.usefixtures("toy_model")
def test_a_sentence_no_pattern_matched_gets_the_classifiers_event() -> None:
    (cand,) = _coded("Germany zorbled Poland over the pipeline.")
    assert cand.type == "ACCUSE" and cand.rule == "plover.v1:learned.accuse" and cand.trigger.text == "zorbled"
    assert [a.code for a in cand.sources] == ["DEU"] and [a.code for a in cand.targets] == ["POL"]
    (types,) = learned.sentence_types(["Germany zorbled Poland over the pipeline."])
    assert types is not None and 0 < cand.confidence <= types[1]
    assert _coded("Germany zorbled Poland over the pipeline.", use_model=False) == []


@pytest.mark.usefixtures("toy_model")
def test_a_reported_material_act_is_the_verb_of_what_is_reported() -> None:
    cands = _coded("Officials said rebels plinked a convoy near Goma.")
    assert [(c.type, c.trigger.text) for c in cands] == [("ASSAULT", "plinked")]


@pytest.mark.usefixtures("toy_model")
def test_a_matched_pattern_keeps_the_last_word() -> None:
    # a pattern matched (negated, so no asserted event): the classifier's guess adds nothing
    cands = _coded("Germany did not attack Poland.")
    assert all(c.rule != "plover.v1:learned.assault" for c in cands) and all(c.negated for c in cands)
    assert _coded("It was sunny in Paris on Monday.") == []


@pytest.mark.parametrize(("proba", "coded"), [(0.7, []), (0.9, [("ASSAULT", "plover.v1:learned.assault")])])
def test_a_word_the_patterns_judged_needs_a_surer_classifier(monkeypatch: pytest.MonkeyPatch, proba: float,
                                                             coded: list[tuple[str, str]]) -> None:
    # "go" has patterns ("a bomb went off"), none of which an alarm matches
    monkeypatch.setattr(code, "sentence_types", lambda texts: [("ASSAULT", proba)] * len(texts))
    assert [(c.type, c.rule) for c in _coded("The alarm went off at the police station.")] == coded

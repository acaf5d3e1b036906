"""The trigger lexicon and the fallback gazetteer load, index and resolve as documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsgraph.events.lexicon import DATA, EVENT_TYPES, NON_EVENT, load_lexicon, pattern_ids
from newsgraph.events.places import find_places
from newsgraph.nlp import analyse


def test_every_pattern_has_a_unique_id_and_a_plover_type() -> None:
    raw = yaml.safe_load(Path(DATA / "triggers.yaml").read_text(encoding="utf-8"))["patterns"]
    ids = [p["id"] for p in raw]
    assert len(ids) == len(set(ids))
    assert {p["type"] for p in raw} <= set(EVENT_TYPES) | {NON_EVENT}
    assert {p["type"] for p in raw} >= set(EVENT_TYPES)  # all 16 PLOVER types have triggers
    assert set(pattern_ids()) == set(ids)


def test_specific_patterns_are_tried_first() -> None:
    lex = load_lexicon()
    (first, *rest) = lex.candidates("VERB", "impose")
    assert first.obj and all(first.specificity >= p.specificity for p in rest)
    assert [p.id for p in lex.candidates("NOUN", "strike")][-1] == "protest.strike.n"


def test_gazetteer_finds_states_demonyms_capitals_and_igos() -> None:
    doc = analyse("The Kremlin told Ukrainian and U.S. officials in Brussels that NATO and the United Nations erred.")
    found = {(doc[h.start:h.end].text, h.code, h.kind) for h in find_places(doc)}
    assert {("Kremlin", "RUS", "capital"), ("Ukrainian", "UKR", "state"), ("U.S.", "USA", "state"),
            ("NATO", "NATO", "igo"), ("United Nations", "UN", "igo")} <= found
    assert not [h for h in find_places(analyse("Let us talk.")) if h.code == "USA"]  # "us" is no country


def test_yaml_booleans_in_word_lists_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.yaml"
    bad.write_text("version: 1\npatterns:\n  - {id: x.call-off.v, pos: VERB, lemmas: [call], prep: [off], "
                   "type: SANCTION}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote"):
        load_lexicon(str(bad))
    lex = load_lexicon()
    assert lex.has("negators", "no") and lex.has("target_preps", "on")

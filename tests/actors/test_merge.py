"""Corpus-level surname merges."""

from __future__ import annotations

from pathlib import Path

from newsgraph.actors.merge import surname_merges
from newsgraph.pipeline import ingest
from newsgraph.store import open_store


def test_surname_only_id_joins_the_unique_full_name() -> None:
    ids = ["person:antony-blinken", "person:blinken", "person:putin", "person:vladimir-putin", "USA"]
    assert surname_merges(ids) == {"person:blinken": "person:antony-blinken", "person:putin": "person:vladimir-putin"}


def test_ambiguous_surname_stays_apart() -> None:
    ids = ["person:joe-biden", "person:hunter-biden", "person:biden", "person:xi"]
    assert surname_merges(ids) == {}


def test_link_stage_folds_a_surname_speaker_into_the_full_name(tmp_path: Path) -> None:
    a1 = "Antony Blinken said on Tuesday that the talks in Geneva would go ahead as planned."
    a2 = "Blinken said the talks would go ahead. Talks in Geneva are set for next week."
    for name, text in (("a1.txt", a1), ("a2.txt", a2)):
        (tmp_path / name).write_text(f"Talks go ahead\n{text}\n", encoding="utf-8")
    with open_store(tmp_path / "merge.duckdb") as store:
        ingest([tmp_path / "a1.txt"], store)
        ingest([tmp_path / "a2.txt"], store)  # the surname comes in a later batch
        speakers = {r["speaker_id"] for r in store.query("SELECT speaker_id FROM quotes")}
        assert speakers == {"person:antony-blinken"}
        actor = store.query("SELECT aliases FROM actors WHERE id = 'person:antony-blinken'")[0]
        assert "Blinken" in actor["aliases"]
        assert not store.query("SELECT id FROM actors WHERE id = 'person:blinken'")
        assert {r["actor_id"] for r in store.query("SELECT actor_id FROM mentions WHERE text = 'Blinken'")} == {
            "person:antony-blinken"}

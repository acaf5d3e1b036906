"""Corpus-level surname merges."""

from __future__ import annotations

from newsgraph.actors.merge import surname_merges


def test_surname_only_id_joins_the_unique_full_name() -> None:
    ids = ["person:antony-blinken", "person:blinken", "person:putin", "person:vladimir-putin", "USA"]
    assert surname_merges(ids) == {"person:blinken": "person:antony-blinken", "person:putin": "person:vladimir-putin"}


def test_ambiguous_surname_stays_apart() -> None:
    ids = ["person:joe-biden", "person:hunter-biden", "person:biden", "person:xi"]
    assert surname_merges(ids) == {}

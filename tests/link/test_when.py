"""Story dates: an undated page bounded by the offices it states stays out of stories of other years."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.link import link_articles
from newsgraph.link.cluster import Story, When
from newsgraph.store import Store, open_store

TEXTS = {  # one happening in two wordings (no shared passage, so only their similarity links them)
    "a": ("White House Press Secretary Jen Psaki said on Wednesday that the talks between the two foreign "
          "ministers in Geneva had been frank, and that Washington would answer the written demands of Moscow on "
          "security guarantees, alliance expansion and missiles near the border."),
    "b": ("Geneva talks: Moscow's written demands on security guarantees, alliance expansion and border missiles "
          "get a Washington answer, Psaki told reporters, calling the foreign ministers' meeting frank."),
}


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    """An empty store."""
    with open_store(tmp_path / "when.duckdb") as s:
        yield s


def _add(store: Store, aid: str, text: str, published: str | None, since: str | None = None,
         until: str | None = None) -> None:
    """Insert one article row as the pipeline stores it (a real date, or an undated page's bounds)."""
    store.con.execute("INSERT INTO articles (id, title, text, published, written_from, written_until)"
                      " VALUES (?, ?, ?, ?, ?, ?)", [aid, None, text, published, since, until])


def _stories(store: Store) -> dict[str, str]:
    return {r["id"]: r["story_id"] for r in store.query("SELECT id, story_id FROM articles")}


def test_an_undated_page_joins_a_story_inside_its_bounds(store: Store) -> None:
    _add(store, "undated", TEXTS["a"], None, "2020-12-20", "2022-06-13")
    _add(store, "dated", TEXTS["b"], "2022-01-19")
    link_articles(store, ["undated", "dated"])
    stories = _stories(store)
    assert stories["undated"] == stories["dated"]


def test_an_undated_page_stays_out_of_a_story_of_another_year(store: Store) -> None:
    _add(store, "undated", TEXTS["a"], None, "2020-12-20", "2022-06-13")
    _add(store, "later", TEXTS["b"], "2023-05-26")
    link_articles(store, ["undated", "later"])
    stories = _stories(store)
    assert stories["undated"] != stories["later"]
    row = store.query("SELECT written_from, written_until FROM stories WHERE id = ?", [stories["undated"]])[0]
    assert (row["written_from"], row["written_until"]) == ("2020-12-20", "2022-06-13")


def test_bounds_narrow_and_check_both_ways() -> None:
    story = Story("s")
    story.add({}, When(date(2021, 1, 1), date(2022, 6, 1), exact=False))
    story.add({}, When(date(2021, 12, 1), None, exact=False))
    assert (story.held_from, story.held_until) == (date(2021, 12, 1), date(2022, 6, 1))
    assert story.compatible(When.day(date(2022, 1, 19)), 10)
    assert not story.compatible(When.day(date(2023, 5, 26)), 10)
    assert not story.compatible(When(date(2022, 7, 1), None, exact=False), 10)
    assert story.compatible(None, 10)
    dated = Story("d")
    dated.add({}, When.day(date(2023, 5, 26)))
    assert not story.overlaps(dated, 10) and not dated.overlaps(story, 10)

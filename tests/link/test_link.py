"""Cross-document linking over a real DuckDB store: copies, re-dated copies, incremental stories, merging."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.link import link_articles, link_store
from newsgraph.link.cluster import LOOKUP_TERMS, STORY_THRESHOLD, StoryIndex, When
from newsgraph.link.vectors import Vector, normalise, text_counts, tfidf
from newsgraph.pipeline import ingest
from newsgraph.store import Store, open_store
from newsgraph.store.export import iter_records


def _paragraphs(seeds_dir: Path, prefix: str) -> list[str]:
    """Return the paragraphs of a seed page (its lines of at least 12 words)."""
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return [p for p in path.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 12]


def _add(store: Store, aid: str, text: str, published: str | None, evidence: str = "dateline",
         title: str | None = None) -> None:
    """Insert one article row as the per-document pipeline would have stored it."""
    store.con.execute(
        "INSERT INTO articles (id, title, text, page_date, published, published_evidence) VALUES (?, ?, ?, ?, ?, ?)",
        [aid, title, text, published, published, evidence],
    )


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    """An empty store."""
    with open_store(tmp_path / "link.duckdb") as s:
        yield s


def test_partial_redated_copy_gets_original_and_date(store: Store, seeds_dir: Path) -> None:
    paras = _paragraphs(seeds_dir, "001")
    _add(store, "orig", "\n".join(paras), "2022-01-19")
    # a content farm re-posts it two years later with every third paragraph dropped
    _add(store, "copy", "\n".join(p for i, p in enumerate(paras) if i % 3 != 1), "2024-04-20", "page date")
    summary = link_articles(store, ["orig", "copy"])
    assert summary["copies"] == 1
    rows = {r["id"]: r for r in store.query("SELECT id, duplicate_of, published, published_evidence, story_id"
                                            " FROM articles")}
    assert rows["copy"]["duplicate_of"] == "orig" and rows["orig"]["duplicate_of"] is None
    assert rows["copy"]["published"] == "2022-01-19"
    assert rows["copy"]["published_evidence"].startswith("copy of orig")
    assert rows["copy"]["story_id"] == rows["orig"]["story_id"]


def test_credit_line_marks_the_copy_when_dates_agree(store: Store, seeds_dir: Path) -> None:
    paras = _paragraphs(seeds_dir, "004")
    _add(store, "a-repost", "\n".join(paras[:-2] + ["Source link"]), None)
    _add(store, "b-original", "\n".join(paras), None)
    link_articles(store, ["a-repost", "b-original"])
    dup = store.query("SELECT id, duplicate_of FROM articles ORDER BY id")
    assert [(r["id"], r["duplicate_of"]) for r in dup] == [("a-repost", "b-original"), ("b-original", None)]


def test_incremental_ingestion_links_later_article(store: Store, seeds_dir: Path) -> None:
    paras = _paragraphs(seeds_dir, "003")
    _add(store, "first", "\n".join(paras), "2022-03-17")
    assert link_articles(store, ["first"])["articles"] == 1
    assert link_articles(store, ["first"])["articles"] == 0  # idempotent
    _add(store, "later", "\n".join(paras[1:5]), "2022-03-18")
    _add(store, "other", "\n".join(_paragraphs(seeds_dir, "000")), "2023-06-02")
    link_articles(store, ["later", "other"])
    rows = {r["id"]: r for r in store.query("SELECT id, story_id, duplicate_of FROM articles")}
    assert rows["later"]["story_id"] == rows["first"]["story_id"] != rows["other"]["story_id"]
    assert rows["later"]["duplicate_of"] == "first"
    assert store.query("SELECT size FROM stories WHERE id = ?", [rows["first"]["story_id"]])[0]["size"] == 2


def _quote(qid: str, aid: str, text: str, speaker: str | None = "person:jen-psaki") -> list[Any]:
    return [qid, aid, text, "direct", 0, len(text), "said", speaker, speaker, "2022-01-18"]


def test_quotes_and_events_merge_across_articles(store: Store) -> None:
    _add(store, "a1", "White House briefing on Ukraine and the talks in Berlin.", "2022-01-19")
    _add(store, "a2", "Another outlet's write-up of the White House briefing on Ukraine.", "2022-01-19")
    cols = "(id, article_id, text, kind, start, \"end\", cue, speaker, speaker_id, date)"
    for row in (_quote("q1", "a1", "No option is off the table, it is an extremely dangerous situation"),
                _quote("q2", "a2", "No option is off the table"),
                _quote("q3", "a2", "We will keep talking to our European partners every day")):
        store.con.execute(f"INSERT INTO quotes {cols} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    ev = "(id, article_id, event_type, sentence, start, \"end\", source, target, location, negated)"
    for row in (("e1", "a1", "CONSULT", "Blinken heads Thursday to Berlin for four-way talks with Britain, France and "
                 "Germany to seek Western unity.", "Berlin"),
                ("e2", "a2", "CONSULT", "After Kyiv he was headed to Berlin for four-way talks with Britain, France "
                 "and Germany to seek Western unity.", None),
                ("e3", "a2", "ASSAULT", "Russian forces shelled the outskirts of Kharkiv overnight.", "Kharkiv")):
        store.con.execute(f"INSERT INTO events {ev} VALUES (?, ?, ?, ?, 0, 10, 'USA', 'GBR', ?, false)", list(row))
    link_articles(store, ["a1", "a2"])
    quotes = {r["id"]: r for r in store.query("SELECT id, sources, canonical_id FROM quotes")}
    assert quotes["q1"]["sources"] == quotes["q2"]["sources"] == 2 and quotes["q3"]["sources"] == 1
    assert quotes["q1"]["canonical_id"] == quotes["q2"]["canonical_id"] is not None
    events = {r["id"]: r for r in store.query("SELECT id, sources, canonical_id FROM events")}
    assert events["e1"]["sources"] == events["e2"]["sources"] == 2 and events["e3"]["sources"] == 1
    assert len(store.query("SELECT * FROM event_sources")) == 2
    # a full recompute gives the same links
    link_store(store)
    assert store.query("SELECT sources FROM quotes WHERE id = 'q2'")[0]["sources"] == 2
    # the export counts each merged statement and happening once, with its number of sources
    exported = [r for r in iter_records(store) if r["type"] in ("quote", "event")]
    assert sorted((r["type"], r["sources"]) for r in exported) == [
        ("event", 1), ("event", 2), ("quote", 1), ("quote", 2)]


def test_seeds_cluster_into_their_stories(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    ingest([seeds_dir], db)  # the pipeline calls link_articles with the new ids
    with open_store(db) as store:
        ids = {r["source_name"][:3]: r["id"] for r in store.query("SELECT id, source_name FROM articles")}
        story = {r["id"]: r["story_id"] for r in store.query("SELECT id, story_id FROM articles")}
        assert all(story.values())
        # 001 and 002 are two write-ups of one wire report sharing passages: one story, not copies
        assert story[ids["001"]] == story[ids["002"]]
        links = store.query("SELECT kind FROM article_links")
        assert {r["kind"] for r in links} == {"passage"}
        # the statement and the happening both carry are each one record with two sources
        for table, column, words in (("quotes", "text", "%off the table%"), ("events", "sentence", "%four-way talks%")):
            rows = store.query(f"SELECT article_id, sources, canonical_id FROM {table} WHERE {column} ILIKE ?"
                               " AND list_contains(?, article_id)", [words, [ids["001"], ids["002"]]])
            if {r["article_id"] for r in rows} == {ids["001"], ids["002"]}:  # both stages found it in both
                assert {r["sources"] for r in rows} == {2} and len({r["canonical_id"] for r in rows}) <= 3
        # with the real dates the time stage is to give (Jan 2022, Mar 2022, Jun 2023), the stories separate
        for key, day in (("000", "2023-06-02"), ("001", "2022-01-19"), ("002", "2022-01-19"), ("003", "2022-03-24"),
                         ("004", "2022-01-21")):
            store.con.execute("UPDATE articles SET published = ? WHERE id = ?", [day, ids[key]])
            store.con.execute("UPDATE link_docs SET own_published = ? WHERE article_id = ?", [day, ids[key]])
        # five articles make most words one-document terms, so cosines sit far below a real store's (004 to
        # 001 + 002: 0.12 here, 0.22 beside the ECB+ documents): the threshold is scaled to the tiny store
        link_store(store, threshold=0.5 * STORY_THRESHOLD)
        story = {r["id"]: r["story_id"] for r in store.query("SELECT id, story_id FROM articles")}
        assert story[ids["001"]] == story[ids["002"]] == story[ids["004"]]
        assert len({story[ids["001"]], story[ids["003"]], story[ids["000"]]}) == 3


def _seed_vectors(seeds_dir: Path) -> dict[str, Vector]:
    """Return TF-IDF vectors of the seed pages' halves (keys ``<seed>a``, ``<seed>b``)."""
    counts = {}
    for seed in ("000", "003"):
        paras = _paragraphs(seeds_dir, seed)
        half = len(paras) // 2
        counts[f"{seed}a"] = text_counts("\n".join(paras[:half]))
        counts[f"{seed}b"] = text_counts("\n".join(paras[half:]))
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    return {k: tfidf(c, df, len(counts), 1000) for k, c in counts.items()}


def test_lookup_reads_past_terms_no_story_is_listed_under() -> None:
    index = StoryIndex(threshold=0.1)
    sid = index.assign(normalise({"kyiv": 1.0, "blinken": 1.0}), None, "s-old")
    # the article's heaviest terms are its own rare words: the shared names come after them
    vec = normalise({f"rare{i}": 3.0 for i in range(2 * LOOKUP_TERMS)} | {"kyiv": 1.0, "blinken": 1.0})
    assert index.lookup_terms(vec) == ["blinken", "kyiv"] and index.nearest(vec, None)[0] == sid


def test_alike_stories_merge_within_their_dates(seeds_dir: Path) -> None:
    vecs = _seed_vectors(seeds_dir)
    # a strict threshold keeps every half apart at assignment; the merge pass then runs at a looser one
    index = StoryIndex(threshold=0.99)
    day = {"000a": date(2023, 6, 2), "000b": date(2023, 6, 3), "003a": date(2022, 3, 24), "003b": date(2022, 3, 25)}
    story = {k: index.assign(v, When.day(day[k]), f"s-{k}") for k, v in vecs.items()}
    assert len(set(story.values())) == 4
    index.threshold = 0.5 * min(index.stories[story[f"{s}a"]].similarity(index.stories[story[f"{s}b"]])
                                for s in ("000", "003")) / index.merge
    renamed = index.merge_stories(set(index.stories))
    final = {k: renamed.get(s, s) for k, s in story.items()}
    assert final["000a"] == final["000b"] != final["003a"] == final["003b"]
    assert set(final.values()) == set(index.stories) and index.stories[final["003a"]].size == 2
    # the same halves a month apart are two happenings: no merge across the date window
    index = StoryIndex(threshold=0.99)
    apart = {"003a": date(2022, 3, 24), "003b": date(2022, 4, 24)}
    sids = [index.assign(vecs[k], When.day(d), f"s-{k}") for k, d in apart.items()]
    index.threshold = 0.01
    assert index.merge_stories(set(sids)) == {} and len(index.stories) == 2


def test_a_report_that_left_the_speaker_open_gets_the_one_others_name(store: Store) -> None:
    _add(store, "a1", "White House briefing on Ukraine and the talks in Berlin.", "2022-01-19")
    _add(store, "a2", "Another outlet's write-up of the White House briefing on Ukraine.", "2022-01-19")
    cols = "(id, article_id, text, kind, start, \"end\", cue, speaker, speaker_id, date)"
    for row in (_quote("q1", "a1", "No option is off the table, it is an extremely dangerous situation"),
                _quote("q2", "a2", "No option is off the table, it is an extremely dangerous situation", None)):
        store.con.execute(f"INSERT INTO quotes {cols} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    link_articles(store, ["a1", "a2"])
    q2 = store.query("SELECT speaker_id, rule, sources FROM quotes WHERE id = 'q2'")[0]
    assert q2 == {"speaker_id": "person:jen-psaki", "rule": "+speaker:linked", "sources": 2}
    link_store(store)  # a recompute lends it again, once
    assert store.query("SELECT speaker_id, rule FROM quotes WHERE id = 'q2'")[0] == {
        "speaker_id": "person:jen-psaki", "rule": "+speaker:linked"}

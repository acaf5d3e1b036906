"""The DuckDB store: schema created and migrated once, newer files refused, transactional batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NotFoundError, SchemaVersionError
from newsgraph.records import Actor, Article, DocResult, RawDocument
from newsgraph.store import open_store
from newsgraph.store.db import migrations


def _result(doc_id: str, text: str = "Some clean text.") -> tuple[RawDocument, DocResult]:
    raw = RawDocument(doc_id, f"/in/{doc_id}.txt", text.encode(), "text/plain")
    return raw, DocResult(article=Article(id=doc_id, source=raw.uri, source_name=f"{doc_id}.txt", text=text))


def test_schema_created_once_and_versioned(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        assert store.schema_version == len(migrations()) >= 1
    with open_store(db) as store:  # reopening applies nothing twice
        assert store.schema_version == len(migrations())


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        store.con.execute("INSERT INTO meta VALUES ('migration:9999_future', 'x')")
    with pytest.raises(SchemaVersionError):
        open_store(db)


def test_read_only_open_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_batch_is_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    good = _result("a")
    broken_raw, broken = _result("b")
    broken.mentions = [object()]  # type: ignore[list-item]  # not a Mention: the insert fails
    with open_store(db) as store:
        with pytest.raises(AttributeError):
            store.write_results([good, (broken_raw, broken)])
        assert store.counts()["documents"] == 0
        assert store.write_results([good]) == 1
        assert store.write_results([good]) == 0  # same id: nothing new


def test_actor_upsert_merges_aliases(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        store.upsert_actor(Actor("person:x", "Ann X", "person", aliases=["Ann X"]))
        store.upsert_actor(Actor("person:x", "Ann X", "person", country="VSK", role="minister", aliases=["X"]))
        row = store.query("SELECT * FROM actors")[0]
        assert row["aliases"] == ["Ann X", "X"] and row["country"] == "VSK" and row["role"] == "minister"


def test_article_lookup_by_prefix(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_results([_result("abc123"), _result("abd456")])
        assert store.article("abc")["id"] == "abc123"
        with pytest.raises(NotFoundError):
            store.article("ab")

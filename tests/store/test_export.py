"""The export contract (schema/export.md): exact fields, record order, nulls, offsets, three formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq

from newsgraph import open_store
from newsgraph.store.export import export

ARTICLE = ["type", "id", "source", "source_name", "outlet", "original_outlet", "title", "page_date", "published",
           "published_evidence", "text", "boilerplate", "duplicate_of", "story_id", "error", "written_from",
           "written_until"]  # the last two extend the contract
ACTOR = ["type", "id", "name", "kind", "country", "sector", "role", "aliases"]
QUOTE = ["type", "id", "article_id", "speaker", "speaker_id", "speaker_country", "speaker_role", "kind", "text",
         "cue", "date", "start", "end", "sources"]
EVENT = ["type", "id", "article_id", "event_type", "mode", "source", "target", "source_name", "target_name",
         "source_sector", "target_sector", "date", "location", "sentence", "start", "end", "rule", "confidence",
         "sources"]
FIELDS = {"article": ARTICLE, "actor": ACTOR, "quote": QUOTE, "event": EVENT}


def _jsonl(seed_store: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "export.jsonl"
    with open_store(seed_store, read_only=True) as store:
        export(store, "jsonl", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_jsonl_fields_order_and_values(seed_store: Path, tmp_path: Path) -> None:
    records = _jsonl(seed_store, tmp_path)
    types = [r["type"] for r in records]
    order = ["article", "actor", "quote", "event"]
    assert types == sorted(types, key=order.index), "articles, then actors, quotes, events"
    for r in records:
        assert list(r) == FIELDS[r["type"]]
    articles = {r["id"]: r for r in records if r["type"] == "article"}
    assert len(articles) >= 8
    for art in articles.values():
        assert art["error"] is None
        assert art["text"] and art["title"] and art["source_name"]
        assert isinstance(art["boilerplate"], list)
        if art["published"]:
            assert len(art["published"]) in (4, 7, 10) and art["published"][:2] in ("19", "20")
    for r in records:
        if r["type"] in ("quote", "event"):
            text = articles[r["article_id"]]["text"]
            assert 0 <= r["start"] < r["end"] <= len(text)
        if r["type"] == "event":
            assert r["sentence"] == articles[r["article_id"]]["text"][r["start"]:r["end"]]


def test_parquet_and_csv_have_the_same_records(seed_store: Path, tmp_path: Path) -> None:
    records = _jsonl(seed_store, tmp_path)
    with open_store(seed_store, read_only=True) as store:
        export(store, "parquet", tmp_path / "pq")
        export(store, "csv", tmp_path / "csv")
    for name, kind in (("articles", "article"), ("actors", "actor"), ("quotes", "quote"), ("events", "event")):
        expected = [r for r in records if r["type"] == kind]
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        assert table.column_names == FIELDS[kind]
        assert table.num_rows == len(expected)
        with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == len(expected)
        if kind == "article" and rows:
            assert json.loads(rows[0]["boilerplate"]) == expected[0]["boilerplate"]


def test_failed_documents_are_exported_with_their_error(tmp_path: Path) -> None:
    from newsgraph import ingest

    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    ingest([tmp_path / "empty.txt"], db)
    records = _jsonl(db, tmp_path)
    assert len(records) == 1
    assert records[0]["error"].startswith("[NG101]") and records[0]["text"] is None

"""The per-document pipeline and the batch runner: idempotent, and bad input never stops a batch."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph import ingest, open_store, process_document
from newsgraph.records import RawDocument
from newsgraph.sources import content_id

HTML_NO_BODY = b"<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


@pytest.fixture()
def mixed_batch(tmp_path: Path, seeds_dir: Path) -> Path:
    """A folder with two good seed pages and one of each kind of bad input."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.dat").write_bytes(b"\x00\x01\x02\x03" * 512)
    (folder / "nobody.html").write_bytes(HTML_NO_BODY)
    (folder / "cut.html.gz").write_bytes(gzip.compress(HTML_NO_BODY * 40)[:-25])
    (folder / "latin1.txt").write_bytes(
        "Le ministre a déclaré jeudi à Genève que les négociations reprendraient bientôt, a-t-il ajouté.".encode(
            "latin-1"))
    return folder


def test_process_document_on_a_seed(seeds_dir: Path) -> None:
    data = (seeds_dir / "001_ff4ac3b1ac8ec433.txt").read_bytes()
    result = process_document(RawDocument(content_id(data), "001.txt", data, "text/plain"))
    art = result.article
    assert art.error is None and art.id == content_id(data)
    assert "Blinken" in art.text and art.boilerplate
    assert not result.stage_errors


def test_bad_inputs_recorded_batch_goes_on(mixed_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    report = ingest([mixed_batch], db)
    assert report.new == 7 and report.failed == 4
    with open_store(db, read_only=True) as store:
        errors = {r["source_name"]: r["error_code"] for r in store.query(
            "SELECT source_name, error_code FROM documents WHERE status = 'error'")}
        assert errors == {"empty.txt": "NG101", "binary.dat": "NG102", "nobody.html": "NG107",
                          "cut.html.gz": "NG105"}
        assert store.counts()["articles"] == 3
        latin = store.query("SELECT text FROM articles WHERE source_name = 'latin1.txt'")[0]["text"]
        assert "déclaré" in latin and "Genève" in latin


def test_ingest_is_idempotent(mixed_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([mixed_batch], db)
    with open_store(db) as store:
        before = store.counts()
    again = ingest([mixed_batch, mixed_batch], db)
    assert again.new == 0 and again.skipped == again.seen == 14
    with open_store(db) as store:
        assert store.counts() == before


def test_workers_give_the_same_store(mixed_batch: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([mixed_batch], one, link=False)
    ingest([mixed_batch], two, workers=2, batch_size=2, link=False)
    query = "SELECT id, title, text, error_code FROM articles FULL JOIN documents USING (id) ORDER BY id"
    with open_store(one, read_only=True) as a, open_store(two, read_only=True) as b:
        assert a.query(query) == b.query(query)


def test_dask_cluster_gives_the_same_store(mixed_batch: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([mixed_batch], one, link=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        report = ingest([mixed_batch], two, batch_size=2, link=False, scheduler=c.scheduler_address)
    assert report.new == 7
    query = "SELECT id, title, text, error_code FROM articles FULL JOIN documents USING (id) ORDER BY id"
    with open_store(one, read_only=True) as a, open_store(two, read_only=True) as b:
        assert a.query(query) == b.query(query)


def test_unreachable_scheduler_is_a_config_error(tmp_path: Path, seeds_dir: Path) -> None:
    pytest.importorskip("distributed")
    from newsgraph.errors import ConfigError

    with pytest.raises(ConfigError):
        ingest([seeds_dir], tmp_path / "s.duckdb", scheduler="tcp://127.0.0.1:1")
